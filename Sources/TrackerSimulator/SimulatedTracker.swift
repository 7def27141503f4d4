import Foundation
import JSON

/// One HTTP request as a simulated tracker sees it.
struct SimRequest: Sendable {
    var method: String
    /// As received (still percent-encoded).
    var path: String
    /// As received, without the `?`.
    var rawQuery: String?
    /// Lower-cased names; repeated fields joined with ", ".
    var headers: [String: String]
    var body: Data

    /// Query parameters in order, percent-decoded.
    var query: [(name: String, value: String)] { QueryString.parse(rawQuery) }
    var pathAndQuery: String { path + (rawQuery.map { "?" + $0 } ?? "") }
}

struct SimResponse: Sendable {
    var status: Int
    var headers: [(String, String)] = []
    var body: Data = Data()

    static func json(_ status: Int, _ object: Any, headers: [(String, String)] = []) -> SimResponse {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return SimResponse(status: status, headers: [("content-type", "application/json; charset=utf-8")] + headers, body: data)
    }

    static func json(_ status: Int, bytes: [UInt8], headers: [(String, String)] = []) -> SimResponse {
        SimResponse(status: status, headers: [("content-type", "application/json; charset=utf-8")] + headers, body: Data(bytes))
    }

    static func empty(_ status: Int) -> SimResponse { SimResponse(status: status) }
}

/// One tracker's fake API. The shared pieces around it (admin routes, request log, faults, latency, token check,
/// state file) are the same for every tracker; a new tracker implements this and adds a `SimulatedTrackerKind` case.
protocol SimulatedTracker: Sendable {
    /// The token the request presents, read the way this tracker's clients send it; nil when there is none.
    func presentedToken(_ request: SimRequest) -> String?
    /// What this tracker answers to a missing or wrong token.
    func unauthorizedResponse() -> SimResponse
    /// An injected fault's answer, in this tracker's error shape; `message` (when the fault names one) replaces the
    /// tracker's usual text for that status, so tests can send hostile server messages.
    func faultResponse(status: Int, headers: [(String, String)], message: String?) -> SimResponse

    /// A request that passed the token check.
    func handle(_ request: SimRequest, baseURL: String) async -> SimResponse

    // Admin API (see `AdminAPI`): items in the tracker's own JSON with the neutral members (`NeutralItem`) laid
    // over it; requests take the neutral members, the tracker's own extras, or both.
    func adminListItems(baseURL: String) async -> SimResponse
    /// Creates an item in `scope` (default: the scope the simulator was seeded or set up with).
    func adminAddItem(_ body: Data, baseURL: String) async -> SimResponse
    /// Changes an item as a person would, moving its updated time when something changed.
    func adminChangeItem(key: String, _ body: Data, baseURL: String) async -> SimResponse
    func adminDeleteItem(key: String) async -> SimResponse
    /// Tracker-specific set-up (GitHub: `{"repositories": ["o/r"], "users": ["login"]}`).
    func adminSetup(_ body: Data) async -> SimResponse
    /// `{"ratelimit_remaining": N}`: the request budget left before the tracker's rate-limit answer.
    func setRequestBudget(remaining: Int, resetInSeconds: Int?) async
    /// Back to the state the simulator started with (the simulated time stays where it is).
    func reset() async
    /// The simulated "now" after `move` (nil: unchanged); every time the tracker writes or compares reads it.
    func clock(_ move: ClockMove?) async -> Date

    /// The encoded state when it changed after `revision` (for the state file), else nil.
    func snapshot(ifNewerThan revision: Int) async -> (revision: Int, data: Data)?
    /// How the request log and fault patterns name a request: its path and query, and for an API with one endpoint
    /// (GraphQL) also the operation it runs.
    func requestLabel(_ request: SimRequest) -> String
}

extension SimulatedTracker {
    func requestLabel(_ request: SimRequest) -> String { request.pathAndQuery }
}

extension SimulatedTrackerKind {
    /// A fresh tracker: from the state file when it exists, else empty or seeded as the options say.
    func makeTracker(_ options: SimulatorOptions) throws -> any SimulatedTracker {
        switch self {
        case .github:
            if let saved = try GitHubStore.saved(in: options.stateFile) { return GitHubSimulator(initial: saved) }
            var store = GitHubStore()
            if options.seedDemo { GitHubDemoData.seedDemo(into: &store) }
            if options.seedCount > 0 {
                GitHubDemoData.seedGenerated(count: options.seedCount, repository: options.seedRepository, into: &store)
            }
            return GitHubSimulator(initial: store)
        case .jira:
            if let saved = try JiraStore.saved(in: options.stateFile) { return JiraSimulator(initial: saved) }
            var store = JiraStore()
            if let zone = options.timeZone { store.timeZone = zone }
            if let email = options.email { store.users[0].emailAddress = email }
            if options.seedDemo { JiraDemoData.seedDemo(into: &store) }
            if options.seedCount > 0 {
                JiraDemoData.seedGenerated(count: options.seedCount, projectKey: options.seedProject, into: &store)
            }
            return JiraSimulator(initial: store)
        case .linear:
            if let saved = try LinearStore.saved(in: options.stateFile) { return LinearSimulator(initial: saved) }
            var store = LinearStore()
            if let email = options.email { store.setViewerEmail(email) }
            if options.seedDemo { LinearDemoData.seedDemo(into: &store) }
            if options.seedCount > 0 { LinearDemoData.seedGenerated(count: options.seedCount, teamKey: options.seedProject, into: &store) }
            return LinearSimulator(initial: store)
        case .trello:
            if let saved = try TrelloStore.saved(in: options.stateFile) { return TrelloSimulator(initial: saved, apiKey: options.apiKey) }
            var store = TrelloDemoData.standard()
            if options.seedDemo { TrelloDemoData.seedDemo(into: &store, now: store.wallClock.nowMilliseconds) }
            if options.seedCount > 0 { TrelloDemoData.seedGenerated(count: options.seedCount, into: &store, now: store.wallClock.nowMilliseconds) }
            return TrelloSimulator(initial: store, apiKey: options.apiKey)
        }
    }
}
