import Foundation
import TrackerSimulator
import XCTest

/// The admin API in Jira's shapes, faults and the request budget.
final class JiraAdminAndFaultTests: JiraTestCase {
    func testItemsAreAddedAndChangedAsARemoteUserWould() async throws {
        let added = try await addItem([
            "project": ["key": "ENG"], "summary": "From the web", "description": Self.doc("Typed in Jira"),
            "issuetype": ["name": "Bug"], "labels": ["web"], "priority": ["name": "High"],
            "assignee": ["emailAddress": "dora@example.com"],
        ], status: "In Progress", properties: ["origin": ["by": "admin"]])
        XCTAssertEqual(added["key"] as? String, "ENG-1")
        let fields = Self.fields(added)
        XCTAssertEqual((fields["status"] as? [String: Any])?["name"] as? String, "In Progress")
        XCTAssertEqual((fields["assignee"] as? [String: Any])?["displayName"] as? String, "dora", "unknown emails become users")
        XCTAssertEqual((fields["reporter"] as? [String: Any])?["displayName"] as? String, "Ana Alves", "a colleague by default")
        XCTAssertEqual(((added["properties"] as? [String: Any])?["origin"] as? [String: Any])?["by"] as? String, "admin")

        let dora = try await jira("GET", "/user/search?query=dora").array
        XCTAssertEqual(dora.count, 1, "a user the admin API introduced is known to the API from then on")

        let changed = try await http.admin("PATCH", "/_simulator/items/ENG-1", [
            "fields": ["summary": "From the web, edited", "labels": ["web", "triaged"]], "status": "Done",
        ])
        XCTAssertEqual(changed.status, 200)
        XCTAssertEqual(changed.object["key"] as? String, "ENG-1")
        let changedFields = Self.fields(changed.object)
        XCTAssertEqual(changedFields["summary"] as? String, "From the web, edited")
        XCTAssertEqual((changedFields["status"] as? [String: Any])?["name"] as? String, "Done")
        XCTAssertGreaterThan(try Self.date(changedFields["updated"] as? String), try Self.date(fields["updated"] as? String))

        let commented = try await http.admin("PATCH", "/_simulator/items/ENG-1", ["comment": "Seen it"])
        let commentedFields = Self.fields(commented.object)
        XCTAssertGreaterThan(try Self.date(commentedFields["updated"] as? String), try Self.date(changedFields["updated"] as? String))
        XCTAssertEqual(commentedFields["summary"] as? String, "From the web, edited")

        let listed = try await http.admin("GET", "/_simulator/items").array
        XCTAssertEqual(listed.compactMap { $0["key"] as? String }, ["ENG-1"])

        let invalid = try await http.admin("PATCH", "/_simulator/items/ENG-1", ["fields": ["description": "not ADF"]])
        XCTAssertEqual(invalid.status, 400)
        let missing = try await http.admin("PATCH", "/_simulator/items/ENG-9", ["fields": ["summary": "x"]])
        XCTAssertEqual(missing.status, 404)
        let noSummary = try await http.admin("POST", "/_simulator/items", ["fields": ["labels": ["x"]]])
        XCTAssertEqual(noSummary.status, 400)

        let deleted = try await http.admin("DELETE", "/_simulator/items/ENG-1")
        XCTAssertEqual(deleted.status, 204)
        let gone = try await jira("GET", "/issue/ENG-1")
        XCTAssertEqual(gone.status, 404)
        let next = try await create("Next")
        XCTAssertEqual(next, "ENG-2", "numbers are never reused")
    }

    func testSetupAddsProjectsAndUsers() async throws {
        let setup = try await http.admin("POST", "/_simulator/setup", [
            "projects": [["key": "OPS", "name": "Operations"]],
            "users": [["accountId": "acc-erin", "displayName": "Erin Eve", "emailAddress": "erin@example.com"]],
        ])
        XCTAssertEqual(setup.status, 204)
        let project = try await jira("GET", "/project/OPS")
        XCTAssertEqual(project.object["name"] as? String, "Operations")
        let key = try await create("Ops work", project: "OPS", fields: ["assignee": ["accountId": "acc-erin"]])
        XCTAssertEqual(key, "OPS-1")
        let bad = try await http.admin("POST", "/_simulator/setup", ["projects": [["key": "lower"]]])
        XCTAssertEqual(bad.status, 400)
    }

