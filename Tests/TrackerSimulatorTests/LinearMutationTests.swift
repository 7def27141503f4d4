import Foundation
import XCTest

/// Writing: `issueCreate` with a client-chosen id, `issueUpdate` of any subset of fields, moves between teams, and
/// `issueLabelCreate`, each checked the way Linear checks its input.
final class LinearMutationTests: LinearTestCase {
    private static let create = """
        mutation IssueCreate($input: IssueCreateInput!) {
          issueCreate(input: $input) { success issue { id identifier title description priority state { name type } labels { nodes { name } } assignee { email } parent { identifier } creator { email } } }
        }
        """
    private static let update = """
        mutation IssueUpdate($id: String!, $input: IssueUpdateInput!) {
          issueUpdate(id: $id, input: $input) { success issue { id identifier title description priority updatedAt previousIdentifiers state { name } team { key } labelIds labels { nodes { name } } assignee { email } } }
        }
        """

    private func created(_ input: [String: Any]) async throws -> [String: Any] {
        let answer = try await data(Self.create, ["input": input])
        let payload = try XCTUnwrap(answer["issueCreate"] as? [String: Any])
        XCTAssertEqual(payload["success"] as? Bool, true)
        return try XCTUnwrap(payload["issue"] as? [String: Any])
    }

    private func updated(_ id: String, _ input: [String: Any]) async throws -> [String: Any] {
        let answer = try await data(Self.update, ["id": id, "input": input])
        return try XCTUnwrap((answer["issueUpdate"] as? [String: Any])?["issue"] as? [String: Any])
    }

    func testCreateKeepsTheClientsIdAndRefusesItTwice() async throws {
        let team = try await teamID()
        let states = try await stateIDs()
        let labels = try await labelIDs()
        let id = "3f2b9a1c-1111-4a2b-8c3d-0123456789ab"
        let issue = try await created(["id": id, "teamId": team, "title": "Chosen id", "description": "Text", "priority": 2,
                                       "stateId": states["In Progress"]!, "labelIds": [labels["Bug"]!]])
        XCTAssertEqual(issue["id"] as? String, id)
        XCTAssertEqual(issue["identifier"] as? String, "ENG-1")
        XCTAssertEqual(issue["priority"] as? Int, 2)
        XCTAssertEqual((issue["state"] as? [String: Any])?["name"] as? String, "In Progress")
        XCTAssertEqual(Self.nodes(issue["labels"]).compactMap { $0["name"] as? String }, ["Bug"])
        XCTAssertEqual((issue["creator"] as? [String: Any])?["email"] as? String, "sim-user@example.com", "the key's user created it")

        let again = try await graphql(Self.create, ["input": ["id": id, "teamId": team, "title": "Chosen id"]])
        XCTAssertEqual(again.status, 200)
        XCTAssertEqual(messages(again), ["Entity already exists"])
        XCTAssertEqual(extensions(again)["type"] as? String, "invalid input")
        let items = try await http.admin("GET", "/_simulator/items").array
        XCTAssertEqual(items.count, 1, "the second create made nothing")

        let notUUID = try await graphql(Self.create, ["input": ["id": "marker-1", "teamId": team, "title": "X"]])
        XCTAssertEqual(extensions(notUUID)["userPresentableMessage"] as? String, "id must be a UUID.")
    }

    func testCreateChecksItsReferences() async throws {
        let team = try await teamID()
        let cases: [([String: Any], String)] = [
            (["teamId": "5e1a0000-0000-4000-8000-ffffffffffff", "title": "T"], "Entity not found: Team"),
            (["teamId": team, "title": "  "], "Argument Validation Error"),
            (["teamId": team, "title": "T", "priority": 5], "Argument Validation Error"),
            (["teamId": team, "title": "T", "assigneeId": "nobody"], "Entity not found: User"),
            (["teamId": team, "title": "T", "labelIds": ["nope"]], "Entity not found: IssueLabel"),
            (["teamId": team, "title": "T", "parentId": "5e1a0000-0000-4000-8000-fffffffffff0"], "Entity not found: Issue"),
        ]
        for (input, message) in cases {
            let answer = try await graphql(Self.create, ["input": input])
            XCTAssertEqual(messages(answer), [message], "\(input)")
            XCTAssertTrue(answer.object["data"] is NSNull, "\(input)")
        }
        try await http.admin("POST", "/_simulator/setup", ["teams": [["key": "OPS"]]])
        let opsStates = try await stateIDs("OPS")
        let wrongTeam = try await graphql(Self.create, ["input": ["teamId": team, "title": "T", "stateId": opsStates["Todo"]!]])
        XCTAssertEqual(messages(wrongTeam), ["Invalid state for team"])
    }

