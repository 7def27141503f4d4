import Foundation
import TrackerSimulator
import XCTest

/// Creating and editing issues, and the errors GitHub answers with.
final class GitHubWriteTests: SimulatorTestCase {
    func testCreateAnswers201WithLocationTheTokensUserAndAutoCreatedLabels() async throws {
        let created = try await http.api("POST", "/repos/acme/widgets/issues",
                                         ["title": "New", "body": "Text", "labels": ["kind: bug", "priority: high"], "assignees": ["ana"]])
        XCTAssertEqual(created.status, 201)
        let issue = created.object
        XCTAssertEqual(issue["number"] as? Int, 1)
        XCTAssertEqual(created.headers["location"], "\(server.baseURL)/repos/acme/widgets/issues/1")
        XCTAssertEqual(issue["url"] as? String, created.headers["location"])
        XCTAssertEqual((issue["user"] as? [String: Any])?["login"] as? String, "sim-user")
        XCTAssertEqual((issue["labels"] as? [[String: Any]])?.compactMap { $0["name"] as? String }, ["kind: bug", "priority: high"])
        XCTAssertEqual((issue["assignee"] as? [String: Any])?["login"] as? String, "ana")
        XCTAssertEqual(issue["state"] as? String, "open")
        XCTAssertTrue(issue["state_reason"] is NSNull)
        XCTAssertTrue(issue["closed_at"] is NSNull)
        XCTAssertEqual(issue["created_at"] as? String, issue["updated_at"] as? String)
        let fetched = try await http.api("GET", "/repos/acme/widgets/issues/1")
        XCTAssertEqual(fetched.object["body"] as? String, "Text")

        let reused = try await http.api("POST", "/repos/acme/widgets/issues", ["title": "Again", "labels": ["KIND: BUG"]])
        XCTAssertEqual((reused.object["labels"] as? [[String: Any]])?.first?["name"] as? String, "kind: bug",
                       "an existing label keeps its spelling")
        let labelIDs = [created, reused].compactMap { ($0.object["labels"] as? [[String: Any]])?.first?["id"] as? Int }
        XCTAssertEqual(Set(labelIDs).count, 1)
    }

    func testTextComesBackExactlyAsSent() async throws {
        let title = "Quotes \" and \\ backslash, tab\t, bell \u{07}, émoji 🚀, <html> & /slashes/"
        let body = "## Summary\r\n\nLine one\nLine two ✓\n"
        let created = try await http.api("POST", "/repos/acme/widgets/issues", ["title": title, "body": body, "labels": ["ünïcode \"label\""]])
        XCTAssertEqual(created.status, 201)
        let fetched = try await http.api("GET", "/repos/acme/widgets/issues/1")
        XCTAssertEqual(fetched.object["title"] as? String, title)
        XCTAssertEqual(fetched.object["body"] as? String, body)
        XCTAssertEqual((fetched.object["labels"] as? [[String: Any]])?.first?["name"] as? String, "ünïcode \"label\"")
        let listed = try await http.api("GET", "/repos/acme/widgets/issues")
        XCTAssertEqual(listed.array.first?["title"] as? String, title)
    }

    func testAnEmptyBodyIsNull() async throws {
        let created = try await http.api("POST", "/repos/acme/widgets/issues", ["title": "No body", "body": ""])
        XCTAssertTrue(created.object["body"] is NSNull)
    }

    /// GitHub takes a number as a title (`oneOf` string or integer) but not a boolean. On Linux the NSNumber 1 also
    /// answers `is Bool`, which refused the title 1.
    func testANumberIsATitleAndABooleanIsNot() async throws {
        let one = try await http.api("POST", "/repos/acme/widgets/issues", ["title": 1])
        XCTAssertEqual(one.status, 201, "\(one.object)")
        XCTAssertEqual(one.object["title"] as? String, "1")
        let yes = try await http.api("POST", "/repos/acme/widgets/issues", ["title": true])
        XCTAssertEqual(yes.status, 422)
    }

