import Foundation
import TrackerSimulator
import TrackerTesting
import Trackers
import WorkItems
import XCTest
@testable import JiraTracker

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// How many requests a read, a push and a no-op cost against the simulated Jira, and that nothing is lost for it.
final class JiraReadTests: XCTestCase {
    private var server: SimulatorServer!
    private var cache: URL!

    override func setUp() async throws {
        cache = FileManager.default.temporaryDirectory.appendingPathComponent("jira-read-\(UUID())")
    }

    override func tearDown() async throws {
        await server?.stop()
        try? FileManager.default.removeItem(at: cache)
    }

    private func start(issues: Int, timeZone: String = "Europe/Berlin") async throws {
        server = try await SimulatorServer.start(SimulatorOptions(kind: .jira, token: "T", seedCount: issues, seedProject: "ENG",
            timeZone: timeZone))
    }

    private func tracker() throws -> JiraTracker {
        try JiraTracker(settings: TrackerSettings(integration: "jira",
            values: ["jira.api_url": server.baseURL, "jira.email": "sim-user@example.com", "work.default_project_code": "ENG"],
            token: "T", originURL: nil, cacheDirectory: cache))
    }

    @discardableResult
    private func admin(_ method: String, _ path: String, _ body: Any? = nil) async throws -> Any? {
        try await SimulatorAdminClient(baseURL: server.baseURL).send(method, path, body).json
    }

    /// `METHOD /path` of every tracker request since the log was last cleared.
    private func requests() async throws -> [String] {
        let log = try await admin("GET", "/_simulator/requests") as? [[String: Any]] ?? []
        return log.map { "\($0["method"] as? String ?? "") \(($0["path"] as? String ?? "").split(separator: "?").first ?? "")" }
    }

    private func clearRequests() async throws { try await admin("DELETE", "/_simulator/requests") }

    private func seededKeys() async throws -> Set<String> {
        let items = try await admin("GET", "/_simulator/items") as? [[String: Any]] ?? []
        return Set(items.compactMap { $0["key"] as? String })
    }

    func testAFirstPullReadsEveryIssueOnceWithKeysThenBatchesOfAHundred() async throws {
        try await start(issues: 250)
        let read = try await tracker().read(RemoteReadRequest(since: nil, trackedKeys: [], discovery: DiscoveryFilter(projectCode: "ENG"),
            discoverySince: nil))
        XCTAssertEqual(read.items.count, 250)
        let expected = try await seededKeys()
        XCTAssertEqual(Set(read.items.map(\.key)), expected)
        // The first page (100 with fields), one page of keys, then the 150 others in two batches of at most 100.
        XCTAssertEqual(read.requestCount, 4)
        let sent = try await requests()
        XCTAssertEqual(sent, Array(repeating: "POST /rest/api/3/search/jql", count: 4), "a first pull has no date to write")
    }

    func testTrackedAndDiscoveredIssuesComeFromOneQuery() async throws {
        try await start(issues: 30)
        let since = Date(timeIntervalSinceNow: -3600)
        let t = try tracker()
        // Older issues wanted for a new label filter: both clauses, joined with OR, in one search.
        let read = try await t.read(RemoteReadRequest(since: since, trackedKeys: ["ENG-1"],
            discovery: DiscoveryFilter(projectCode: "ENG", labels: ["bench"]), discoverySince: nil))
        XCTAssertEqual(read.requestCount, 2, "the time zone, then one search")
        let sent = try await requests()
        XCTAssertEqual(sent, ["GET /rest/api/3/myself", "POST /rest/api/3/search/jql"])
        let seeded = try await seededKeys()
        XCTAssertEqual(Set(read.items.map(\.key)), seeded, "every seeded issue changed within the hour")
    }