    func testUpdateChangesOnlyWhatItIsGivenAndMovesUpdatedAt() async throws {
        try await http.admin("POST", "/_simulator/setup", ["users": [["email": "ben@example.com", "displayName": "Ben Brooks"]]])
        let item = try await addItem(["title": "Original", "description": "Body", "priority": "Low", "labels": ["keep"]])
        let id = try XCTUnwrap(item["id"] as? String)
        let before = try XCTUnwrap(item["updatedAt"] as? String)
        let users = try await data("{ users { nodes { id email } } }")
        let ben = try XCTUnwrap(Self.nodes(users["users"]).first { $0["email"] as? String == "ben@example.com" }?["id"] as? String)
        let issue = try await updated(id, ["title": "Renamed", "assigneeId": ben])
        XCTAssertEqual(issue["title"] as? String, "Renamed")
        XCTAssertEqual(issue["description"] as? String, "Body", "untouched")
        XCTAssertEqual(issue["priority"] as? Int, 4, "untouched")
        XCTAssertEqual(Self.nodes(issue["labels"]).compactMap { $0["name"] as? String }, ["keep"])
        XCTAssertEqual((issue["assignee"] as? [String: Any])?["email"] as? String, "ben@example.com")
        XCTAssertGreaterThan(try XCTUnwrap(issue["updatedAt"] as? String), before)

        let cleared = try await updated("ENG-1", ["assigneeId": NSNull(), "priority": 0])
        XCTAssertTrue(cleared["assignee"] is NSNull, "null clears, and the identifier works as the id")
        XCTAssertEqual(cleared["priority"] as? Int, 0)
    }

    func testLabelsAreReplacedOrAddedAndRemoved() async throws {
        let item = try await addItem(["title": "Labels", "labels": ["one", "two"]])
        let id = try XCTUnwrap(item["id"] as? String)
        let labels = try await labelIDs()
        let added = try await updated(id, ["addedLabelIds": [labels["Bug"]!], "removedLabelIds": [labels["one"]!]])
        XCTAssertEqual(Set(Self.nodes(added["labels"]).compactMap { $0["name"] as? String }), ["two", "Bug"])
        let replaced = try await updated(id, ["labelIds": [labels["one"]!]])
        XCTAssertEqual(replaced["labelIds"] as? [String], [labels["one"]!])
    }

    func testMovingTeamGivesANewIdentifierAndRemembersTheOld() async throws {
        try await http.admin("POST", "/_simulator/setup", ["teams": [["key": "OPS", "name": "Operations"]], "labels": [["name": "eng-only", "team": "ENG"]]])
        try await addItem(["title": "Earlier OPS issue", "scope": "OPS"])
        let item = try await addItem(["title": "Moves", "state": "In Progress", "labels": ["eng-only", "shared"]])
        let id = try XCTUnwrap(item["id"] as? String)
        let ops = try await teamID("OPS")
        let moved = try await updated(id, ["teamId": ops])
        XCTAssertEqual(moved["id"] as? String, id)
        XCTAssertEqual(moved["identifier"] as? String, "OPS-2")
        XCTAssertEqual(moved["previousIdentifiers"] as? [String], ["ENG-1"])
        XCTAssertEqual((moved["team"] as? [String: Any])?["key"] as? String, "OPS")
        XCTAssertEqual((moved["state"] as? [String: Any])?["name"] as? String, "In Progress", "the same state in the new team")
        XCTAssertEqual(Self.nodes(moved["labels"]).compactMap { $0["name"] as? String }, ["shared"], "the old team's labels go")
    }

    func testARefusedUpdateChangesNothingEvenAfterAMove() async throws {
        try await http.admin("POST", "/_simulator/setup", ["teams": [["key": "OPS"]]])
        let item = try await addItem(["title": "Stays put"])
        let ops = try await teamID("OPS")
        let answer = try await graphql(Self.update, ["id": item["id"] as Any, "input": ["teamId": ops, "labelIds": ["no-such-label"]]])
        XCTAssertEqual(messages(answer), ["Entity not found: IssueLabel"])
        let after = try await self.item("ENG-1")
        XCTAssertEqual(after["scope"] as? String, "ENG")
        XCTAssertEqual(after["updatedAt"] as? String, item["updatedAt"] as? String)
    }

    func testDescriptionsComeBackAsLinearWritesThem() async throws {
        let team = try await teamID()
        let sent = "Intro with _emphasis_ and __strong__ text.  \n\n\n* one\n* two\n\n3. first\n7. second\n\nSetext\n===\n\n```\n* not a list\n```\n"
        let issue = try await created(["teamId": team, "title": "Markdown", "description": sent])
        XCTAssertEqual(issue["description"] as? String,
                       "Intro with *emphasis* and **strong** text.\n\n- one\n- two\n\n3. first\n4. second\n\n# Setext\n\n```\n* not a list\n```")
    }

    func testLabelCreateRefusesADuplicateName() async throws {
        let team = try await teamID()
        let mutation = "mutation L($input: IssueLabelCreateInput!) { issueLabelCreate(input: $input) { success issueLabel { id name team { key } } } }"
        let made = try await data(mutation, ["input": ["name": "backend", "teamId": team]])
        let label = try XCTUnwrap((made["issueLabelCreate"] as? [String: Any])?["issueLabel"] as? [String: Any])
        XCTAssertEqual(label["name"] as? String, "backend")
        XCTAssertEqual((label["team"] as? [String: Any])?["key"] as? String, "ENG")
        let twice = try await graphql(mutation, ["input": ["name": "Backend", "teamId": team]])
        XCTAssertEqual(messages(twice), ["Duplicate label name"])
        let workspaceClash = try await graphql(mutation, ["input": ["name": "bug", "teamId": team]])
        XCTAssertEqual(messages(workspaceClash), ["Duplicate label name"], "a workspace label of that name exists")
    }
}
