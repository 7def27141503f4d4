import Foundation
import JSON
import Trackers

/// Linear's one endpoint, `POST {api}/graphql`, over the shared HTTP client: the credential in `Authorization`,
/// `{"query", "variables", "operationName"}` bodies, answers read for `errors` whatever the status, budgets paced.
struct LinearAPI: Sendable {
    /// `https://api.linear.app/graphql`, or `linear.api_url` + `/graphql`.
    let endpoint: String
    let credential: LinearCredential
    let http: TrackerHTTPClient
    let pacer: LinearPacer

    static let defaultAPI = "https://api.linear.app"

    init(apiURL: String?, credential: LinearCredential, concurrency: Int, pacer: LinearPacer = LinearPacer(),
         sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }) {
        let base = (apiURL ?? Self.defaultAPI).trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        endpoint = base.hasSuffix("/graphql") ? base : base + "/graphql"
        self.credential = credential
        self.pacer = pacer
        http = TrackerHTTPClient(concurrency: concurrency, secrets: [credential.token, credential.authorization],
                                 classify: LinearResponses.classify, sleep: sleep)
    }

    var requestCount: Int { http.requestCount }

    /// Runs `document` and returns its `data`. Any `errors` fail the request: the sync never acts on half an answer.
    func run(_ document: LinearDocument, _ variables: JSONObject = [:]) async throws(TrackerError) -> JSONValue {
        let body: JSONValue = ["query": .string(document.text), "variables": .object(variables), "operationName": .string(document.operationName)]
        let spec = HTTPRequestSpec(method: "POST", url: endpoint,
                                   headers: [("Content-Type", "application/json"), ("Accept", "application/json"),
                                             ("Authorization", credential.authorization)],
                                   body: body.encoded(), idempotent: document.idempotent)
        try await pacer.waitForBudget()
        let response = try await http.send(spec)
        pacer.note(response)
        let what = document.operationName
        let parsed = try? JSONValue(parsing: response.body)
        let entries = LinearErrorReading.entries(parsed)
        guard (200..<300).contains(response.status), entries.isEmpty else {
            throw LinearErrorReading.error(status: response.status, entries: entries, what: what, credential: credential, redact: http.redact)
        }
        guard let parsed, let data = parsed["data"], !data.isNull else {
            throw .unavailable("Linear answered \(what) with something that is not a GraphQL answer (neither data nor errors)")
        }
        return data
    }
}
