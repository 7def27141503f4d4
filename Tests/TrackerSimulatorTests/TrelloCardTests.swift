import Foundation
import TrackerSimulator
import XCTest

final class TrelloCardTests: TrelloTestCase {
    func testABoardComesWithItsListsLabelsAndMembersInOneAnswer() async throws {
        let board = try await board()
        XCTAssertEqual(board["name"] as? String, "Engineering")
        XCTAssertEqual(board["shortLink"] as? String, "EngBoard")
        XCTAssertEqual((board["lists"] as? [[String: Any]])?.compactMap { $0["name"] as? String }, ["Backlog", "To Do", "Doing", "Review", "Done"])
        let labels = board["labels"] as? [[String: Any]] ?? []
        XCTAssertEqual(labels.count, 6)
        XCTAssertTrue(labels.allSatisfy { ($0["name"] as? String) == "" }, "a new board's labels are colours without names")
        XCTAssertEqual(Set((board["members"] as? [[String: Any]])?.compactMap { $0["username"] as? String } ?? []), ["simuser", "ana", "ben", "carla"])
        let byID = try await trello("GET", "/boards/\(board["id"] as? String ?? "")?fields=shortLink")
        XCTAssertEqual(byID.object["shortLink"] as? String, "EngBoard", "a board by its id or its shortLink")
        try await expect(404, "GET", "/boards/NoBoard1")
        try await expect(400, "GET", "/boards/not-an-id")
    }

    func testCardIdsStartWithTheirCreationTimeAndShortLinksAreEightCharacters() async throws {
        let before = Int(Date().timeIntervalSince1970)
        let cards = try await (0..<20).asyncMap { try await self.createCard("Card \($0)") }
        let after = Int(Date().timeIntervalSince1970)
        let ids = cards.compactMap { $0["id"] as? String }
        XCTAssertEqual(ids.count, 20)
        for id in ids {
            XCTAssertNotNil(id.range(of: "^[0-9a-f]{24}$", options: .regularExpression), id)
            let seconds = try XCTUnwrap(Int(id.prefix(8), radix: 16))
            XCTAssertTrue((before...after).contains(seconds), "\(seconds) not in \(before)...\(after)")
        }
        XCTAssertEqual(ids, ids.sorted(), "ids sort by creation")
        let links = cards.compactMap { $0["shortLink"] as? String }
        XCTAssertEqual(Set(links).count, 20)
        XCTAssertTrue(links.allSatisfy { $0.range(of: "^[A-Za-z0-9]{8}$", options: .regularExpression) != nil }, "\(links)")
        let byLink = try await trello("GET", "/cards/\(links[3])?fields=name,idShort")
        XCTAssertEqual(byLink.object["name"] as? String, "Card 3")
        XCTAssertEqual(byLink.object.keys.sorted(), ["id", "idShort", "name"], "only the fields asked for, and the id")
    }

    func testNamesAndDescriptionsStopAt16384Characters() async throws {
        let list = try await listID("To Do")
        let exact = try await trello("POST", "/cards", ["name": "Long", "idList": list, "desc": String(repeating: "a", count: 16_384)])
        XCTAssertEqual(exact.status, 200)
        let over = try await trello("POST", "/cards", ["name": "Longer", "idList": list, "desc": String(repeating: "a", count: 16_385)])
        XCTAssertEqual(over.status, 400)
        XCTAssertEqual(over.text, "invalid value for desc")
        let id = try XCTUnwrap(exact.object["id"] as? String)
        let emoji = try await trello("PUT", "/cards/\(id)", ["desc": String(repeating: "😀", count: 8_193)])
        XCTAssertEqual(emoji.status, 400, "counted in UTF-16 units, as JavaScript counts")
        try await expect(400, "PUT", "/cards/\(id)", ["name": String(repeating: "n", count: 16_385)])
        let storedDesc = try await trello("GET", "/cards/\(id)?fields=desc").object["desc"] as? String
        XCTAssertEqual(storedDesc, String(repeating: "a", count: 16_384),
                       "a refused change leaves the card alone")
    }

    func testEditingMovesDateLastActivityOnlyWhenSomethingChanges() async throws {
        let card = try await createCard("Edit me")
        let id = try XCTUnwrap(card["id"] as? String)
        let first = try XCTUnwrap(card["dateLastActivity"] as? String)
        let same = try await trello("PUT", "/cards/\(id)", ["name": "Edit me"])
        XCTAssertEqual(same.object["dateLastActivity"] as? String, first)
        let renamed = try await trello("PUT", "/cards/\(id)?name=Edited")
        XCTAssertEqual(renamed.object["name"] as? String, "Edited", "query parameters work as well as a JSON body")
        let second = try XCTUnwrap(renamed.object["dateLastActivity"] as? String)
        XCTAssertGreaterThan(second, first)
        let moved = try await trello("PUT", "/cards/\(id)", ["idList": try await listID("Done"), "closed": true])
        XCTAssertEqual(moved.object["closed"] as? Bool, true)
        XCTAssertGreaterThan(moved.object["dateLastActivity"] as? String ?? "", second)
        let comment = try await trello("POST", "/cards/\(id)/actions/comments", ["text": "a comment"])
        XCTAssertEqual(comment.status, 200)
        let afterComment = try await trello("GET", "/cards/\(id)?fields=dateLastActivity,name")
        XCTAssertGreaterThan(afterComment.object["dateLastActivity"] as? String ?? "", moved.object["dateLastActivity"] as? String ?? "")
        try await expect(400, "PUT", "/cards/\(id)", ["idList": "5e1a7e11c05e1a7e11cfffff"])
    }