    func testAnIncrementalReadAsksForTheZoneAlongsideTheSearchOnceItKnowsIt() async throws {
        try await start(issues: 3)
        let since = Date(timeIntervalSinceNow: -60)
        let request = RemoteReadRequest(since: since, trackedKeys: ["ENG-1"], discovery: DiscoveryFilter(projectCode: "ENG"),
            discoverySince: since)
        _ = try await tracker().read(request)
        let first = try await requests()
        XCTAssertEqual(first, ["GET /rest/api/3/myself", "POST /rest/api/3/search/jql"], "nothing known: the zone first")
        try await clearRequests()
        let again = try await tracker().read(request)
        XCTAssertEqual(again.requestCount, 2)
        let sent = try await requests()
        XCTAssertEqual(sent.sorted(), ["GET /rest/api/3/myself", "POST /rest/api/3/search/jql"], "sent together")
    }

    func testAChangedZoneRepeatsTheSearchWithIt() async throws {
        try await start(issues: 3, timeZone: "America/New_York")
        let account = "\(server.baseURL) sim-user@example.com"
        // The user's zone was Tokyo when it was cached: Tokyo's wall clock read in New York is hours in the future,
        // so the guessed query finds nothing.
        JiraZoneCache(file: cache.appendingPathComponent(JiraZoneCache.fileName), account: account).store(TimeZone(identifier: "Asia/Tokyo")!)
        let since = Date(timeIntervalSinceNow: -3600)
        let read = try await tracker().read(RemoteReadRequest(since: since, trackedKeys: ["ENG-1"],
            discovery: DiscoveryFilter(projectCode: "ENG"), discoverySince: since))
        XCTAssertEqual(Set(read.items.map(\.key)), ["ENG-1", "ENG-2", "ENG-3"])
        let sent = try await requests()
        XCTAssertEqual(sent.sorted(), ["GET /rest/api/3/myself", "POST /rest/api/3/search/jql", "POST /rest/api/3/search/jql"])
        let zone = JiraZoneCache(file: cache.appendingPathComponent(JiraZoneCache.fileName), account: account).load()
        XCTAssertEqual(zone?.identifier, "America/New_York")
    }

    func testACachedZoneIsForItsAccountOnly() {
        let file = cache.appendingPathComponent(JiraZoneCache.fileName)
        JiraZoneCache(file: file, account: "a").store(TimeZone(identifier: "Asia/Tokyo")!)
        XCTAssertEqual(JiraZoneCache(file: file, account: "a").load()?.identifier, "Asia/Tokyo")
        XCTAssertNil(JiraZoneCache(file: file, account: "b").load())
        XCTAssertNil(JiraZoneCache(file: nil, account: "a").load())
    }

    func testAnEditAnswersWithTheIssueSoNothingIsReadBack() async throws {
        try await start(issues: 2)
        let t = try tracker()
        let before = try await t.fetch(keys: ["ENG-1"])[0]
        try await clearRequests()
        var changed = before.content
        changed.title = "Renamed"
        let updated = try await t.update(key: "ENG-1", to: changed, previous: before.content)
        XCTAssertEqual(updated.content.title, "Renamed")
        XCTAssertNotEqual(updated.updatedAt, before.updatedAt)
        let sent = try await requests()
        XCTAssertEqual(sent, ["PUT /rest/api/3/issue/ENG-1"])
        let reread = try await t.fetch(keys: ["ENG-1"])[0]
        XCTAssertEqual(reread.updatedAt, updated.updatedAt, "the answer is the issue as Jira keeps it")
        XCTAssertEqual(reread.content, updated.content)
    }

    func testFetchAsksAHundredKeysARequestAndSkipsKeysThatAreGone() async throws {
        try await start(issues: 150)
        try await admin("DELETE", "/_simulator/items/ENG-7")
        let keys = (1...150).map { "ENG-\($0)" }
        let found = try await tracker().fetch(keys: keys)
        XCTAssertEqual(Set(found.map(\.key)), Set(keys).subtracting(["ENG-7"]))
        XCTAssertEqual(found.count, 149)
    }
}
