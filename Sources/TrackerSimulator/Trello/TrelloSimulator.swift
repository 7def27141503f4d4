import Foundation
import JSON

/// A fake of Trello's REST API (`/1`), shaped after shared/api/trello/openapi.json: boards with lists, labels and
/// members; cards (24-hex ids that start with their creation time, 8-character shortLinks, `dateLastActivity`,
/// `closed`, `pos`); each board's actions with `since`/`before` paging; the 16,384-character limit on names and
/// descriptions; key and token from an OAuth `Authorization` header or from `key`/`token` query parameters; the
/// per-token and per-key rate limits with Trello's 429 bodies; `GET /batch`.
actor TrelloSimulator: SimulatedTracker {
    var store: TrelloStore
    let initial: TrelloStore
    /// The API key clients must send with the token; nil takes any key.
    let apiKey: String?
    var rateLimit = TrelloRateLimit()

    init(initial: TrelloStore, apiKey: String?) {
        store = initial
        self.initial = initial
        self.apiKey = apiKey
    }

    /// The simulated time, in milliseconds.
    func now() -> Int64 { store.wallClock.nowMilliseconds }

    // MARK: Shared behaviour

    /// `Authorization: OAuth oauth_consumer_key="K", oauth_token="T"`, else the `token` query parameter.
    nonisolated func presentedToken(_ request: SimRequest) -> String? {
        Self.credentials(request).token
    }

    nonisolated func unauthorizedResponse() -> SimResponse { TrelloErrors.unauthorizedToken }

    nonisolated func faultResponse(status: Int, headers: [(String, String)], message: String?) -> SimResponse {
        TrelloErrors.fault(status: status, headers: headers, message: message)
    }

    nonisolated static func credentials(_ request: SimRequest) -> (key: String?, token: String?) {
        if let header = request.headers["authorization"], header.lowercased().hasPrefix("oauth ") {
            var values: [String: String] = [:]
            for part in header.dropFirst(6).split(separator: ",") {
                let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard pair.count == 2 else { continue }
                values[pair[0]] = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            }
            return (values["oauth_consumer_key"], values["oauth_token"])
        }
        let query = request.query
        return (query.first { $0.name == "key" }?.value, query.first { $0.name == "token" }?.value)
    }

    // MARK: The API

    func handle(_ request: SimRequest, baseURL: String) -> SimResponse {
        let key = Self.credentials(request).key ?? ""
        guard apiKey.map({ $0 == key }) ?? !key.isEmpty else { return TrelloErrors.unauthorizedKey }
        switch rateLimit.spend(key: key, path: request.path, at: now()) {
        case .failure(let refusal):
            return TrelloErrors.rateLimited(refusal.limit)
        case .success(let headers):
            var response: SimResponse
            do { response = try route(request, site: baseURL) } catch { response = error.response }
            response.headers += headers
            return response
        }
    }

    func route(_ request: SimRequest, site: String) throws(TrelloFailure) -> SimResponse {
        guard request.path.hasPrefix("/1/") else { throw TrelloErrors.noRoute }
        let parts = request.path.dropFirst(3).split(separator: "/", omittingEmptySubsequences: false)
            .map { $0.removingPercentEncoding ?? String($0) }
        guard let parameters = TrelloParameters(request) else { throw TrelloErrors.badJSON }
        let call = TrelloCall(method: request.method, parts: parts, parameters: parameters, site: site)
        switch (call.method, parts.first ?? "") {
        case (_, "boards"): return try boards(call)
        case (_, "cards"): return try cards(call)
        case (_, "lists"): return try lists(call)
        case (_, "labels"): return try labels(call)
        case ("GET", "members"): return try members(call)
        case ("GET", "batch"): return batch(call)
        default: throw TrelloErrors.noRoute
        }
    }

    // MARK: Helpers

    func renderer(_ site: String) -> TrelloRenderer { TrelloRenderer(store: store, site: site) }

    static func json(_ status: Int = 200, _ body: (inout JSONWriter) -> Void) -> SimResponse {
        var json = JSONWriter()
        body(&json)
        return .json(status, bytes: json.bytes)
    }

    func board(_ reference: String) throws(TrelloFailure) -> Int {
        guard TrelloObjectIDs.isObjectID(reference) || TrelloObjectIDs.isShortLink(reference) else { throw TrelloErrors.invalidID }
        guard let index = store.boardIndex(reference) else { throw TrelloErrors.notFound }
        guard store.boards[index].memberIDs.contains(store.tokenMemberID) else { throw TrelloErrors.noPermission }
        return index
    }

    func card(_ reference: String) throws(TrelloFailure) -> Int {
        guard TrelloObjectIDs.isObjectID(reference) || TrelloObjectIDs.isShortLink(reference) else { throw TrelloErrors.invalidID }
        guard let index = store.cardIndex(reference) else { throw TrelloErrors.notFound }
        _ = try board(store[card: index].boardID)
        return index
    }

    /// Names and descriptions longer than 16,384 characters (counted as JavaScript counts, in UTF-16 units) are refused.
    static func checkLength(_ text: String?, field: String) throws(TrelloFailure) {
        if let text, text.utf16.count > 16_384 { throw TrelloErrors.invalidValue(field) }
    }
}
