import Foundation
import JSON
import XCTest

/// Every Trello operation a client here uses, answered by the simulator and checked against the Card, TrelloList,
/// Label, Board, Action and Member schemas of shared/api/trello/openapi.json by tools/check-openapi-exchange.py.
final class TrelloSimulatorContractTests: XCTestCase {
    private let token = "trello-contract-token"
    private var simulator: SimulatorSession!
    private var oauth: String { "OAuth oauth_consumer_key=\"contract-key\", oauth_token=\"\(token)\"" }

    override func setUp() async throws {
        simulator = try await SimulatorSession.start(.trello, token: token)
    }

    override func tearDown() async throws {
        await simulator?.stop()
    }

    @discardableResult
    private func trello(_ method: String, _ path: String, _ body: JSONValue? = nil) async throws -> SimulatorSession.Answer {
        try await simulator.send(method, "/1" + path, body, authorization: oauth)
    }

    func testEveryAnswerFitsTheDescribedSchemas() async throws {
        let spec = try VendorTools.located().path("api/trello/openapi.json")
        try await driveEveryOperation()
        let recorded = try await simulator.exchanges()
        let exchanges = try TrelloContract.exchanges(recorded.bytes)
        XCTAssertTrue(exchanges.statuses.isSuperset(of: [200, 400, 401, 404, 429]), "\(exchanges.statuses.sorted())")
        XCTAssertGreaterThanOrEqual(exchanges.count, 25, "the session's successful exchanges are all checked")
        let described = try temporaryFile("trello-openapi-with-answers.json", holding: try TrelloContract.augmentedDescription(spec))
        let file = try temporaryFile("trello-simulator-exchanges.json", holding: exchanges.bytes)
        try assertVendorCheck("check-openapi-exchange.py", [described, file], printing: "\(exchanges.count) exchanges, 0 problems")
    }

    /// The board and its parts, cards made, read, changed, labelled, assigned, commented, archived and deleted,
    /// activity paged, a batch, and the errors Trello answers.
    private func driveEveryOperation() async throws {
        let board = try await trello("GET", "/boards/EngBoard?fields=all&lists=all&labels=all&members=all&cards=all").json
        let boardID = try XCTUnwrap(board["id"]?.string)
        let todo = try XCTUnwrap(board["lists"]?.array?.first { $0["name"]?.string == "To Do" }?["id"]?.string)
        let ana = try XCTUnwrap(board["members"]?.array?.first { $0["username"]?.string == "ana" }?["id"]?.string)
        for path in ["/boards/\(boardID)/lists", "/boards/\(boardID)/lists/all", "/boards/\(boardID)/labels?limit=1000",
                     "/boards/\(boardID)/members", "/members/me", "/members/ana"] {
            let answer = try await trello("GET", path)
            XCTAssertEqual(answer.status, 200, path)
        }
        let label = try await trello("POST", "/labels", ["name": "billing", "color": "green", "idBoard": .string(boardID)]).json
        let labelID = try XCTUnwrap(label["id"]?.string)
        try await trello("POST", "/boards/\(boardID)/labels", ["name": "infra", "color": "sky"])
        try await trello("POST", "/lists", ["name": "Won't Do", "idBoard": .string(boardID), "pos": "bottom"])
        try await trello("POST", "/boards/\(boardID)/lists", ["name": "Icebox"])

        let card = try await trello("POST", "/cards", ["name": "Pay by invoice", "desc": "## Summary\n\nCustomers ask.",
                                                       "idList": .string(todo), "idLabels": [.string(labelID)],
                                                       "idMembers": [.string(ana)], "pos": "bottom"]).json
        let cardID = try XCTUnwrap(card["id"]?.string)
        let link = try XCTUnwrap(card["shortLink"]?.string)
        try await trello("GET", "/cards/\(link)?fields=all")
        try await trello("GET", "/cards/\(cardID)?fields=id,shortLink,name,desc,idBoard,idList,idLabels,idMembers,closed,dateLastActivity,url")
        try await trello("PUT", "/cards/\(cardID)", ["name": "Pay by invoice or card", "desc": "Changed.", "closed": false])
        try await trello("DELETE", "/cards/\(cardID)/idLabels/\(labelID)")
        try await trello("POST", "/cards/\(cardID)/idLabels", ["value": .string(labelID)])
        try await trello("DELETE", "/cards/\(cardID)/idMembers/\(ana)")
        try await trello("POST", "/cards/\(cardID)/idMembers", ["value": .string(ana)])
        try await trello("POST", "/cards/\(cardID)/actions/comments", ["text": "Looks good."])
        for path in ["/boards/\(boardID)/cards", "/boards/\(boardID)/cards/all?fields=all&limit=2",
                     "/boards/\(boardID)/cards/open?fields=name,idLabels", "/boards/\(boardID)/actions?limit=3",
                     "/boards/\(boardID)/actions?filter=createCard,updateCard&since=2020-01-01T00:00:00Z&limit=1000&memberCreator=false",
                     "/batch?urls=/cards/\(link),/members/me"] {
            let answer = try await trello("GET", path)
            XCTAssertEqual(answer.status, 200, path)
        }
        let doomed = try await trello("POST", "/cards", ["name": "Doomed", "idList": .string(todo)]).json
        try await trello("DELETE", "/cards/\(try XCTUnwrap(doomed["id"]?.string))")

        try await trello("GET", "/cards/NoCard12")
        try await trello("GET", "/cards/not-an-id!")
        try await trello("POST", "/cards", ["name": "Too long", "idList": .string(todo), "desc": .string(String(repeating: "x", count: 16_385))])
        try await simulator.send("GET", "/1/members/me", authorization: "OAuth oauth_consumer_key=\"k\", oauth_token=\"wrong\"")
        try await simulator.send("POST", "/_simulator/faults", ["ratelimit_remaining": 0, "ratelimit_reset_seconds": 60], authorization: nil)
        try await trello("GET", "/members/me")
    }
}
