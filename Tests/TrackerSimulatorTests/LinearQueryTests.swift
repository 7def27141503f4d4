import Foundation
import XCTest

/// Reading: Relay paging, filters, ordering, archived issues, and looking issues up by id or identifier.
final class LinearQueryTests: LinearTestCase {
    private static let page = """
        query Page($first: Int, $after: String, $last: Int, $before: String, $filter: IssueFilter, $archived: Boolean) {
          issues(first: $first, after: $after, last: $last, before: $before, filter: $filter, includeArchived: $archived, orderBy: updatedAt) {
            nodes { identifier title updatedAt }
            edges { cursor node { identifier } }
            pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
          }
        }
        """

    private func identifiers(_ variables: [String: Any]) async throws -> (ids: [String], info: [String: Any]) {
        let answer = try await data(Self.page, variables)
        return (Self.nodes(answer["issues"]).compactMap { $0["identifier"] as? String }, Self.pageInfo(answer["issues"]))
    }

    func testForwardPagingVisitsEveryIssueOnceNewestFirst() async throws {
        for n in 1...7 { try await addItem(["title": "Issue \(n)"]) }
        var seen: [String] = []
        var after: String?
        var pages = 0
        repeat {
            var variables: [String: Any] = ["first": 3]
            if let after { variables["after"] = after }
            let (ids, info) = try await identifiers(variables)
            seen += ids
            pages += 1
            after = info["hasNextPage"] as? Bool == true ? info["endCursor"] as? String : nil
            XCTAssertEqual(info["hasPreviousPage"] as? Bool, pages > 1)
        } while after != nil
        XCTAssertEqual(pages, 3)
        XCTAssertEqual(seen, (1...7).reversed().map { "ENG-\($0)" }, "ordered by updatedAt, the latest first")
    }

    func testBackwardPagingAndEdgeCursors() async throws {
        for n in 1...5 { try await addItem(["title": "Issue \(n)"]) }
        let answer = try await data(Self.page, ["first": 5])
        let edges = (answer["issues"] as? [String: Any])?["edges"] as? [[String: Any]] ?? []
        XCTAssertEqual(edges.count, 5)
        let middle = try XCTUnwrap(edges[3]["cursor"] as? String)
        let (before, info) = try await identifiers(["last": 2, "before": middle])
        XCTAssertEqual(before, ["ENG-4", "ENG-3"])
        XCTAssertEqual(info["hasPreviousPage"] as? Bool, true)
    }

    func testPageSizesAreBoundedAndCursorsChecked() async throws {
        for n in 1...55 { try await addItem(["title": "Issue \(n)"]) }
        let (defaulted, _) = try await identifiers([:])
        XCTAssertEqual(defaulted.count, 50, "50 when neither first nor last is given")
        let tooMany = try await graphql(Self.page, ["first": 251])
        XCTAssertEqual(tooMany.status, 200)
        XCTAssertEqual(messages(tooMany), ["Argument Validation Error"])
        XCTAssertEqual(extensions(tooMany)["userPresentableMessage"] as? String, "first must not be greater than 250.")
        XCTAssertTrue(tooMany.object["data"] is NSNull, "issues is non-null, so the error nulls data")
        let badCursor = try await graphql(Self.page, ["first": 2, "after": "bm90IGEgY3Vyc29y"])
        XCTAssertEqual(messages(badCursor), ["Argument Validation Error"])
    }

    func testUpdatedAtFiltersIncludeWhatChangedAfterTheInstant() async throws {
        try await addItem(["title": "Old"])
        let second = try await addItem(["title": "Also old"])
        let boundary = try XCTUnwrap(second["updatedAt"] as? String)
        try await http.admin("PATCH", "/_simulator/items/ENG-1", ["title": "Old, edited"])
        let (gt, _) = try await identifiers(["filter": ["updatedAt": ["gt": boundary]]])
        XCTAssertEqual(gt, ["ENG-1"])
        let (gte, _) = try await identifiers(["filter": ["updatedAt": ["gte": boundary]]])
        XCTAssertEqual(gte, ["ENG-1", "ENG-2"])
        let (relative, _) = try await identifiers(["filter": ["updatedAt": ["gt": "-PT1H"]]])
        XCTAssertEqual(relative.count, 2, "a duration counts back from now")
        let (future, _) = try await identifiers(["filter": ["updatedAt": ["gt": "2999-01-01"]]])
        XCTAssertEqual(future, [], "a date alone is midnight UTC")
        let (offset, _) = try await identifiers(["filter": ["updatedAt": ["lt": "1970-01-01T01:00:00+01:00"]]])
        XCTAssertEqual(offset, [], "an offset is honoured: that instant is the epoch itself")
        let (past, _) = try await identifiers(["filter": ["updatedAt": ["gt": "2020-02-29T23:59:59.999+02:30"]]])
        XCTAssertEqual(past.count, 2)
    }

