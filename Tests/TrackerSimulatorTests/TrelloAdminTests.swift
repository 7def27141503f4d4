import Foundation
import TrackerSimulator
import XCTest

/// The neutral admin shape on Trello: state is a list, priority and kind are labels, scope is a board.
final class TrelloAdminTests: TrelloTestCase {
    func testAnItemIsACardMadeByAColleagueShownInTheNeutralShape() async throws {
        let item = try await addItem(["title": "From a person", "description": "## Summary\n\nText.\n", "state": "Doing",
                                      "labels": ["api", "billing"], "assignee": "Ben Brooks", "priority": "high", "kind": "bug"])
        let key = try XCTUnwrap(item["key"] as? String)
        XCTAssertEqual(item["shortLink"] as? String, key)
        XCTAssertEqual(item["scope"] as? String, "EngBoard")
        XCTAssertEqual(item["title"] as? String, "From a person")
        XCTAssertEqual(item["description"] as? String, "## Summary\n\nText.\n")
        XCTAssertEqual(item["state"] as? String, "Doing")
        XCTAssertEqual(item["labels"] as? [String], ["api", "billing"])
        XCTAssertEqual(item["assignee"] as? String, "ben")
        XCTAssertEqual(item["priority"] as? String, "high")
        XCTAssertEqual(item["kind"] as? String, "bug")
        let card = try await trello("GET", "/cards/\(key)?fields=idLabels,idMembers,name")
        XCTAssertEqual((card.object["idLabels"] as? [String])?.count, 4, "api, billing, priority: high, kind: bug")
        let created = try await actions("filter=createCard").first
        XCTAssertEqual((created?["memberCreator"] as? [String: Any])?["username"] as? String, "ana", "not the token's member")
        let listed = try await http.admin("GET", "/_simulator/items")
        XCTAssertEqual(listed.array.compactMap { $0["key"] as? String }, [key])
    }

    func testAChangeIsRecordedAsTheActionsTrelloWouldRecord() async throws {
        let addedKey = try await addItem(["title": "Change me", "labels": ["old"], "priority": "low"])["key"] as? String
        let key = try XCTUnwrap(addedKey)
        let change = try await http.admin("PATCH", "/_simulator/items/\(key)", ["title": "Changed", "state": "Done", "labels": ["new"],
                                                                              "priority": NSNull(), "assignee": "carla"])
        XCTAssertEqual(change.status, 200, change.text)
        XCTAssertEqual(change.object["state"] as? String, "Done")
        XCTAssertEqual(change.object["labels"] as? [String], ["new"])
        XCTAssertTrue(change.object["priority"] is NSNull)
        XCTAssertEqual(change.object["assignee"] as? String, "carla")
        let types = try await actions("filter=all&limit=1000").compactMap { $0["type"] as? String }
        XCTAssertEqual(types.filter { $0 == "updateCard" }.count, 2, "name and list: \(types)")
        XCTAssertEqual(types.filter { $0 == "removeLabelFromCard" }.count, 2, "old and priority: low: \(types)")
        XCTAssertEqual(types.filter { $0 == "addLabelToCard" }.count, 1)
        XCTAssertEqual(types.filter { $0 == "addMemberToCard" }.count, 1)
        let archived = try await http.admin("PATCH", "/_simulator/items/\(key)", ["closed": true, "comment": "done and dusted"])
        XCTAssertEqual(archived.object["closed"] as? Bool, true)
        let comments = try await actions("filter=commentCard").count
        XCTAssertEqual(comments, 1)
        let deleted = try await http.admin("DELETE", "/_simulator/items/\(key)")
        XCTAssertEqual(deleted.status, 204)
        let gone = try await http.admin("PATCH", "/_simulator/items/\(key)", ["title": "x"])
        XCTAssertEqual(gone.status, 404)
    }

    func testBadItemsAreRefusedWithAReason() async throws {
        for (body, words) in [(["state": "Nowhere"], "Nowhere"), (["assignee": "stranger"], "stranger"), (["scope": "NoBoard1"], "NoBoard1"),
                              (["labels": "not a list"], "labels"), (["closed": 1], "closed"), (["description": String(repeating: "x", count: 16_385)], "16,384")] as [([String: Any], String)] {
            let answer = try await http.admin("POST", "/_simulator/items", body)
            XCTAssertEqual(answer.status, 400, "\(body)")
            XCTAssertTrue((answer.object["message"] as? String ?? "").contains(words), answer.text)
        }
    }

    func testSetupAddsBoardsAndMembers() async throws {
        let setup = try await http.admin("POST", "/_simulator/setup", [
            "members": [["username": "dora", "fullName": "Dora Diaz"]],
            "boards": [["name": "Ops", "shortLink": "OpsBoard", "lists": ["Todo", "Done"], "labels": [["name": "oncall", "color": "red"]]]],
        ])
        XCTAssertEqual(setup.status, 204, setup.text)
        let ops = try await trello("GET", "/boards/OpsBoard?lists=open&labels=all&members=all")
        XCTAssertEqual((ops.object["lists"] as? [[String: Any]])?.compactMap { $0["name"] as? String }, ["Todo", "Done"])
        XCTAssertEqual((ops.object["labels"] as? [[String: Any]])?.first?["name"] as? String, "oncall")
        let item = try await addItem(["title": "Paged", "scope": "OpsBoard", "state": "Done", "assignee": "dora"])
        XCTAssertEqual(item["scope"] as? String, "OpsBoard")
        XCTAssertEqual(item["assignee"] as? String, "dora")
    }

    func testAResetGoesBackToTheStartAndTheStateFileKeepsCards() async throws {
        let addedKey = try await addItem(["title": "Kept"])["key"] as? String
        let key = try XCTUnwrap(addedKey)
        let reset = try await http.admin("POST", "/_simulator/reset")
        XCTAssertEqual(reset.status, 204)
        let itemsLeft = try await http.admin("GET", "/_simulator/items").array.count
        XCTAssertEqual(itemsLeft, 0)
        let afterReset = try await trello("GET", "/cards/\(key)").status
        XCTAssertEqual(afterReset, 404)
    }
}
