import Foundation
import JSON
import Trackers

/// Jira Cloud REST v3 over the shared HTTP client: Basic auth with the account email and API token, JSON bodies,
/// Jira's error shape (`errorMessages` + `errors`) turned into one-line `TrackerError`s without secrets.
struct JiraAPI: Sendable {
    /// `https://acme.atlassian.net` (or `jira.api_url`), without a trailing slash.
    let baseURL: String
    let email: String
    private let authorization: String
    let http: TrackerHTTPClient

    init(baseURL: String, email: String, token: String, concurrency: Int) {
        self.baseURL = baseURL
        self.email = email
        let basic = Data("\(email):\(token)".utf8).base64EncodedString()
        authorization = "Basic " + basic
        http = TrackerHTTPClient(concurrency: concurrency, secrets: [token, basic])
    }

    var requestCount: Int { http.requestCount }

    func get(_ path: String) async throws(TrackerError) -> JSONValue {
        try await send("GET", path, body: nil, idempotent: true) ?? .null
    }

    /// `idempotent`: safe to send twice (searches are POSTs that change nothing).
    @discardableResult
    func send(_ method: String, _ path: String, body: JSONValue?, idempotent: Bool? = nil) async throws(TrackerError) -> JSONValue? {
        var headers = [("Accept", "application/json"), ("Authorization", authorization)]
        if body != nil { headers.append(("Content-Type", "application/json")) }
        let spec = HTTPRequestSpec(method: method, url: baseURL + path, headers: headers,
                                   body: body.map { $0.encoded(keys: .sorted) }, idempotent: idempotent)
        let response = try await http.send(spec)
        try check(response, method: method, path: path)
        guard !response.body.isEmpty else { return nil }
        do { return try JSONValue(parsing: response.body) } catch {
            throw .unavailable("Jira answered \(method) \(Self.pathOnly(path)) with something that is not JSON")
        }
    }

    private func check(_ response: HTTPResponseData, method: String, path: String) throws(TrackerError) {
        guard !(200..<300).contains(response.status) else { return }
        let what = "\(method) \(Self.pathOnly(path))"
        let said = http.redact(Self.errorText(response.body) ?? "HTTP \(response.status)")
        switch response.status {
        case 401:
            throw .unauthorized("Jira rejected the credentials for \(email): check the API token (ACCELERATOR_JIRA_TOKEN) and jira.email")
        case 403:
            throw .unauthorized("Jira refused \(what) for \(email) (\(said)): the account lacks permission")
        case 404:
            throw .notFound("Jira has no \(Self.pathOnly(path)) (or \(email) cannot see it): \(said)")
        case 410:
            throw .configuration("Jira answered 410 Gone for \(what): this API was removed; update git-sync-work-items")
        case 400, 422:
            throw .rejected("Jira refused \(what): \(said)")
        case 429:
            throw .rateLimited("Jira rate limit reached on \(what); run the sync again later")
        default:
            throw .unavailable("Jira answered \(response.status) for \(what): \(said)")
        }
    }

    /// `{"errorMessages": [...], "errors": {"field": "message"}}` as one line.
    static func errorText(_ body: [UInt8]) -> String? {
        guard let json = try? JSONValue(parsing: body) else {
            let text = String(decoding: body.prefix(200), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            return text.isEmpty ? nil : text.replacingOccurrences(of: "\n", with: " ")
        }
        var parts = (json["errorMessages"]?.array ?? []).compactMap(\.string)
        for (field, message) in (json["errors"]?.object ?? [:]).sorted(by: { $0.key < $1.key }) {
            parts.append("\(field): \(message.string ?? message.encodedString(keys: .sorted))")
        }
        if parts.isEmpty, let message = json["message"]?.string { parts.append(message) }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }

    static func pathOnly(_ path: String) -> String {
        path.split(separator: "?", maxSplits: 1).first.map(String.init) ?? path
    }

    static func encode(_ s: String) -> String { PercentEncoding.component(s) }
}