    func testEveryChangeBumpsUpdatedAtStrictlyEvenWithinOneSecond() async throws {
        let created = try await http.api("POST", "/repos/acme/widgets/issues", ["title": "Start"])
        var stamps = [try XCTUnwrap(created.object["updated_at"] as? String)]
        for change: [String: Any] in [["title": "One"], ["body": "Two"], ["labels": ["x"]], ["assignees": ["ben"]],
                                      ["state": "closed"]] {
            let edited = try await http.api("PATCH", "/repos/acme/widgets/issues/1", change)
            XCTAssertEqual(edited.status, 200)
            stamps.append(try XCTUnwrap(edited.object["updated_at"] as? String))
            XCTAssertEqual(edited.object["created_at"] as? String, created.object["created_at"] as? String)
        }
        for (earlier, later) in zip(stamps, stamps.dropFirst()) { XCTAssertLessThan(earlier, later) }
        XCTAssertTrue(stamps.allSatisfy { $0.count == 20 && $0.hasSuffix("Z") }, "second precision: \(stamps)")

        let admin = try await http.admin("PATCH", "/_simulator/items/acme%2Fwidgets%231", ["title": "By someone else"])
        XCTAssertGreaterThan(try XCTUnwrap(admin.object["updated_at"] as? String), stamps.last!)

        let unchanged = try await http.api("PATCH", "/repos/acme/widgets/issues/1", ["title": "By someone else"])
        XCTAssertEqual(unchanged.object["updated_at"] as? String, admin.object["updated_at"] as? String,
                       "an edit that changes nothing is not a change")
    }

