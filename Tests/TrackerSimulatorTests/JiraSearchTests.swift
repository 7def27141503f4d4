import Foundation
import TrackerSimulator
import XCTest

/// `POST /rest/api/3/search/jql`: nextPageToken paging, the id-only default, field selection, page-size caps.
final class JiraSearchTests: JiraTestCase {
    func testPagingFollowsNextPageTokenUntilIsLast() async throws {
        for n in 1...7 { try await create("Issue \(n)") }
        let first = try await search("project = ENG ORDER BY key ASC", fields: ["summary"], maxResults: 3)
        XCTAssertEqual(first.status, 200)
        XCTAssertEqual(issues(first).compactMap { $0["key"] as? String }, ["ENG-1", "ENG-2", "ENG-3"])
        XCTAssertEqual(first.object["isLast"] as? Bool, false)
        let token = try XCTUnwrap(first.object["nextPageToken"] as? String)

        let second = try await search("project = ENG ORDER BY key ASC", fields: ["summary"], maxResults: 3, nextPageToken: token)
        XCTAssertEqual(issues(second).compactMap { $0["key"] as? String }, ["ENG-4", "ENG-5", "ENG-6"])
        let third = try await search("project = ENG ORDER BY key ASC", fields: ["summary"], maxResults: 3,
                                     nextPageToken: try XCTUnwrap(second.object["nextPageToken"] as? String))
        XCTAssertEqual(issues(third).compactMap { $0["key"] as? String }, ["ENG-7"])
        XCTAssertEqual(third.object["isLast"] as? Bool, true)
        XCTAssertNil(third.object["nextPageToken"], "absent on the last page, not null")
        XCTAssertFalse(third.object.keys.contains("nextPageToken"))

        let exact = try await keys("project = ENG", pageSize: 7)
        XCTAssertEqual(exact.count, 7)
        let paged = try await keys("project = ENG ORDER BY key ASC", pageSize: 2)
        XCTAssertEqual(paged, (1...7).map { "ENG-\($0)" })
    }

    func testTheDefaultIsIdsOnly() async throws {
        let key = try await create("Just an id")
        let answer = try await jira("POST", "/search/jql", ["jql": "project = ENG"])
        let issue = try XCTUnwrap(issues(answer).first)
        XCTAssertEqual(Set(issue.keys), ["id"], "fields default to id only")
        XCTAssertNotNil(Int(issue["id"] as? String ?? ""), "ids are numeric strings")

        let explicit = try await search("key = \(key)", fields: ["id"])
        XCTAssertEqual(Set(try XCTUnwrap(issues(explicit).first).keys), ["id"])

        let get = try await jira("GET", "/search/jql?jql=project%20%3D%20ENG")
        XCTAssertEqual(Set(try XCTUnwrap(issues(get).first).keys), ["id"])
    }

    func testFieldsAreSelectedAndExcludedAsJiraReadsThem() async throws {
        let key = try await create("Selected", fields: ["labels": ["a"], "description": Self.doc("Body")])
        let named = try await search("key = \(key)", fields: ["summary,labels"])
        let issue = try XCTUnwrap(issues(named).first)
        XCTAssertEqual(issue["key"] as? String, key)
        XCTAssertNotNil(issue["self"] as? String)
        XCTAssertEqual(Set(Self.fields(issue).keys), ["summary", "labels"])

        let all = try await search("key = \(key)", fields: ["*all", "-description"])
        let allFields = Self.fields(try XCTUnwrap(issues(all).first))
        XCTAssertNil(allFields["description"])
        for name in ["summary", "status", "priority", "issuetype", "labels", "assignee", "reporter", "creator", "project",
                     "created", "updated"] {
            XCTAssertTrue(allFields.keys.contains(name), name)
        }
        let exclusionOnly = try await search("key = \(key)", fields: ["-summary"])
        let navigable = Self.fields(try XCTUnwrap(issues(exclusionOnly).first))
        XCTAssertNil(navigable["summary"])
        XCTAssertNotNil(navigable["description"], "an exclusion alone means all navigable fields but that one")

        let unknown = try await search("key = \(key)", fields: ["nosuchfield"])
        XCTAssertEqual(Self.fields(try XCTUnwrap(issues(unknown).first)).count, 0)
    }

