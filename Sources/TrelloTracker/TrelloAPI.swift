import Foundation
import JSON
import Trackers

/// Trello's REST API under `/1` over the shared HTTP client: the key and token in an OAuth `Authorization` header
/// (never in a URL, so neither reaches a log or an error), every request paced under Trello's published limits,
/// JSON answers decoded into the types the client reads, and Trello's error answers turned into one-line
/// `TrackerError`s without secrets.
struct TrelloAPI: Sendable {
    /// `https://api.trello.com/1`, or `trello.api_url` + `/1`.
    let baseURL: String
    private let authorization: String
    let http: TrackerHTTPClient

    /// `sleep` waits out retries (tests record instead of sleeping).
    init(apiURL: String, key: String, token: String, concurrency: Int, pacer: RequestPacer = TrelloAPI.pacer(),
         sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }) {
        baseURL = apiURL.trimmingCharacters(in: CharacterSet(charactersIn: "/")) + "/1"
        authorization = "OAuth oauth_consumer_key=\"\(key)\", oauth_token=\"\(token)\""
        http = TrackerHTTPClient(concurrency: concurrency, secrets: [key, token, authorization], policy: Self.retryPolicy,
                                 classify: TrelloResponses.classify, pacer: pacer, sleep: sleep)
    }

    /// Trello allows 100 requests in 10 seconds per token and 300 per key. Every request spends from both, reads and
    /// writes alike; the token's budget is the one a single run meets. 85% of it leaves room for a burst of 13 (a
    /// sync of ten changes, its reads and ten pushes, goes out unpaced in one round, as `--concurrency` sends it)
    /// and for two requests that arrive closer together than they left, so even a sliding window never sees more
    /// than 100. A large push pays for the burst: 8.5 requests a second where 9 would fit.
    static func pacer(clock: any PacerClock = ContinuousPacerClock()) -> RequestPacer {
        RequestPacer(rules: [
            .fitting(name: "trello-token", limit: 100, per: .seconds(10), utilisation: 0.85, burst: 13),
            .fitting(name: "trello-key", limit: 300, per: .seconds(10), utilisation: 0.9, burst: 24),
        ], clock: clock)
    }

    /// Trello says nothing about when to come back after a 429: back off from a second up to ten, six times, which
    /// outlasts one 10-second window.
    static let retryPolicy: RetryPolicy = {
        var policy = RetryPolicy()
        policy.maxAttempts = 6
        policy.baseDelay = .seconds(1)
        policy.maxDelay = .seconds(10)
        return policy
    }()

    var requestCount: Int { http.requestCount }

    /// The answer to `GET path`, read by `read`; an answer it cannot read is Trello answering something unexpected.
    func get<Answer>(_ path: String, _ query: [(String, String)] = [], reading read: (JSONValue) -> Answer?) async throws(TrackerError) -> Answer {
        try Self.read(try await send("GET", path, query), with: read, what: "GET " + path)
    }

    /// `body` goes as JSON (Trello takes a JSON body wherever it takes query parameters); `idempotent`: safe to send
    /// twice (every PUT and DELETE here is).
    func send<Answer>(
        _ method: String, _ path: String, _ query: [(String, String)] = [], body: JSONValue? = nil, idempotent: Bool? = nil,
        reading read: (JSONValue) -> Answer?
    ) async throws(TrackerError) -> Answer {
        try Self.read(try await send(method, path, query, body: body, idempotent: idempotent), with: read, what: method + " " + path)
    }

    /// The raw answer of a request that succeeded (2xx); anything else is thrown as a `TrackerError`.
    @discardableResult
    func send(
        _ method: String, _ path: String, _ query: [(String, String)] = [], body: JSONValue? = nil, idempotent: Bool? = nil
    ) async throws(TrackerError) -> HTTPResponseData {
        var headers = [("Accept", "application/json"), ("Authorization", authorization)]
        if body != nil { headers.append(("Content-Type", "application/json")) }
        let spec = HTTPRequestSpec(method: method, url: baseURL + path + Self.queryString(query), headers: headers,
                                   body: body?.encoded(), idempotent: idempotent)
        let response = try await http.send(spec)
        try check(response, method: method, path: path)
        return response
    }

    private static func read<Answer>(_ response: HTTPResponseData, with read: (JSONValue) -> Answer?, what: String) throws(TrackerError) -> Answer {
        guard let json = try? JSONValue(parsing: response.body) else {
            throw .unavailable("Trello answered \(what) with something that is not JSON")
        }
        guard let answer = read(json) else {
            throw .unavailable("Trello answered \(what) without what this client reads from it")
        }
        return answer
    }

    private func check(_ response: HTTPResponseData, method: String, path: String) throws(TrackerError) {
        guard !(200..<300).contains(response.status) else { return }
        let what = "\(method) \(path)"
        let said = http.redact(TrelloResponses.errorText(response.body) ?? "HTTP \(response.status)")
        switch response.status {
        case 401 where said.lowercased().contains("invalid key"):
            throw .unauthorized("Trello rejected the API key: check trello.key (or TRELLO_API_KEY); the key is the one shown at trello.com/power-ups/admin")
        case 401 where said.lowercased().contains("permission"):
            throw .unauthorized("Trello refused \(what): the token's member has no access to it (\(said))")
        case 401:
            throw .unauthorized("Trello rejected the token (\(said)): check ACCELERATOR_TRELLO_TOKEN (or trello.token), and that it was issued for this API key")
        case 403:
            throw .unauthorized("Trello refused \(what) (\(said)): the token lacks write access or the board is not shared with its member")
        case 404:
            throw .notFound("Trello has no \(path) (or the token cannot see it): \(said)")
        case 400, 422:
            throw .rejected("Trello refused \(what): \(said)")
        case 429:
            throw .rateLimited("Trello's rate limit (\(TrelloResponses.limitName(response.body) ?? "429")) held for longer than this run waits; run the sync again in a minute")
        default:
            throw .unavailable("Trello answered \(response.status) for \(what): \(said)")
        }
    }

    static func queryString(_ query: [(String, String)]) -> String {
        guard !query.isEmpty else { return "" }
        return "?" + query.map { "\(encode($0.0))=\(encode($0.1))" }.joined(separator: "&")
    }

    /// Percent-encodes all but RFC 3986's unreserved characters (so a `,` inside a batch route stays inside it).
    static func encode(_ text: String) -> String { PercentEncoding.component(text) }

}
