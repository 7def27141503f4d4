import Foundation
import Trackers
import WorkItems
import XCTest
@testable import TrelloTracker

final class TrelloWriteTests: TrelloClientTestCase {
    private let content = WorkItemContent(title: "Pay by invoice", description: "## Summary\n\nCustomers ask for it.\n",
                                          status: "ready", priority: "high", kind: "story", tags: ["billing", "Needs Design"],
                                          assignee: "Ana Alves")

    func testACreateLandsInItsListWithItsLabelsAndMemberAndNoMarkerLeft() async throws {
        let tracker = try tracker(["work.default_project_code": "backend"])
        _ = try await tracker.read(RemoteReadRequest(since: nil, trackedKeys: [], discovery: DiscoveryFilter(), discoverySince: nil))
        let marker = SyncMarker("7d0c1f9e-3a41-4c2b-8d0e-2b9f3c5a6e10")
        let created = try await tracker.create(content, marker: marker)
        XCTAssertTrue(TrelloKeys.isShortLink(created.key), created.key)
        XCTAssertEqual(created.content, tracker.representable(content))
        let card = try await item(created.key)
        XCTAssertEqual(card["state"] as? String, "To Do")
        XCTAssertEqual(card["description"] as? String, content.description, "the marker is gone once the create is confirmed")
        XCTAssertEqual(Set(card["labels"] as? [String] ?? []), ["billing", "Needs Design", "backend"], "tags and the scope label")
        XCTAssertEqual(card["priority"] as? String, "high")
        XCTAssertEqual(card["kind"] as? String, "story")
        XCTAssertEqual(card["assignee"] as? String, "ana")
        XCTAssertEqual(created.updatedAt, card["dateLastActivity"] as? String)

        let found = try await tracker.findCreated(marker: marker, createdAfter: Date().addingTimeInterval(-300))
        XCTAssertEqual(found?.key, created.key, "a confirmed create is found through the history of its description")
        XCTAssertEqual(found?.marker, marker)
        let other = try await tracker.findCreated(marker: SyncMarker("00000000-0000-0000-0000-000000000000"), createdAfter: Date().addingTimeInterval(-300))
        XCTAssertNil(other)
    }

    func testACreateWhoseAnswerIsLostIsFoundByItsMarkerAndTheMarkerLeavesWithTheNextDescriptionWrite() async throws {
        try await fault(["path": "^/1/cards$", "drop": true, "after": true, "count": 1])
        let tracker = try tracker()
        let marker = SyncMarker("1b2c3d4e-aaaa-4bbb-8ccc-0d1e2f3a4b5c")
        do {
            _ = try await tracker.create(content, marker: marker)
            XCTFail("the answer was dropped")
        } catch TrackerError.outcomeUnknown(let message) {
            XCTAssertFalse(message.contains(token))
        }
        let posts = try await requests().filter { $0 == "POST /1/cards" }.count
        XCTAssertEqual(posts, 1, "a create is never sent twice")
        let rerun = try self.tracker()
        let lookup = try await rerun.findCreated(marker: marker, createdAfter: Date().addingTimeInterval(-300))
        let found = try XCTUnwrap(lookup)
        XCTAssertEqual(found.marker, marker)
        XCTAssertEqual(found.content.description, "## Summary\n\nCustomers ask for it.", "the marker is never content")
        let raw = try await item(found.key)["description"] as? String ?? ""
        XCTAssertNotNil(TrelloCreateMarker.find(in: raw), "still in Trello until a write takes it out")
        _ = try await rerun.update(key: found.key, to: found.content, previous: found.content)
        let after = try await item(found.key)["description"] as? String ?? ""
        XCTAssertNil(TrelloCreateMarker.find(in: after), after)
    }

