import Foundation
import TrackerSimulator
import TrackerTesting
import Trackers
import WorkItems
import XCTest
@testable import TrelloTracker

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A Trello simulator per test, the client pointed at it, and the simulator's admin API for changing cards the way a
/// person in Trello would. The client's pacer is loose here (pacing has its own tests) so tests stay quick.
class TrelloClientTestCase: XCTestCase {
    let key = "0123456789abcdef0123456789abcdef"
    let token = "trello-test-token-not-secret"
    private(set) var server: SimulatorServer!

    override func setUp() async throws {
        server = try await SimulatorServer.start(SimulatorOptions(kind: .trello, token: token, apiKey: key))
    }

    override func tearDown() async throws {
        await server?.stop()
    }

    /// Retry waits the client asked for, recorded instead of slept.
    let retryWaits = SleepLog()

    func tracker(_ extra: [String: String] = [:], token: String? = nil, key: String? = nil) throws -> TrelloTracker {
        var values = ["trello.key": key ?? self.key, "trello.board_id": "EngBoard", "trello.api_url": server.baseURL]
        values.merge(extra) { _, new in new }
        let settings = TrackerSettings(integration: "trello", values: values, token: token ?? self.token, originURL: nil, cacheDirectory: nil)
        let waits = retryWaits
        let pacer = RequestPacer(rules: [PacingRule(name: "loose", spacing: .microseconds(1), burst: 1000)], clock: VirtualClockForTrello())
        return try TrelloTracker(settings: settings, pacer: pacer, sleep: { waits.record($0) })
    }

    // MARK: The admin API

    @discardableResult
    func admin(_ method: String, _ path: String, _ body: Any? = nil) async throws -> (status: Int, json: Any?) {
        let answer = try await SimulatorAdminClient(baseURL: server.baseURL).send(method, path, body)
        return (answer.status, answer.json)
    }

    /// Adds a card as a colleague would; returns its shortLink.
    @discardableResult
    func addCard(_ item: [String: Any]) async throws -> String {
        let answer = try await admin("POST", "/_simulator/items", item)
        XCTAssertEqual(answer.status, 201, "\(String(describing: answer.json))")
        return try XCTUnwrap((answer.json as? [String: Any])?["key"] as? String)
    }

    func changeCard(_ key: String, _ change: [String: Any]) async throws {
        let answer = try await admin("PATCH", "/_simulator/items/\(key)", change)
        XCTAssertEqual(answer.status, 200, "\(String(describing: answer.json))")
    }

    /// The card as the admin API shows it (Trello's JSON with the neutral members laid over).
    func item(_ key: String) async throws -> [String: Any] {
        let items = try await admin("GET", "/_simulator/items").json as? [[String: Any]] ?? []
        return try XCTUnwrap(items.first { $0["key"] as? String == key }, "no card \(key)")
    }

    /// `METHOD path` of every tracker request so far (query left on).
    func requests() async throws -> [String] {
        let log = try await admin("GET", "/_simulator/requests").json as? [[String: Any]] ?? []
        return log.map { "\($0["method"] as? String ?? "") \($0["path"] as? String ?? "")" }
    }

    /// `METHOD path` without the query, of every tracker request so far.
    func requestPaths() async throws -> [String] {
        try await requests().map { String($0.split(separator: "?")[0]) }
    }

    /// The card as the client reads it now.
    func remoteCard(_ key: String, through tracker: TrelloTracker) async throws -> RemoteItem {
        let items = try await tracker.fetch(keys: [key])
        return try XCTUnwrap(items.first, "no card \(key)")
    }

    func clearRequests() async throws { try await admin("DELETE", "/_simulator/requests") }

    func fault(_ spec: [String: Any]) async throws {
        let answer = try await admin("POST", "/_simulator/faults", spec)
        XCTAssertEqual(answer.status, 204)
    }

    /// A read as the engine makes it: everything on a first sync, else what changed since `since`.
    func read(_ tracker: TrelloTracker, since: Date? = nil, tracked: Set<String> = [], known: [String: String] = [:],
              filter: DiscoveryFilter = DiscoveryFilter()) async throws -> RemoteReadResult {
        try await tracker.read(RemoteReadRequest(since: since, trackedKeys: tracked, knownUpdatedAt: KnownUpdates(known), discovery: filter,
                                                 discoverySince: filter.isDefaultScope ? since : nil))
    }
}
