import Foundation
import TrackerSimulator
import XCTest

/// The admin API's neutral item shape on the Jira simulator: Jira's words, and markdown descriptions through the
/// simulator's own small markdown ⇄ ADF conversion (checked by its ADF validator like any description).
final class JiraNeutralItemTests: JiraTestCase {
    override func setUp() async throws {
        try await super.setUp()
        try await http.admin("POST", "/_simulator/setup", [
            "projects": [["key": "OPS", "name": "Operations"]],
            "users": [["accountId": "acc-ana", "displayName": "Ana Lima", "emailAddress": "ana@example.invalid"]],
        ])
    }

    private let markdown = """
        ## Summary

        Plain, **strong**, *emphasis*, `code`, ~~gone~~ and [a link](https://example.com/x).

        - outer
          - inner
        - second

        3. third
        4. fourth

        ```swift
        let x = 1
        ```

        """

    func testAMarkdownDescriptionBecomesADFAndReadsBackAsTheSameMarkdown() async throws {
        let answer = try await http.admin("POST", "/_simulator/items", [
            "title": "Neutral", "description": markdown, "state": "In Progress", "labels": ["backend"],
            "assignee": "ana@example.invalid", "priority": "High", "kind": "Bug",
        ])
        XCTAssertEqual(answer.status, 201, String(decoding: answer.body, as: UTF8.self))
        let added = answer.object
        XCTAssertEqual(added["key"] as? String, "ENG-1", "the first project is the default scope")
        XCTAssertEqual(added["scope"] as? String, "ENG")
        XCTAssertEqual(added["description"] as? String, markdown)
        XCTAssertEqual(added["state"] as? String, "In Progress")
        XCTAssertEqual(added["assignee"] as? String, "acc-ana")
        XCTAssertEqual(added["priority"] as? String, "High")
        XCTAssertEqual(added["kind"] as? String, "Bug")
        XCTAssertEqual(added["labels"] as? [String], ["backend"])

        let fields = Self.fields(try await jira("GET", "/issue/ENG-1").object)
        XCTAssertEqual(fields["summary"] as? String, "Neutral")
        XCTAssertEqual((fields["status"] as? [String: Any])?["name"] as? String, "In Progress")
        XCTAssertEqual((fields["issuetype"] as? [String: Any])?["name"] as? String, "Bug")
        let description = try XCTUnwrap(fields["description"] as? [String: Any])
        let blocks = try XCTUnwrap(description["content"] as? [[String: Any]])
        XCTAssertEqual(blocks.map { $0["type"] as? String }, ["heading", "paragraph", "bulletList", "orderedList", "codeBlock"])
        let marks = (blocks[1]["content"] as? [[String: Any]] ?? []).compactMap { ($0["marks"] as? [[String: Any]])?.first?["type"] as? String }
        XCTAssertEqual(marks, ["strong", "em", "code", "strike", "link"])
        XCTAssertEqual((blocks[3]["attrs"] as? [String: Any])?["order"] as? Int, 3)
        let outer = try XCTUnwrap((blocks[2]["content"] as? [[String: Any]])?.first?["content"] as? [[String: Any]])
        XCTAssertEqual(outer.map { $0["type"] as? String }, ["paragraph", "bulletList"], "indentation nests a list")
    }

    func testAssigneeByDisplayNameOrAccountIdAndScopeByProjectKey() async throws {
        let byName = try await http.admin("POST", "/_simulator/items", ["title": "A", "assignee": "Ana Lima", "scope": "OPS"]).object
        XCTAssertEqual(byName["key"] as? String, "OPS-1")
        XCTAssertEqual(byName["assignee"] as? String, "acc-ana")
        let byID = try await http.admin("POST", "/_simulator/items", ["title": "B", "assignee": "acc-ana"]).object
        XCTAssertEqual(byID["assignee"] as? String, "acc-ana")
        let moved = try await http.admin("PATCH", "/_simulator/items/OPS-1", ["scope": "ENG"])
        XCTAssertEqual(moved.status, 400)
    }

    func testAChangeMovesUpdatedAndLeavesTheRestAlone() async throws {
        let added = try await http.admin("POST", "/_simulator/items", ["title": "Keep", "labels": ["a"], "priority": "Low"]).object
        try await http.admin("POST", "/_simulator/clock", ["advance_seconds": 90])
        let changed = try await http.admin("PATCH", "/_simulator/items/ENG-1", ["state": "Done", "assignee": "acc-ana"])
        XCTAssertEqual(changed.status, 200, String(decoding: changed.body, as: UTF8.self))
        XCTAssertEqual(changed.object["state"] as? String, "Done")
        XCTAssertEqual(changed.object["labels"] as? [String], ["a"])
        XCTAssertEqual(changed.object["priority"] as? String, "Low")
        let before = try Self.date(Self.fields(added)["updated"] as? String)
        let after = try Self.date(Self.fields(changed.object)["updated"] as? String)
        XCTAssertGreaterThanOrEqual(after.timeIntervalSince(before), 90, "updated follows the simulated clock")
        let cleared = try await http.admin("PATCH", "/_simulator/items/ENG-1", ["assignee": NSNull(), "description": NSNull()])
        XCTAssertTrue(cleared.object["assignee"] is NSNull)
        XCTAssertEqual(cleared.object["description"] as? String, "")
    }

    func testJirasOwnFieldsWinAndUnknownStatusesAreRefused() async throws {
        let both = try await http.admin("POST", "/_simulator/items", ["title": "neutral", "fields": ["summary": "Jira's own"]]).object
        XCTAssertEqual(both["title"] as? String, "Jira's own")
        let unknown = try await http.admin("PATCH", "/_simulator/items/ENG-1", ["state": "Limbo"])
        XCTAssertEqual(unknown.status, 400)
        let wrongType = try await http.admin("PATCH", "/_simulator/items/ENG-1", ["labels": "one"])
        XCTAssertEqual(wrongType.status, 400)
        XCTAssertTrue(errorMessage(wrongType).contains("\"labels\""), errorMessage(wrongType))
    }

    func testMarkdownOutsideTheSubsetStaysTextAndAlwaysPassesTheValidator() async throws {
        let odd = "Unclosed **bold, `code and [link](\n\n- \n-\n\n####### seven\n\n> quoted\n\n```\nno closing fence"
        let answer = try await http.admin("POST", "/_simulator/items", ["title": "Odd", "description": odd])
        XCTAssertEqual(answer.status, 201, "the simulator's validator accepted it: \(String(decoding: answer.body, as: UTF8.self))")
        let description = try XCTUnwrap(answer.object["description"] as? String)
        for text in ["Unclosed **bold, `code and [link](", "####### seven", "> quoted", "no closing fence"] {
            XCTAssertTrue(description.contains(text), "\(text) in \(description)")
        }
    }
}