    func testAnUpdateSendsOnlyWhatChangedAndEachLabelAndMemberOnItsOwn() async throws {
        let tracker = try tracker()
        let key = try await addCard(["title": "Pay by invoice", "description": "## Summary\n\nCustomers ask for it.\n", "state": "To Do",
                                     "labels": ["billing", "Needs Design"], "priority": "high", "kind": "story", "assignee": "ana"])
        let before = try await remoteCard(key, through: tracker)
        XCTAssertEqual(before.content, tracker.representable(content))
        try await clearRequests()

        var changed = content
        changed.title = "Pay by invoice or card"
        let renamed = try await tracker.update(key: key, to: changed, previous: content)
        XCTAssertEqual(renamed.content.title, changed.title)
        let afterRename = try await requestPaths()
        XCTAssertEqual(afterRename, ["PUT /1/cards/\(key)"])

        try await clearRequests()
        var moved = changed
        moved.status = "in-progress"
        moved.tags = ["billing", "api"]
        moved.priority = "low"
        moved.assignee = "ben"
        let after = try await tracker.update(key: key, to: moved, previous: changed)
        XCTAssertEqual(after.content, tracker.representable(moved))
        let log = try await requestPaths()
        XCTAssertEqual(log.filter { $0.hasPrefix("POST /1/cards/\(key)/idLabels") }.count, 2, "api and priority: low added: \(log)")
        XCTAssertEqual(log.filter { $0.hasPrefix("DELETE /1/cards/\(key)/idLabels/") }.count, 2, "Needs Design and priority: high removed: \(log)")
        XCTAssertEqual(log.filter { $0.hasPrefix("DELETE /1/cards/\(key)/idMembers/") }.count, 1)
        XCTAssertEqual(log.filter { $0 == "POST /1/cards/\(key)/idMembers" }.count, 1)
        XCTAssertEqual(log.last, "PUT /1/cards/\(key)", "the list move goes with the read back")
        let card = try await item(key)
        XCTAssertEqual(card["state"] as? String, "Doing")
        XCTAssertEqual(card["assignee"] as? String, "ben")

        try await clearRequests()
        let again = try await tracker.update(key: key, to: moved, previous: moved)
        XCTAssertEqual(again.content, after.content)
        XCTAssertEqual(again.updatedAt, after.updatedAt, "applying it twice changes nothing")
        let afterNothing = try await requestPaths()
        XCTAssertEqual(afterNothing, ["GET /1/cards/\(key)"])
    }

    func testChangesMadeInTrelloToOtherFieldsSurviveAPush() async throws {
        let tracker = try tracker()
        let key = try await addCard(["title": "Shared", "labels": ["billing"], "state": "To Do"])
        let synced = try await remoteCard(key, through: tracker).content
        try await changeCard(key, ["labels": ["billing", "added-in-trello"], "state": "Doing"])
        var local = synced
        local.title = "Shared, renamed locally"
        let after = try await tracker.update(key: key, to: local, previous: synced)
        XCTAssertEqual(after.content.title, "Shared, renamed locally")
        XCTAssertEqual(Set(after.content.tags), ["billing", "added-in-trello"])
        XCTAssertEqual(after.content.status, "in-progress")
    }

    func testAnUpdateWithoutAPreviousStateReadsTheCardFirst() async throws {
        let tracker = try tracker()
        let key = try await addCard(["title": "Old", "labels": ["stale"], "priority": "low"])
        let after = try await tracker.update(key: key, to: WorkItemContent(title: "New", description: "", status: "done", tags: ["fresh"]), previous: nil)
        XCTAssertEqual(after.content.tags, ["fresh"])
        XCTAssertNil(after.content.priority)
        XCTAssertEqual(after.content.status, "done")
    }