    func testFiltersOnTeamStateLabelsAssigneeAndNumbers() async throws {
        try await http.admin("POST", "/_simulator/setup", ["teams": [["key": "OPS", "name": "Operations"]],
                                                           "users": [["email": "ana@example.com", "displayName": "Ana Alves"]]])
        try await addItem(["title": "A", "state": "In Progress", "labels": ["backend"], "assignee": "ana@example.com"])
        try await addItem(["title": "B", "state": "Done", "kind": "Bug"])
        try await addItem(["title": "C", "scope": "OPS"])
        let cases: [([String: Any], [String])] = [
            (["team": ["key": ["eq": "OPS"]]], ["OPS-1"]),
            (["team": ["key": ["in": ["ENG"]]]], ["ENG-2", "ENG-1"]),
            (["state": ["type": ["nin": ["completed", "canceled"]]]], ["OPS-1", "ENG-1"]),
            (["labels": ["some": ["name": ["eqIgnoreCase": "BUG"]]]], ["ENG-2"]),
            (["labels": ["name": ["eq": "backend"]]], ["ENG-1"]),
            (["assignee": ["email": ["eq": "ana@example.com"]]], ["ENG-1"]),
            (["assignee": ["null": true]], ["OPS-1", "ENG-2"]),
            (["and": [["team": ["key": ["eq": "ENG"]]], ["number": ["in": [2]]]]], ["ENG-2"]),
            (["or": [["title": ["eq": "A"]], ["title": ["containsIgnoreCase": "c"]]]], ["OPS-1", "ENG-1"]),
        ]
        for (filter, expected) in cases {
            let (ids, _) = try await identifiers(["filter": filter])
            XCTAssertEqual(ids, expected, "\(filter)")
        }
    }

    func testArchivedAndTrashedIssuesAreLeftOutUnlessAskedFor() async throws {
        try await addItem(["title": "Live"])
        try await addItem(["title": "Archived", "archived": true])
        try await addItem(["title": "Trashed", "trashed": true])
        let (live, _) = try await identifiers([:])
        XCTAssertEqual(live, ["ENG-1"])
        let all = try await data("{ issues(includeArchived: true) { nodes { identifier archivedAt trashed } } }")
        let nodes = Self.nodes(all["issues"])
        XCTAssertEqual(nodes.compactMap { $0["identifier"] as? String }, ["ENG-3", "ENG-2", "ENG-1"])
        XCTAssertEqual(nodes[0]["trashed"] as? Bool, true)
        XCTAssertTrue(nodes[1]["trashed"] is NSNull)
        XCTAssertNotNil(nodes[1]["archivedAt"] as? String)
    }

    func testAnIssueIsFoundByIdCurrentOrPreviousIdentifier() async throws {
        try await http.admin("POST", "/_simulator/setup", ["teams": [["key": "OPS"]]])
        let created = try await addItem(["title": "Moving"])
        let id = try XCTUnwrap(created["id"] as? String)
        try await http.admin("PATCH", "/_simulator/items/ENG-1", ["team": "OPS"])
        let query = "query($id: String!) { issue(id: $id) { id identifier previousIdentifiers } }"
        for key in [id, "OPS-1", "ENG-1", "eng-1"] {
            let issue = try await data(query, ["id": key])["issue"] as? [String: Any]
            XCTAssertEqual(issue?["identifier"] as? String, "OPS-1", key)
            XCTAssertEqual(issue?["previousIdentifiers"] as? [String], ["ENG-1"], key)
        }
        let byID = try await data("query($ids: [ID!]) { issues(filter: { id: { in: $ids } }) { nodes { identifier } } }", ["ids": [id]])
        XCTAssertEqual(Self.nodes(byID["issues"]).compactMap { $0["identifier"] as? String }, ["OPS-1"])
    }

    func testAMissingIssueIsAnEntityNotFoundBesideNullData() async throws {
        let answer = try await graphql("query($id: String!) { issue(id: $id) { id } }", ["id": "ENG-404"])
        XCTAssertEqual(answer.status, 200)
        XCTAssertEqual(messages(answer), ["Entity not found: Issue"])
        XCTAssertEqual(extensions(answer)["type"] as? String, "invalid input")
        XCTAssertEqual(extensions(answer)["code"] as? String, "INPUT_ERROR")
        XCTAssertTrue(answer.object["data"] is NSNull)
        let path = (answer.object["errors"] as? [[String: Any]])?.first?["path"] as? [String]
        XCTAssertEqual(path, ["issue"])
    }

    func testTeamsStatesLabelsAndUsers() async throws {
        let answer = try await data("""
            { teams { nodes { key name states { nodes { name type position } } } }
              issueLabels { nodes { name team { key } } }
              users { nodes { email displayName isMe } }
              viewer { email } }
            """)
        let team = try XCTUnwrap(Self.nodes(answer["teams"]).first)
        XCTAssertEqual(team["key"] as? String, "ENG")
        let states = Self.nodes(team["states"])
        XCTAssertEqual(states.compactMap { $0["name"] as? String }, ["Backlog", "Todo", "In Progress", "In Review", "Done", "Canceled", "Duplicate"])
        XCTAssertEqual(states.compactMap { $0["type"] as? String }, ["backlog", "unstarted", "started", "started", "completed", "canceled", "canceled"])
        let labels = Self.nodes(answer["issueLabels"])
        XCTAssertEqual(Set(labels.compactMap { $0["name"] as? String }), ["Bug", "Feature", "Improvement"])
        XCTAssertTrue(labels.allSatisfy { $0["team"] is NSNull }, "the default labels belong to the workspace")
        let users = Self.nodes(answer["users"])
        XCTAssertEqual(users.filter { $0["isMe"] as? Bool == true }.compactMap { $0["email"] as? String }, ["sim-user@example.com"])
        XCTAssertEqual((answer["viewer"] as? [String: Any])?["email"] as? String, "sim-user@example.com")
    }

    func testTooComplexQueriesAreRefusedAndComplexityIsReported() async throws {
        let cheap = try await graphql("{ viewer { id email } }")
        XCTAssertEqual(cheap.headers["x-complexity"], "2", "an object (1) and two fields (0.1 each), rounded up")
        let expensive = """
            { issues(first: 250) { nodes { id children(first: 250) { nodes { id title description } } } } }
            """
        let answer = try await graphql(expensive)
        XCTAssertEqual(answer.status, 400)
        XCTAssertEqual(messages(answer), ["Query too complex"])
    }
}
