import Foundation
import TrackerSimulator
import XCTest

/// Every operation a Jira client uses, with success and error statuses, recorded and checked against Atlassian's
/// OpenAPI description by shared/tools/check-openapi-exchange.py (a checker this project did not write).
final class JiraContractTests: JiraTestCase {
    override var options: SimulatorOptions { SimulatorOptions(kind: .jira, token: token, recordBodies: true) }

    private var shared: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("shared")
    }

    func testRecordedExchangesFitTheOpenAPIDescription() async throws {
        let spec = shared.appendingPathComponent("api/jira/platform-v3-subset.json").path
        let checker = shared.appendingPathComponent("tools/check-openapi-exchange.py").path
        XCTAssertTrue(FileManager.default.fileExists(atPath: spec), "missing \(spec): the shared folder belongs next to the repository")
        XCTAssertTrue(FileManager.default.fileExists(atPath: checker), "missing \(checker)")

        try await driveEveryOperation()

        let exchanges = try await http.admin("GET", "/_simulator/requests?bodies=1")
        XCTAssertEqual(exchanges.status, 200)
        let statuses = Set(exchanges.array.compactMap { $0["status"] as? Int })
        XCTAssertTrue(statuses.isSuperset(of: [200, 201, 204, 400, 401, 404, 429]), "\(statuses.sorted())")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("jira-exchanges-\(UUID().uuidString).json")
        try exchanges.body.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", checker, spec, file.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, text)
        XCTAssertTrue(text.contains("\(exchanges.array.count) exchanges, 0 problems"), text)
    }

    /// A representative session: metadata, create, read, edit, transitions, properties, search with paging,
    /// delete, and the error answers each documents.
    private func driveEveryOperation() async throws {
        let project = try await jira("GET", "/project/ENG")
        let projectID = try XCTUnwrap(project.object["id"] as? String)
        for path in ["/myself", "/project/ENG/statuses", "/priority", "/issuetype", "/issuetype/project?projectId=\(projectID)",
                     "/status", "/field", "/label", "/user/search?query=ana", "/user/assignable/search?project=ENG&query=b"] {
            let answer = try await jira("GET", path)
            XCTAssertEqual(answer.status, 200, path)
        }
        try await jira("GET", "/project/NOPE")
        try await http.api("GET", "/rest/api/3/myself", authorization: .some("Basic " + Data("x:wrong".utf8).base64EncodedString()))

        let epic = try await create("Checkout revamp", type: "Epic")
        let created = try await jira("POST", "/issue", [
            "fields": ["project": ["key": "ENG"], "issuetype": ["name": "Story"], "summary": "Pay by invoice",
                       "description": Self.doc("Customers ask for it."), "labels": ["billing"], "priority": ["name": "High"],
                       "parent": ["key": epic]],
            "properties": [["key": "sync.marker", "value": ["local_id": "0007"]]],
        ])
        XCTAssertEqual(created.status, 201)
        let key = try XCTUnwrap(created.object["key"] as? String)
        try await jira("POST", "/issue", ["fields": ["project": ["key": "ENG"], "issuetype": ["name": "Task"]]])
        try await jira("GET", "/issue/\(key)?properties=sync.marker")
        try await jira("GET", "/issue/\(key)?fields=summary,status,updated")
        try await jira("GET", "/issue/ENG-999")
        let users = try await jira("GET", "/user/search?query=ben").array
        let ben = try XCTUnwrap(users.first?["accountId"] as? String)
        try await jira("PUT", "/issue/\(key)", ["fields": ["summary": "Pay by invoice or card", "assignee": ["accountId": ben]],
                                               "update": ["labels": [["add": "payments"]]]])
        try await jira("PUT", "/issue/\(key)", ["fields": ["labels": ["has space"]]])
        try await jira("PUT", "/issue/\(key)", ["fields": ["description": ["type": "doc", "version": 1, "content": [["type": "blink"]]]]])
        try await jira("PUT", "/issue/ENG-999", ["fields": ["summary": "x"]])

        try await jira("GET", "/issue/\(key)/transitions")
        try await jira("POST", "/issue/\(key)/transitions", ["transition": ["id": "11"]])
        try await jira("POST", "/issue/\(key)/transitions", ["transition": ["id": "71"]])
        try await jira("GET", "/issue/ENG-999/transitions")

        try await jira("PUT", "/issue/\(key)/properties/other", ["n": 1])
        try await jira("PUT", "/issue/\(key)/properties/other", ["n": 2])
        try await jira("GET", "/issue/\(key)/properties/other")
        try await jira("GET", "/issue/\(key)/properties/absent")
        try await jira("DELETE", "/issue/\(key)/properties/other")

        for n in 1...3 { try await create("Filler \(n)") }
        var token: String?
        repeat {
            let page = try await search("project = ENG AND updated >= \"2020-01-01 00:00\" ORDER BY updated ASC",
                                        fields: ["summary", "status", "updated", "description", "labels", "parent"],
                                        maxResults: 2, nextPageToken: token, properties: ["sync.marker"])
            XCTAssertEqual(page.status, 200)
            token = page.object["nextPageToken"] as? String
        } while token != nil
        try await search("project = ENG")
        try await jira("GET", "/search/jql?jql=project%20%3D%20ENG&fields=summary&maxResults=1")
        try await search("project = = ENG")

        try await http.admin("POST", "/_simulator/faults", ["path": "^/rest/api/3/user/search", "status": 429, "headers": ["Retry-After": "2"]])
        try await jira("GET", "/user/search?query=ana")

        let deleted = try await jira("DELETE", "/issue/\(key)")
        XCTAssertEqual(deleted.status, 204)
    }
}