    func testADescriptionOverTrellosLimitFailsTheItemAndSendsNothing() async throws {
        let tracker = try tracker()
        let key = try await addCard(["title": "Long"])
        let synced = try await remoteCard(key, through: tracker).content
        try await clearRequests()
        var long = synced
        long.description = String(repeating: "é", count: 16_385)
        do {
            _ = try await tracker.update(key: key, to: long, previous: synced)
            XCTFail("16,385 characters must fail")
        } catch let error as TrackerError {
            XCTAssertEqual(error.reasonCode, "description-too-long")
            XCTAssertFalse(error.isSafeToRetry)
            XCTAssertTrue(error.description.contains("16385") || error.description.contains("16,385"), error.description)
        }
        do {
            _ = try await tracker.create(long, marker: SyncMarker("abc"))
            XCTFail("16,385 characters must fail")
        } catch let error as TrackerError {
            XCTAssertEqual(error.reasonCode, "description-too-long")
        }
        let writes = try await requests().filter { !$0.hasPrefix("GET") }
        XCTAssertEqual(writes, [], "nothing written, nothing cut")
        long.description = String(repeating: "é", count: 16_384)
        let exact = try await tracker.update(key: key, to: long, previous: synced)
        XCTAssertEqual(exact.content.description.count, 16_384)
        let astral = String(repeating: "😀", count: 8_193)
        var emoji = synced
        emoji.description = astral
        do {
            _ = try await tracker.update(key: key, to: emoji, previous: synced)
            XCTFail("8,193 emoji are 16,386 UTF-16 units, as Trello counts")
        } catch let error as TrackerError {
            XCTAssertEqual(error.reasonCode, "description-too-long")
        }
    }

    func testAStatusWithoutAListIsAClearErrorOrANewListWhenConfigured() async throws {
        let key = try await addCard(["title": "Dropped"])
        let tracker = try tracker()
        let synced = try await remoteCard(key, through: tracker).content
        var abandoned = synced
        abandoned.status = "abandoned"
        do {
            _ = try await tracker.update(key: key, to: abandoned, previous: synced)
            XCTFail("the board has no Won't Do list")
        } catch let error as TrackerError {
            XCTAssertEqual(error.reasonCode, "list-missing")
            XCTAssertTrue(error.description.contains("trello.status_map.abandoned"), error.description)
            XCTAssertTrue(error.description.contains("trello.create_lists"), error.description)
        }
        let creating = try self.tracker(["trello.create_lists": "true"])
        _ = try await creating.fetch(keys: [key])
        let moved = try await creating.update(key: key, to: abandoned, previous: synced)
        XCTAssertEqual(moved.content.status, "abandoned")
        let state = try await item(key)["state"] as? String
        XCTAssertEqual(state, "Won't Do")
    }

    func testAnUnknownAssigneeIsAReasonNotAGuess() async throws {
        let tracker = try tracker()
        var local = content
        local.assignee = "nobody-here"
        do {
            _ = try await tracker.create(local, marker: SyncMarker("m-1"))
            XCTFail("no such member")
        } catch let error as TrackerError {
            XCTAssertEqual(error.reasonCode, "assignee-unknown")
        }
        let posted = try await requests().contains("POST /1/cards")
        XCTAssertFalse(posted, "no card without its assignee")
    }

    func testAnArchivedCardIsReportedNotBroughtBack() async throws {
        let tracker = try tracker()
        let key = try await addCard(["title": "Archived later"])
        let synced = try await remoteCard(key, through: tracker).content
        try await changeCard(key, ["closed": true])
        var local = synced
        local.title = "Edited locally"

        let unaware = try self.tracker()
        let pushed = try await unaware.update(key: key, to: local, previous: synced)
        XCTAssertTrue(pushed.notices.contains { $0.contains("archived") }, "\(pushed.notices)")
        let closedAfterPush = try await item(key)["closed"] as? Bool
        XCTAssertEqual(closedAfterPush, true, "still archived")

        let reading = try self.tracker()
        _ = try await reading.read(RemoteReadRequest(since: Date().addingTimeInterval(-60), trackedKeys: [key], discovery: DiscoveryFilter(),
                                                     discoverySince: Date().addingTimeInterval(-60)))
        do {
            _ = try await reading.update(key: key, to: local, previous: synced)
            XCTFail("a card known to be archived is not written")
        } catch let error as TrackerError {
            XCTAssertEqual(error.reasonCode, "remote-archived")
        }
        let closedAfterRefusal = try await item(key)["closed"] as? Bool
        XCTAssertEqual(closedAfterRefusal, true)
    }
}