    func testPageSizeIsCappedByWhatIsRequested() async throws {
        try await http.admin("POST", "/_simulator/setup", ["projects": [["key": "BIG", "name": "Big"]]])
        for n in 1...120 { try await addItem(["project": ["key": "BIG"], "summary": "Item \(n)"]) }
        let withFields = try await search("project = BIG", fields: ["summary"], maxResults: 1000)
        XCTAssertEqual(issues(withFields).count, 100, "pages with fields hold at most 100")
        XCTAssertEqual(withFields.object["isLast"] as? Bool, false)
        let idsOnly = try await search("project = BIG", fields: ["id"], maxResults: 1000)
        XCTAssertEqual(issues(idsOnly).count, 120)
        XCTAssertEqual(idsOnly.object["isLast"] as? Bool, true)
        let defaulted = try await search("project = BIG")
        XCTAssertEqual(issues(defaulted).count, 50, "maxResults defaults to 50")
        let zero = try await search("project = BIG", maxResults: 0)
        XCTAssertEqual(zero.status, 400)
    }

    func testRequestedPropertiesComeWithEachIssue() async throws {
        let key = try await create("With marker", properties: [["key": "sync.marker", "value": ["local": "0042"]]])
        let answer = try await search("key = \(key)", fields: ["summary"], properties: ["sync.marker", "absent"])
        let issue = try XCTUnwrap(issues(answer).first)
        let properties = try XCTUnwrap(issue["properties"] as? [String: Any])
        XCTAssertEqual((properties["sync.marker"] as? [String: Any])?["local"] as? String, "0042")
        XCTAssertNil(properties["absent"])
        let tooMany = try await search("key = \(key)", properties: ["a", "b", "c", "d", "e", "f"])
        XCTAssertEqual(tooMany.status, 400)
    }

    func testTheOrderStaysStableWhileIssuesChangeBetweenPages() async throws {
        for n in 1...4 { try await create("Issue \(n)") }
        let jql = "project = ENG ORDER BY updated ASC"
        let first = try await search(jql, fields: ["summary"], maxResults: 2)
        XCTAssertEqual(issues(first).compactMap { $0["key"] as? String }, ["ENG-1", "ENG-2"])
        // ENG-1 becomes the most recently updated; a fresh query would put it last and show it twice.
        let edit = try await jira("PUT", "/issue/ENG-1", ["fields": ["summary": "Edited"]])
        XCTAssertEqual(edit.status, 204)
        try await jira("DELETE", "/issue/ENG-4")
        let second = try await search(jql, fields: ["summary"], maxResults: 2,
                                      nextPageToken: try XCTUnwrap(first.object["nextPageToken"] as? String))
        XCTAssertEqual(issues(second).compactMap { $0["key"] as? String }, ["ENG-3"], "deleted issues drop out")
        XCTAssertEqual(second.object["isLast"] as? Bool, true)
    }

    func testATokenOnlyWorksWithItsQuery() async throws {
        for n in 1...3 { try await create("Issue \(n)") }
        let first = try await search("project = ENG", maxResults: 1)
        let token = try XCTUnwrap(first.object["nextPageToken"] as? String)
        let otherQuery = try await search("project = ENG AND summary ~ Issue", maxResults: 1, nextPageToken: token)
        XCTAssertEqual(otherQuery.status, 400)
        let garbage = try await search("project = ENG", maxResults: 1, nextPageToken: "not-a-token")
        XCTAssertEqual(garbage.status, 400)
    }

    func testTheRemovedAPIsParametersAreRefused() async throws {
        let answer = try await jira("POST", "/search/jql", ["jql": "project = ENG", "startAt": 50])
        XCTAssertEqual(answer.status, 400, "startAt is not part of SearchAndReconcileRequestBean")
    }
}
