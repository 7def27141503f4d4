import Foundation
import Trackers
import WorkItems
import XCTest
@testable import TrelloTracker

final class TrelloReadTests: TrelloClientTestCase {
    func testAFirstReadTakesEveryOpenCardMappedThroughTheBoard() async throws {
        let key = try await addCard(["title": "Checkout fails", "description": "## Summary\n\nBroken.\n", "state": "Doing",
                                     "labels": ["payments"], "priority": "high", "kind": "bug", "assignee": "ana"])
        let archived = try await addCard(["title": "Old", "state": "Done", "closed": true])
        let result = try await read(try tracker())
        XCTAssertEqual(result.items.map(\.key), [key], "archived cards are never new items")
        let item = try XCTUnwrap(result.items.first)
        XCTAssertEqual(item.content, WorkItemContent(title: "Checkout fails", description: "## Summary\n\nBroken.\n", status: "in-progress",
                                                     priority: "high", kind: "bug", tags: ["payments"], assignee: "ana"))
        let card = try await self.item(key)
        XCTAssertEqual(item.updatedAt, card["dateLastActivity"] as? String)
        let id = try XCTUnwrap(card["id"] as? String)
        let seconds = try XCTUnwrap(Int(id.prefix(8), radix: 16))
        XCTAssertEqual(item.createdAt, ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: TimeInterval(seconds))))
        XCTAssertEqual(result.requestCount, 2, "the board with its lists, labels and members, then one page of cards")
        let archivedTracked = try await read(try tracker(), tracked: [archived])
        XCTAssertEqual(Set(archivedTracked.items.map(\.key)), [key, archived], "a tracked card still comes in when archived")
    }

    func testANoOpReadCostsTwoRequestsAndSendsNoSecretInAURL() async throws {
        try await addCard(["title": "A"])
        let since = Date()
        try await clearRequests()
        let result = try await read(try tracker(), since: since, tracked: [])
        XCTAssertEqual(result.items.count, 0)
        XCTAssertEqual(result.requestCount, 2)
        let log = try await requests()
        XCTAssertEqual(log.count, 2)
        // Side by side, so in either order: the board, and its activity by the board as configured.
        XCTAssertEqual(log.filter { $0.hasPrefix("GET /1/boards/EngBoard?") }.count, 1, "\(log)")
        XCTAssertEqual(log.filter { $0.hasPrefix("GET /1/boards/EngBoard/actions?") }.count, 1, "\(log)")
        for line in log {
            XCTAssertFalse(line.contains(token) || line.contains(key) || line.contains("token=") || line.contains("key="), line)
        }
    }

    func testAnIncrementalReadTakesTheChangedCardsInOneBatch() async throws {
        let keys = try await (0..<4).asyncMap { try await self.addCard(["title": "Card \($0)", "state": "To Do"]) }
        let since = Date()
        try await Task.sleep(for: .milliseconds(5))
        try await changeCard(keys[1], ["title": "Card 1, renamed"])
        try await changeCard(keys[3], ["state": "Done"])
        try await changeCard(keys[3], ["comment": "only a comment"])
        try await clearRequests()
        let result = try await read(try tracker(), since: since, tracked: Set(keys))
        XCTAssertEqual(Set(result.items.map(\.key)), [keys[1], keys[3]])
        XCTAssertEqual(result.items.first { $0.key == keys[1] }?.content.title, "Card 1, renamed")
        XCTAssertEqual(result.items.first { $0.key == keys[3] }?.content.status, "done")
        XCTAssertEqual(result.requestCount, 3, "board, actions, one batch of cards")
        let batches = try await requests().filter { $0.contains("/batch?") }.count
        XCTAssertEqual(batches, 1)
    }

    func testACardHeldAsOfItsLastActionIsNotReadAgain() async throws {
        let keys = try await (0..<3).asyncMap { try await self.addCard(["title": "Card \($0)"]) }
        let since = Date()
        try await Task.sleep(for: .milliseconds(5))
        try await changeCard(keys[0], ["title": "Card 0, renamed"])
        try await changeCard(keys[1], ["title": "Card 1, renamed"])
        try await changeCard(keys[2], ["title": "Card 2, renamed"])
        // What the repository holds: each card as its last action left it, except card 1, held from before it.
        var known: [String: String] = [:]
        for key in keys { known[key] = try await lastActivity(of: key) }
        try await Task.sleep(for: .milliseconds(5))
        try await changeCard(keys[1], ["title": "Card 1, renamed again"])
        try await clearRequests()

        let result = try await read(try tracker(), since: since, tracked: Set(keys), known: known)
        XCTAssertEqual(result.items.map(\.key), [keys[1]])
        XCTAssertEqual(result.items.first?.content.title, "Card 1, renamed again")
        XCTAssertEqual(result.requestCount, 3, "board, actions, one batch naming only the card changed since")
        let log = try await requests()
        let batch = try XCTUnwrap(log.first { $0.contains("/batch?") })
        XCTAssertFalse(batch.contains(keys[0]) || batch.contains(keys[2]))

        known[keys[1]] = try await lastActivity(of: keys[1])
        let settled = try await read(try tracker(), since: since, tracked: Set(keys), known: known)
        XCTAssertEqual(settled.items.count, 0)
        XCTAssertEqual(settled.requestCount, 2, "board and actions: every card is held as of its last action")

        // A held time of another shape proves nothing: the card is read.
        known[keys[2]] = "2999-01-01T00:00:00Z"
        let unproven = try await read(try tracker(), since: since, tracked: Set(keys), known: known)
        XCTAssertEqual(unproven.items.map(\.key), [keys[2]])
    }

    private func lastActivity(of key: String) async throws -> String {
        let card = try await item(key)
        return try XCTUnwrap(card["dateLastActivity"] as? String)
    }

    func testSinceIncludesItsBoundary() async throws {
        let key = try await addCard(["title": "Boundary"])
        let card = try await item(key)
        let activity = try XCTUnwrap(card["dateLastActivity"] as? String)
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let at = try XCTUnwrap(formatter.date(from: activity))
        let result = try await read(try tracker(), since: at, tracked: [key])
        XCTAssertEqual(result.items.map(\.key), [key])
    }

    func testManyChangedCardsAreReadAsTheWholeBoardInstead() async throws {
        let since = Date()
        try await Task.sleep(for: .milliseconds(5))
        for number in 0...TrelloCardReader.batchReadLimit { try await addCard(["title": "Card \(number)"]) }
        try await clearRequests()
        let result = try await read(try tracker(), since: since)
        XCTAssertEqual(result.items.count, TrelloCardReader.batchReadLimit + 1)
        let log = try await requests()
        XCTAssertFalse(log.contains { $0.contains("/batch") })
        XCTAssertEqual(log.filter { $0.contains("/cards/all?") }.count, 1)
    }

    func testACardDeletedInTrelloIsLeftOutNotFatal() async throws {
        let kept = try await addCard(["title": "Kept"])
        let gone = try await addCard(["title": "Gone"])
        try await admin("DELETE", "/_simulator/items/\(gone)")
        let tracker = try tracker()
        let items = try await tracker.fetch(keys: [kept, gone, "notAKey!"])
        XCTAssertEqual(items.map(\.key), [kept])
    }

    func testDiscoveryFollowsTheScopeLabelAndTheFilters() async throws {
        let mine = try await addCard(["title": "Mine", "labels": ["backend", "api"], "assignee": "ana", "state": "Doing"])
        let other = try await addCard(["title": "Not mine", "labels": ["api"], "assignee": "ben", "state": "Done"])
        let tracker = try tracker(["work.default_project_code": "backend"])
        let scoped = DiscoveryFilter(projectCode: "backend")
        let items = try await read(tracker, filter: scoped).items
        func matching(_ filter: DiscoveryFilter) -> Set<String> { Set(items.filter { tracker.matches($0, filter: filter) }.map(\.key)) }
        XCTAssertEqual(matching(scoped), [mine])
        XCTAssertEqual(items.first { $0.key == mine }?.content.tags, ["api"], "the scope label is no tag")
        XCTAssertEqual(matching(DiscoveryFilter(projectCode: "backend", all: true)), [mine, other])
        XCTAssertEqual(matching(DiscoveryFilter(all: true, labels: ["API"])), [mine, other])
        XCTAssertEqual(matching(DiscoveryFilter(all: true, assignee: "Ben Brooks")), [other])
        XCTAssertEqual(matching(DiscoveryFilter(all: true, state: "Doing")), [mine], "a list name")
        XCTAssertEqual(matching(DiscoveryFilter(all: true, state: "done")), [other], "a status")
        XCTAssertEqual(matching(DiscoveryFilter(all: true, state: "open")), [mine])
    }

    func testADescriptionTrelloWroteBackItsOwnWayIsNoChange() async throws {
        let local = "## Summary\n\n* one\n* two\n\nSome *emphasis* here.\n"
        let trellos = "## Summary\n\n- one\n- two\n\nSome _emphasis_ here."
        let key = try await addCard(["title": "Rewritten", "description": trellos])
        let tracker = try tracker()
        let remote = try await remoteCard(key, through: tracker)
        var mine = remote.content
        mine.description = local
        XCTAssertEqual(tracker.representable(mine).description, trellos, "the same text in Trello's spelling")
        XCTAssertEqual(tracker.representable(mine).normalised(), tracker.representable(remote.content).normalised())
        var changed = mine
        changed.description = local.replacingOccurrences(of: "two", with: "three")
        XCTAssertEqual(tracker.representable(changed).description, changed.description, "a real change stays one")
    }

    func testAssigneeMeIsTheTokensMember() async throws {
        let mine = try await addCard(["title": "Mine", "assignee": "simuser"])
        try await addCard(["title": "Ana's", "assignee": "ana"])
        let tracker = try tracker()
        let filter = DiscoveryFilter(assignee: "me")
        let items = try await read(tracker, filter: filter).items
        XCTAssertEqual(items.filter { tracker.matches($0, filter: filter) }.map(\.key), [mine])
    }
}