    func testConcurrentCreatesGetDistinctNumbersAndTimes() async throws {
        let http = self.http!
        let created = try await withThrowingTaskGroup(of: (number: Int?, updated: String?).self) { group in
            for i in 1...20 {
                group.addTask {
                    let issue = try await http.api("POST", "/repos/acme/widgets/issues", ["title": "Parallel \(i)"]).object
                    return (issue["number"] as? Int, issue["updated_at"] as? String)
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        XCTAssertEqual(Set(created.compactMap(\.number)), Set(1...20))
        XCTAssertEqual(Set(created.compactMap(\.updated)).count, 20)
    }

    func testClosingAndReopeningSetStateReasonClosedAtAndClosedBy() async throws {
        try await http.api("POST", "/repos/acme/widgets/issues", ["title": "Life"])
        let dropped = try await http.api("PATCH", "/repos/acme/widgets/issues/1", ["state": "closed", "state_reason": "not_planned"])
        XCTAssertEqual(dropped.object["state"] as? String, "closed")
        XCTAssertEqual(dropped.object["state_reason"] as? String, "not_planned")
        XCTAssertEqual(dropped.object["closed_at"] as? String, dropped.object["updated_at"] as? String)
        XCTAssertEqual((dropped.object["closed_by"] as? [String: Any])?["login"] as? String, "sim-user")

        let reopened = try await http.api("PATCH", "/repos/acme/widgets/issues/1", ["state": "open"])
        XCTAssertEqual(reopened.object["state"] as? String, "open")
        XCTAssertEqual(reopened.object["state_reason"] as? String, "reopened")
        XCTAssertTrue(reopened.object["closed_at"] is NSNull)

        let done = try await http.api("PATCH", "/repos/acme/widgets/issues/1", ["state": "closed"])
        XCTAssertEqual(done.object["state_reason"] as? String, "completed", "closing without a reason means completed")
        let listed = try await http.api("GET", "/repos/acme/widgets/issues?state=closed")
        XCTAssertEqual(listed.array.first?["closed_at"] as? String, done.object["closed_at"] as? String)
    }

    func testValidationFailuresAre422InGitHubsShapeAndChangeNothing() async throws {
        let noTitle = try await http.api("POST", "/repos/acme/widgets/issues", ["body": "no title"])
        XCTAssertEqual(noTitle.status, 422)
        XCTAssertEqual(noTitle.object["message"] as? String, "Validation Failed")
        XCTAssertTrue((noTitle.object["documentation_url"] as? String)?.hasPrefix("https://docs.github.com/") == true)
        XCTAssertEqual(noTitle.object["errors"] as? [[String: String]], [["resource": "Issue", "code": "missing_field", "field": "title"]])

        let unknownUser = try await http.api("POST", "/repos/acme/widgets/issues", ["title": "x", "assignees": ["nobody-here"]])
        XCTAssertEqual(unknownUser.status, 422)
        XCTAssertEqual(unknownUser.object["errors"] as? [[String: String]],
                       [["resource": "Issue", "code": "invalid", "field": "assignees", "value": "nobody-here"]])

        let withState = try await http.api("POST", "/repos/acme/widgets/issues", ["title": "x", "state": "closed"])
        XCTAssertEqual(withState.status, 422, "the state is not set on create")
        let items = try await http.admin("GET", "/_simulator/items").array
        XCTAssertEqual(items.count, 0, "no failed create left an issue behind")

        try await http.api("POST", "/repos/acme/widgets/issues", ["title": "Kept"])
        for bad: [String: Any] in [["state": "done"], ["state_reason": "bored"], ["title": ""], ["labels": "bug"],
                                   ["title": "Changed", "assignees": ["nobody-here"]], ["state": "closed", "state_reason": "reopened"]] {
            let answer = try await http.api("PATCH", "/repos/acme/widgets/issues/1", bad)
            XCTAssertEqual(answer.status, 422, "\(bad)")
            XCTAssertEqual(answer.object["message"] as? String, "Validation Failed")
        }
        let after = try await http.api("GET", "/repos/acme/widgets/issues/1")
        XCTAssertEqual(after.object["title"] as? String, "Kept")
        XCTAssertEqual(after.object["state"] as? String, "open")
        XCTAssertEqual(after.object["created_at"] as? String, after.object["updated_at"] as? String)
    }

    func testMalformedJSONIs400AndUnknownThingsAre404() async throws {
        let malformed = try await http.send("POST", "/repos/acme/widgets/issues", body: Data("{\"title\": ".utf8),
                                            authorization: "Bearer \(token)", headers: [:])
        XCTAssertEqual(malformed.status, 400)
        XCTAssertEqual(malformed.object["message"] as? String, "Problems parsing JSON")
        for (method, path) in [("GET", "/repos/acme/widgets/issues/99"), ("PATCH", "/repos/acme/widgets/issues/99"),
                               ("GET", "/no/such/route"), ("DELETE", "/repos/acme/widgets/issues/1")] {
            let answer = try await http.api(method, path, method == "PATCH" ? ["title": "x"] : nil)
            XCTAssertEqual(answer.status, 404, "\(method) \(path)")
            XCTAssertEqual(answer.object["message"] as? String, "Not Found")
            XCTAssertNotNil(answer.object["documentation_url"] as? String)
        }
    }

    func testAMissingOrWrongTokenIs401() async throws {
        for authorization: String? in [nil, "Bearer wrong", "Basic \(token)", "Bearer"] {
            let answer = try await http.api("GET", "/repos/acme/widgets/issues", authorization: .some(authorization))
            XCTAssertEqual(answer.status, 401, authorization ?? "none")
            XCTAssertEqual(answer.object as NSDictionary,
                           ["message": "Bad credentials", "documentation_url": "https://docs.github.com/rest"])
        }
        let tokenScheme = try await http.api("GET", "/repos/acme/widgets/issues", authorization: "token \(token)")
        XCTAssertEqual(tokenScheme.status, 200)
        let bearer = try await http.api("GET", "/repos/acme/widgets/issues", authorization: "bearer \(token)")
        XCTAssertEqual(bearer.status, 200)
    }

    func testUserIsTheTokensUser() async throws {
        let user = try await http.api("GET", "/user")
        XCTAssertEqual(user.status, 200)
        XCTAssertEqual(user.object["login"] as? String, "sim-user")
        XCTAssertNotNil(user.object["id"] as? Int)
    }
}
