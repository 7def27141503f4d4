import Foundation
import TrackerSimulator
import XCTest

final class TrelloActionTests: TrelloTestCase {
    func testUpdatesKeepTheOldValueAndActionsPageBackwardsWithBefore() async throws {
        let card = try await createCard("Described", extra: ["desc": "first"])
        let id = try XCTUnwrap(card["id"] as? String)
        for text in ["second", "third", "fourth"] { try await trello("PUT", "/cards/\(id)", ["desc": text]) }
        let updates = try await actions("filter=updateCard&fields=type,data,date&memberCreator=false")
        XCTAssertEqual(updates.compactMap { ($0["data"] as? [String: Any])?["old"] as? [String: Any] }.compactMap { $0["desc"] as? String },
                       ["third", "second", "first"])
        XCTAssertEqual((updates[0]["data"] as? [String: Any]).flatMap { $0["card"] as? [String: Any] }?["desc"] as? String, "fourth")
        XCTAssertNil(updates[0]["memberCreator"])
        var seen: [String] = []
        var before: String?
        repeat {
            let page = try await actions("filter=createCard,updateCard&limit=2" + (before.map { "&before=\($0)" } ?? ""))
            seen += page.compactMap { $0["type"] as? String }
            before = page.count == 2 ? page.compactMap { $0["id"] as? String }.min() : nil
        } while before != nil
        XCTAssertEqual(seen, ["updateCard", "updateCard", "updateCard", "createCard"])
        let idList = try await actions("filter=updateCard:idList")
        XCTAssertTrue(idList.isEmpty, "no list moved")
    }

    func testSinceIsInclusiveAndTakesDatesOrIds() async throws {
        let first = try await createCard("One")
        try await Task.sleep(for: .milliseconds(10))
        try await createCard("Two")
        let all = try await actions("filter=createCard")
        XCTAssertEqual(all.count, 2)
        let older = try XCTUnwrap(all.last)
        let date = try XCTUnwrap(older["date"] as? String)
        let sinceDate = try await actions("filter=createCard&since=\(date)").count
        XCTAssertEqual(sinceDate, 2, "an action at the instant given is included")
        let sinceID = try await actions("filter=createCard&since=\(older["id"] as? String ?? "")").count
        XCTAssertEqual(sinceID, 1, "an id means after it")
        let sinceFuture = try await actions("filter=createCard&since=2999-01-01").count
        XCTAssertEqual(sinceFuture, 0)
        try await expect(400, "GET", "/boards/EngBoard/actions?since=yesterday")
        XCTAssertEqual(((all.last?["data"] as? [String: Any])?["card"] as? [String: Any])?["id"] as? String, first["id"] as? String)
        try await expect(400, "GET", "/boards/EngBoard/actions?limit=1001")
    }
}
