import Foundation
import JiraTracker
import JSON
import Trackers
import WorkItems
import XCTest

/// What the Jira client really sends and receives in a sync — searches, a create carrying its marker property,
/// edits, a transition, user look-ups — recorded by the simulator and checked against Atlassian's OpenAPI
/// description by tools/check-openapi-exchange.py.
final class JiraClientContractTests: XCTestCase {
    private let token = "jira-client-contract-token"
    private var simulator: SimulatorSession!

    override func setUp() async throws {
        simulator = try await SimulatorSession.start(.jira, token: token)
    }

    override func tearDown() async throws {
        await simulator?.stop()
    }

    func testEverythingTheClientSendsFitsTheDescription() async throws {
        let spec = try VendorTools.located().path("api/jira/platform-v3-subset.json")
        let tracker = try JiraTracker(settings: TrackerSettings(
            integration: "jira",
            values: ["jira.api_url": simulator.baseURL, "jira.email": "sim-user@example.com", "work.default_project_code": "ENG"],
            token: token, originURL: nil, cacheDirectory: nil))
        let key = try await syncLikeSession(with: tracker)

        let exchanges = try await simulator.exchanges()
        let log = try JSONValue(parsing: exchanges.bytes)
        let operations = Set((log.array ?? []).map { exchange in
            "\(exchange["method"]?.string ?? "") \((exchange["path"]?.string ?? "").split(separator: "?").first ?? "")"
        })
        for expected in ["POST /rest/api/3/search/jql", "POST /rest/api/3/issue", "GET /rest/api/3/myself",
                         "PUT /rest/api/3/issue/\(key)", "POST /rest/api/3/issue/\(key)/transitions",
                         "GET /rest/api/3/user/assignable/search"] {
            XCTAssertTrue(operations.contains(expected), "\(expected) not in \(operations.sorted())")
        }
        let file = try temporaryFile("jira-client-exchanges.json", holding: exchanges.bytes)
        try assertVendorCheck("check-openapi-exchange.py", [spec, file], printing: "\(exchanges.count) exchanges, 0 problems")
    }

    /// Create with formatting, tags and an assignee; find it by its marker; rename, reassign and move it; read it
    /// back the ways a sync does. Returns the issue's key.
    private func syncLikeSession(with tracker: JiraTracker) async throws -> String {
        let description = """
            ## Summary

            Something **bold** to do, with `code` and [a link](https://example.com).

            | a | b |
            | --- | --- |
            | 1 | 2 |

            - [ ] a task
            - [x] a done task
            """
        let content = WorkItemContent(title: "Alpha", description: description, status: "ready", priority: "high",
                                      kind: "story", tags: ["backend", "two words"], assignee: "Ana Alves")
        let marker = SyncMarker("contract-0001")
        let created = try await tracker.create(content, marker: marker)
        let found = try await tracker.findCreated(marker: marker, createdAfter: Date(timeIntervalSinceNow: -3600))
        XCTAssertEqual(found?.key, created.key)

        var changed = created.content
        changed.title = "Alpha, renamed"
        changed.status = "in-progress"
        changed.assignee = "Ben Brooks"
        let updated = try await tracker.update(key: created.key, to: changed, previous: created.content)
        XCTAssertEqual(updated.content.title, "Alpha, renamed")

        let since = Date(timeIntervalSinceNow: -86_400)
        let read = try await tracker.read(RemoteReadRequest(since: since, trackedKeys: [created.key],
                                                            discovery: DiscoveryFilter(projectCode: "ENG"), discoverySince: since))
        XCTAssertTrue(read.items.contains { $0.key == created.key })
        let fetched = try await tracker.fetch(keys: [created.key])
        XCTAssertEqual(fetched.map(\.key), [created.key])
        return created.key
    }
}
