import Foundation
import TrackerSimulator
import XCTest

/// Projects, statuses, priorities, issue types, users, labels and fields.
final class JiraMetadataTests: JiraTestCase {
    func testProjectWithIssueTypesAndStatuses() async throws {
        let project = try await jira("GET", "/project/ENG")
        XCTAssertEqual(project.status, 200)
        XCTAssertEqual(project.object["key"] as? String, "ENG")
        XCTAssertEqual(project.object["name"] as? String, "Engineering")
        let types = (project.object["issueTypes"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
        XCTAssertEqual(types, ["Epic", "Story", "Task", "Bug", "Sub-task"])
        let id = try XCTUnwrap(project.object["id"] as? String)
        let byID = try await jira("GET", "/project/\(id)")
        XCTAssertEqual(byID.object["key"] as? String, "ENG")
        let missing = try await jira("GET", "/project/NOPE")
        XCTAssertEqual(missing.status, 404)
        let lowerCase = try await jira("GET", "/project/eng")
        XCTAssertEqual(lowerCase.status, 404, "the key is case-sensitive in the path")

        let statuses = try await jira("GET", "/project/ENG/statuses").array
        XCTAssertEqual(statuses.count, 5)
        let taskStatuses = try XCTUnwrap(statuses.first { $0["name"] as? String == "Task" }?["statuses"] as? [[String: Any]])
        XCTAssertEqual(taskStatuses.compactMap { $0["name"] as? String }, ["To Do", "In Progress", "In Review", "Done", "Won't Do"])
        XCTAssertEqual(taskStatuses.compactMap { ($0["statusCategory"] as? [String: Any])?["key"] as? String },
                       ["new", "indeterminate", "indeterminate", "done", "done"])

        let projectTypes = try await jira("GET", "/issuetype/project?projectId=\(id)").array
        XCTAssertEqual(projectTypes.count, 5)
        let subtaskLevel = try await jira("GET", "/issuetype/project?projectId=\(id)&level=-1").array
        XCTAssertEqual(subtaskLevel.compactMap { $0["name"] as? String }, ["Sub-task"])
        XCTAssertEqual(subtaskLevel.first?["subtask"] as? Bool, true)
        let noProject = try await jira("GET", "/issuetype/project")
        XCTAssertEqual(noProject.status, 400)
    }

    func testSiteWideLists() async throws {
        let priorities = try await jira("GET", "/priority").array.compactMap { $0["name"] as? String }
        XCTAssertEqual(priorities, ["Highest", "High", "Medium", "Low", "Lowest"])
        let types = try await jira("GET", "/issuetype").array
        XCTAssertEqual(types.first { $0["name"] as? String == "Epic" }?["hierarchyLevel"] as? Int, 1)
        let statuses = try await jira("GET", "/status").array.compactMap { $0["name"] as? String }
        XCTAssertEqual(Set(statuses), ["To Do", "In Progress", "In Review", "Done", "Won't Do"])
        let fields = try await jira("GET", "/field").array
        XCTAssertTrue(fields.contains { $0["id"] as? String == "description" && $0["custom"] as? Bool == false })
        XCTAssertTrue(fields.contains { ($0["clauseNames"] as? [String])?.contains("type") == true })
    }

    func testUserSearchMatchesNameOrEmailPrefixes() async throws {
        let byFirstName = try await jira("GET", "/user/search?query=ANA").array
        XCTAssertEqual(byFirstName.compactMap { $0["displayName"] as? String }, ["Ana Alves"])
        let byLastName = try await jira("GET", "/user/search?query=broo").array
        XCTAssertEqual(byLastName.compactMap { $0["displayName"] as? String }, ["Ben Brooks"])
        let byEmail = try await jira("GET", "/user/search?query=carla%40exa").array
        XCTAssertEqual(byEmail.compactMap { $0["displayName"] as? String }, ["Carla Cruz"])
        let none = try await jira("GET", "/user/search?query=zed").array
        XCTAssertTrue(none.isEmpty)
        let accountID = try XCTUnwrap(byEmail.first?["accountId"] as? String)
        let exact = try await jira("GET", "/user/search?accountId=\(accountID)").array
        XCTAssertEqual(exact.count, 1)
        let neither = try await jira("GET", "/user/search")
        XCTAssertEqual(neither.status, 400)

        let assignable = try await jira("GET", "/user/assignable/search?project=ENG&query=b").array
        XCTAssertEqual(assignable.compactMap { $0["displayName"] as? String }, ["Ben Brooks"])
        let noProject = try await jira("GET", "/user/assignable/search?query=b")
        XCTAssertEqual(noProject.status, 400)
        let unknownProject = try await jira("GET", "/user/assignable/search?project=NOPE&query=b")
        XCTAssertEqual(unknownProject.status, 404)
    }

    func testLabelsInUse() async throws {
        try await create("One", fields: ["labels": ["zeta", "alpha"]])
        try await create("Two", fields: ["labels": ["alpha", "mid"]])
        let labels = try await jira("GET", "/label")
        XCTAssertEqual(labels.object["values"] as? [String], ["alpha", "mid", "zeta"])
        XCTAssertEqual(labels.object["total"] as? Int, 3)
        let page = try await jira("GET", "/label?startAt=1&maxResults=1")
        XCTAssertEqual(page.object["values"] as? [String], ["mid"])
        XCTAssertEqual(page.object["isLast"] as? Bool, false)
    }
}
