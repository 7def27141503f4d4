import Foundation
import Trackers
import WorkItems
import XCTest
@testable import TrelloTracker

/// Every point a create can be cut off at, and what the next run finds: nothing (create again), the card with the
/// marker still in it (adopt; the marker leaves with the next description write), or the confirmed card (found
/// through the history of its description).
final class TrelloCreateWindowTests: TrelloClientTestCase {
    private let content = WorkItemContent(title: "Once only", description: "## Summary\n\nExactly one card.\n", status: "ready")
    private let marker = SyncMarker("5c1d0e2f-1111-4222-8333-444455556666")
    /// The create's confirming `PUT` names the new card by its id.
    private let confirmation = #"^/1/cards/[0-9a-f]{24}\?"#

    private func cards(titled title: String) async throws -> [[String: Any]] {
        let items = try await admin("GET", "/_simulator/items").json as? [[String: Any]] ?? []
        return items.filter { $0["title"] as? String == title }
    }

    private func findAgain() async throws -> RemoteItem? {
        try await tracker().findCreated(marker: marker, createdAfter: Date().addingTimeInterval(-300))
    }

    func testACreateLostBeforeTrelloMadeTheCardIsNotFoundSoTheNextRunCreatesIt() async throws {
        try await fault(["path": "^/1/cards$", "drop": true, "after": false, "count": 1])
        do {
            _ = try await tracker().create(content, marker: marker)
            XCTFail("the connection was dropped")
        } catch TrackerError.outcomeUnknown {}
        let lookup = try await findAgain()
        XCTAssertNil(lookup)
        let afterLoss = try await cards(titled: "Once only")
        XCTAssertEqual(afterLoss.count, 0)
        _ = try await tracker().create(content, marker: SyncMarker("second-attempt"))
        let afterRetry = try await cards(titled: "Once only")
        XCTAssertEqual(afterRetry.count, 1)
    }

    func testACreateWhoseConfirmationFailsIsFoundByTheMarkerStillInTheCard() async throws {
        try await fault(["path": confirmation, "status": 503, "count": 20])
        do {
            _ = try await tracker().create(content, marker: marker)
            XCTFail("the confirmation kept failing")
        } catch let error as TrackerError {
            XCTAssertTrue(error.isSafeToRetry, "\(error)")
        }
        let lookup = try await findAgain()
        let found = try XCTUnwrap(lookup)
        XCTAssertEqual(found.content.description, "## Summary\n\nExactly one card.", "the marker is never content")
        let made = try await cards(titled: "Once only")
        XCTAssertEqual(made.count, 1)
    }

    func testAConfirmationWhoseAnswerIsLostIsSentAgainAndLeavesNoMarker() async throws {
        try await fault(["path": confirmation, "drop": true, "after": true, "count": 1])
        let created = try await tracker().create(content, marker: marker)
        let card = try await item(created.key)
        XCTAssertEqual(card["description"] as? String, content.description)
        let made = try await cards(titled: "Once only")
        XCTAssertEqual(made.count, 1)
        let lookup = try await findAgain()
        XCTAssertEqual(lookup?.key, created.key, "found through the change that took the marker out")
    }

    func testAMarkerLeftBehindLeavesWithTheCardsNextWriteEvenByARunThatDidNotReadIt() async throws {
        let key = try await addCard(["title": "Adopted", "description": TrelloCreateMarker.append(marker, to: "## Summary\n\nKept.")])
        let tracker = try tracker()
        let synced = WorkItemContent(title: "Adopted", description: "## Summary\n\nKept.", status: "draft")
        var renamed = synced
        renamed.title = "Adopted, renamed"
        let after = try await tracker.update(key: key, to: renamed, previous: synced)
        XCTAssertEqual(after.content.title, "Adopted, renamed")
        XCTAssertNil(after.marker)
        let description = try await item(key)["description"] as? String
        XCTAssertEqual(description, "## Summary\n\nKept.", "only the marker went")
    }

    func testOnlyCardsMadeSinceTheIntentAreLookedAt() async throws {
        try await addCard(["title": "Copied", "description": TrelloCreateMarker.line(marker)])
        let later = try await tracker().findCreated(marker: marker, createdAfter: Date().addingTimeInterval(3600))
        XCTAssertNil(later, "a card made before the create was journalled is not its card")
        let inWindow = try await findAgain()
        XCTAssertEqual(inWindow?.content.title, "Copied", "the window is all that tells them apart, so it is kept short")
    }
}