    func testAFaultAnswersInJirasErrorShapeWithRetryAfter() async throws {
        let set = try await http.admin("POST", "/_simulator/faults", ["path": "^/rest/api/3/search/jql", "status": 429,
                                                                      "headers": ["Retry-After": "1"]])
        XCTAssertEqual(set.status, 204)
        try await create("Searchable")
        let limited = try await search("project = ENG")
        XCTAssertEqual(limited.status, 429)
        XCTAssertEqual(limited.headers["retry-after"], "1")
        XCTAssertEqual(limited.object["errorMessages"] as? [String], ["Rate limit exceeded."])
        XCTAssertEqual(fieldErrors(limited), [:])
        let retried = try await search("project = ENG")
        XCTAssertEqual(retried.status, 200, "the fault was used up")

        try await http.admin("POST", "/_simulator/faults", ["path": "^/rest/api/3/issue", "status": 503])
        let unavailable = try await jira("GET", "/issue/ENG-1")
        XCTAssertEqual(unavailable.status, 503)
        XCTAssertNotNil(unavailable.object["errorMessages"] as? [String])
    }

    func testASpentRequestBudgetAnswers429UntilTheResetTime() async throws {
        try await http.admin("POST", "/_simulator/faults", ["ratelimit_remaining": 2, "ratelimit_reset_seconds": 1])
        let first = try await jira("GET", "/myself")
        let second = try await jira("GET", "/myself")
        XCTAssertEqual([first.status, second.status], [200, 200])
        XCTAssertEqual(second.headers["x-ratelimit-nearlimit"], "true")
        let limited = try await jira("GET", "/myself")
        XCTAssertEqual(limited.status, 429)
        XCTAssertEqual(limited.headers["retry-after"], "1")
        XCTAssertEqual(limited.headers["x-ratelimit-remaining"], "0")
        XCTAssertEqual(limited.headers["ratelimit-reason"], "jira-burst-based")
        XCTAssertNotNil(limited.headers["x-ratelimit-reset"])
        XCTAssertEqual(limited.object["errorMessages"] as? [String], ["Rate limit exceeded."])
        let stillLimited = try await jira("GET", "/myself")
        XCTAssertEqual(stillLimited.status, 429)

        try await http.admin("POST", "/_simulator/clock", ["advance_seconds": 1.1])
        let after = try await jira("GET", "/myself")
        XCTAssertEqual(after.status, 200, "the budget is lifted at the reset time")
        XCTAssertNil(after.headers["x-ratelimit-nearlimit"])
    }

    func testResetBringsBackTheStartState() async throws {
        try await create("Temporary")
        try await http.admin("POST", "/_simulator/setup", ["timeZone": "UTC"])
        let reset = try await http.admin("POST", "/_simulator/reset")
        XCTAssertEqual(reset.status, 204)
        let items = try await http.admin("GET", "/_simulator/items").array
        XCTAssertTrue(items.isEmpty)
        let me = try await jira("GET", "/myself").object
        XCTAssertEqual(me["timeZone"] as? String, "Europe/Berlin")
    }

    func testTheRequestLogKeepsBodiesOnlyWhenAskedTo() async throws {
        try await create("Unrecorded")
        var log = try await http.admin("GET", "/_simulator/requests?bodies=1").array
        XCTAssertEqual(log.count, 1)
        XCTAssertTrue(log[0]["request_body"] is NSNull, "bodies are not kept unless recording is on")

        try await http.admin("POST", "/_simulator/setup", ["record_bodies": true])
        try await create("Recorded")
        log = try await http.admin("GET", "/_simulator/requests?bodies=1").array
        let entry = try XCTUnwrap(log.last)
        XCTAssertEqual(entry["method"] as? String, "POST")
        XCTAssertEqual(entry["path"] as? String, "/rest/api/3/issue")
        XCTAssertEqual(entry["status"] as? Int, 201)
        XCTAssertEqual(((entry["request_body"] as? [String: Any])?["fields"] as? [String: Any])?["summary"] as? String, "Recorded")
        XCTAssertEqual((entry["response_body"] as? [String: Any])?["key"] as? String, "ENG-2")
        let plain = try await http.admin("GET", "/_simulator/requests").array
        XCTAssertEqual(Set(try XCTUnwrap(plain.last).keys), ["method", "path", "status"])
    }
}