    func testLabelsAndMembersAreAddedAndRemovedOneAtATime() async throws {
        let card = try await createCard("Labelled")
        let id = try XCTUnwrap(card["id"] as? String)
        let label = try await trello("POST", "/labels", ["name": "billing", "color": "green", "idBoard": "EngBoard"])
        XCTAssertEqual(label.status, 200, label.text)
        let labelID = try XCTUnwrap(label.object["id"] as? String)
        let labelsAfterAdd = try await trello("POST", "/cards/\(id)/idLabels", ["value": labelID]).array(of: String.self)
        XCTAssertEqual(labelsAfterAdd, [labelID])
        let twice = try await trello("POST", "/cards/\(id)/idLabels?value=\(labelID)")
        XCTAssertEqual(twice.status, 400)
        XCTAssertEqual(twice.text, "that label is already on the card")
        try await expect(200, "DELETE", "/cards/\(id)/idLabels/\(labelID)")
        try await expect(400, "DELETE", "/cards/\(id)/idLabels/\(labelID)")
        let ana = try await memberID("ana")
        let added = try await trello("POST", "/cards/\(id)/idMembers", ["value": ana])
        XCTAssertEqual(added.array.compactMap { $0["username"] as? String }, ["ana"])
        try await expect(400, "POST", "/cards/\(id)/idMembers", ["value": ana])
        try await expect(400, "POST", "/cards/\(id)/idMembers", ["value": "5e1a7e11c05e1a7e11cfffff"], "not a board member")
        try await expect(200, "DELETE", "/cards/\(id)/idMembers/\(ana)")
        let types = try await actions("filter=addLabelToCard,removeLabelFromCard,addMemberToCard,removeMemberFromCard").compactMap { $0["type"] as? String }
        XCTAssertEqual(types, ["removeMemberFromCard", "addMemberToCard", "removeLabelFromCard", "addLabelToCard"], "newest first")
        try await expect(400, "POST", "/labels", ["name": "x", "color": "chartreuse", "idBoard": "EngBoard"])
    }

    func testADeletedCardIsGoneAndLeavesAnAction() async throws {
        let card = try await createCard("Doomed")
        let id = try XCTUnwrap(card["id"] as? String)
        try await expect(200, "DELETE", "/cards/\(id)")
        try await expect(404, "GET", "/cards/\(id)")
        let lastDeletion = try await actions("filter=deleteCard").first?["type"] as? String
        XCTAssertEqual(lastDeletion, "deleteCard")
    }

    func testBoardCardsPageByIdNewestFirst() async throws {
        for number in 0..<7 { try await createCard("Card \(number)") }
        let all = try await trello("GET", "/boards/EngBoard/cards?fields=name")
        XCTAssertEqual(all.array.count, 7)
        var names: [String] = []
        var before: String?
        repeat {
            let page = try await trello("GET", "/boards/EngBoard/cards/all?fields=name&limit=3" + (before.map { "&before=\($0)" } ?? ""))
            names += page.array.compactMap { $0["name"] as? String }
            before = page.array.count == 3 ? page.array.compactMap { $0["id"] as? String }.min() : nil
        } while before != nil
        XCTAssertEqual(names, (0..<7).reversed().map { "Card \($0)" })
        try await expect(400, "GET", "/boards/EngBoard/cards?limit=1001")
    }

    func testBatchAnswersEachRouteWithItsStatus() async throws {
        let card = try await createCard("Batched")
        let link = try XCTUnwrap(card["shortLink"] as? String)
        let urls = "/cards/\(link)?fields=name%2CshortLink,/cards/NoCard12,/members/me"
        let answer = try await trello("GET", "/batch?urls=" + (urls.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""))
        XCTAssertEqual(answer.status, 200, answer.text)
        let entries = answer.array
        XCTAssertEqual(entries.count, 3)
        XCTAssertEqual((entries[0]["200"] as? [String: Any])?["name"] as? String, "Batched")
        XCTAssertEqual((entries[0]["200"] as? [String: Any])?.keys.sorted(), ["id", "name", "shortLink"])
        XCTAssertNotNil(entries[1]["404"])
        XCTAssertEqual((entries[2]["200"] as? [String: Any])?["username"] as? String, "simuser")
        let eleven = Array(repeating: "/members/me", count: 11).joined(separator: ",")
        try await expect(400, "GET", "/batch?urls=" + eleven)
    }
}
