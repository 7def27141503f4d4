import Foundation
import JSON
import LinearTracker
import Trackers
import WorkItems
import XCTest

/// Every GraphQL document the Linear client can send, and every document a sync-like session really sent, checked
/// against Linear's published schema by tools/check-graphql.py (graphql-core, the reference implementation's port):
/// a misspelt field or argument would be refused by Linear exactly like this.
final class LinearClientContractTests: XCTestCase {
    private let token = "lin_api_contract-key"
    private var simulator: SimulatorSession!

    override func setUp() async throws {
        simulator = try await SimulatorSession.start(.linear, token: token)
    }

    override func tearDown() async throws {
        await simulator?.stop()
    }

    func testEveryDocumentTheClientCanSendIsValid() throws {
        let schema = try VendorTools.located().path("api/linear/schema.graphql")
        var files: [String] = []
        for document in LinearDocuments.all {
            files.append(try temporaryFile("linear-\(document.operationName).graphql", holding: Array(document.text.utf8)))
        }
        XCTAssertEqual(Set(LinearDocuments.all.map(\.operationName)).count, LinearDocuments.all.count, "one name per document")
        try assertVendorCheck("check-graphql.py", [schema] + files, printing: "\(files.count) documents, 0 errors")
    }

    func testWhatASyncSentIsValid() async throws {
        let schema = try VendorTools.located().path("api/linear/schema.graphql")
        let tracker = try LinearTracker(settings: TrackerSettings(
            integration: "linear", values: ["linear.api_url": simulator.baseURL, "work.default_project_code": "ENG"],
            token: token, originURL: nil, cacheDirectory: nil))
        try await syncLikeSession(with: tracker)

        let exchanges = try JSONValue(parsing: try await simulator.exchanges().bytes)
        var lines: [UInt8] = []
        var operations = Set<String>()
        for exchange in exchanges.array ?? [] {
            guard let body = exchange["request_body"], let query = body["query"]?.string else { continue }
            operations.insert(body["operationName"]?.string ?? "")
            lines += JSONValue.object(["query": .string(query)]).encoded() + [UInt8(ascii: "\n")]
        }
        for expected in ["Issues", "Issue", "Context", "Users", "Verify", "IssueCreate", "IssueUpdate", "IssueLabelCreate"] {
            XCTAssertTrue(operations.contains(expected), "\(expected) not in \(operations.sorted())")
        }
        let file = try temporaryFile("linear-sent.jsonl", holding: lines)
        try assertVendorCheck("check-graphql.py", [schema, "--jsonl", file], printing: "0 errors")
    }

    /// Check the key and team; create with a new label and an assignee; find it by its marker; change its status,
    /// tags and title; read what changed and fetch it by key.
    private func syncLikeSession(with tracker: LinearTracker) async throws {
        _ = try await tracker.verify(scope: DiscoveryFilter(projectCode: "ENG"))
        let content = WorkItemContent(title: "Alpha", description: "## Summary\n\nSomething **bold** to do.\n", status: "ready",
                                      priority: "high", kind: "bug", tags: ["contract-label"], assignee: "Ana Alves")
        let marker = SyncMarker("3b8a8c1e-5d6f-4a7b-9c8d-0e1f2a3b4c5d")
        let created = try await tracker.create(content, marker: marker)
        let found = try await tracker.findCreated(marker: marker, createdAfter: Date(timeIntervalSinceNow: -3600))
        XCTAssertEqual(found?.key, created.key)
        var changed = created.content
        changed.title = "Alpha, renamed"
        changed.status = "in-progress"
        changed.tags = ["other-label"]
        _ = try await tracker.update(key: created.key, to: changed, previous: created.content)
        let since = Date(timeIntervalSinceNow: -86_400)
        let read = try await tracker.read(RemoteReadRequest(since: since, trackedKeys: [created.key],
                                                            discovery: DiscoveryFilter(projectCode: "ENG"), discoverySince: since))
        XCTAssertTrue(read.items.contains { $0.key == created.key })
        let fetched = try await tracker.fetch(keys: [created.key])
        XCTAssertEqual(fetched.map(\.key), [created.key])
    }
}
