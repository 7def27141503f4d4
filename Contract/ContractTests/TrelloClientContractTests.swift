import Foundation
import Trackers
import TrelloTracker
import WorkItems
import XCTest

/// What the Trello client really sends and receives in a sync — the board, its activity, cards in a batch, a create
/// with its marker and the confirming change, labels and members one at a time, a list made for a status — checked
/// against shared/api/trello/openapi.json by tools/check-openapi-exchange.py, request bodies included.
final class TrelloClientContractTests: XCTestCase {
    private let token = "trello-client-contract-token"
    private var simulator: SimulatorSession!

    override func setUp() async throws {
        simulator = try await SimulatorSession.start(.trello, token: token)
    }

    override func tearDown() async throws {
        await simulator?.stop()
    }

    func testEverythingTheClientSendsAndReadsFitsTheDescription() async throws {
        let spec = try VendorTools.located().path("api/trello/openapi.json")
        let tracker = try TrelloTracker(settings: TrackerSettings(
            integration: "trello",
            values: ["trello.key": "contract-key", "trello.board_id": "EngBoard", "trello.api_url": simulator.baseURL,
                     "work.default_project_code": "backend", "trello.create_lists": "true"],
            token: token, originURL: nil, cacheDirectory: nil))
        let key = try await syncLikeSession(with: tracker)

        let recorded = try await simulator.exchanges()
        let exchanges = try TrelloContract.exchanges(recorded.bytes)
        let operations = Set(try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(exchanges.bytes)) as? [[String: Any]]).map {
            "\($0["method"] as? String ?? "") \(($0["path"] as? String ?? "").split(separator: "?").first ?? "")"
        })
        for expected in ["GET /boards/EngBoard", "POST /cards", "POST /labels", "POST /lists", "GET /batch",
                         "PUT /cards/\(key)", "POST /cards/\(key)/idLabels", "POST /cards/\(key)/idMembers"] {
            XCTAssertTrue(operations.contains(expected), "\(expected) not in \(operations.sorted())")
        }
        XCTAssertTrue(operations.contains { $0.hasSuffix("/actions") }, "\(operations.sorted())")
        XCTAssertTrue(operations.contains { $0.hasSuffix("/cards/all") }, "\(operations.sorted())")
        XCTAssertGreaterThanOrEqual(exchanges.count, 12, "the session's successful exchanges are all checked")
        let described = try temporaryFile("trello-openapi-with-answers.json", holding: try TrelloContract.augmentedDescription(spec))
        let file = try temporaryFile("trello-client-exchanges.json", holding: exchanges.bytes)
        try assertVendorCheck("check-openapi-exchange.py", [described, file], printing: "\(exchanges.count) exchanges, 0 problems")
    }

    /// A first read, a create found again by its marker, an update that moves lists and swaps labels and members,
    /// an incremental read and a fetch. Returns the card's key.
    private func syncLikeSession(with tracker: TrelloTracker) async throws -> String {
        _ = try await tracker.read(RemoteReadRequest(since: nil, trackedKeys: [], discovery: DiscoveryFilter(projectCode: "backend"),
                                                     discoverySince: nil))
        let content = WorkItemContent(title: "Alpha", description: "## Summary\n\nSomething **bold** to do.\n", status: "abandoned",
                                      priority: "high", kind: "story", tags: ["billing", "two words"], assignee: "Ana Alves")
        let marker = SyncMarker("contract-0001")
        let created = try await tracker.create(content, marker: marker)
        let found = try await tracker.findCreated(marker: marker, createdAfter: Date(timeIntervalSinceNow: -3600))
        XCTAssertEqual(found?.key, created.key)

        var changed = created.content
        changed.title = "Alpha, renamed"
        changed.status = "in-progress"
        changed.tags = ["billing", "api"]
        changed.assignee = "ben"
        let updated = try await tracker.update(key: created.key, to: changed, previous: created.content)
        XCTAssertEqual(updated.content.status, "in-progress")

        let since = Date(timeIntervalSinceNow: -86_400)
        let read = try await tracker.read(RemoteReadRequest(since: since, trackedKeys: [created.key],
                                                            discovery: DiscoveryFilter(projectCode: "backend"), discoverySince: since))
        XCTAssertTrue(read.items.contains { $0.key == created.key })
        let fetched = try await tracker.fetch(keys: [created.key])
        XCTAssertEqual(fetched.map(\.key), [created.key])
        return created.key
    }
}
