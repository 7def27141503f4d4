import Foundation
import JSON
import XCTest

/// Every operation a Jira client uses, with success and error statuses, sent to the Jira simulator, recorded, and
/// checked against Atlassian's OpenAPI description by tools/check-openapi-exchange.py (a checker this project did
/// not write).
final class JiraSimulatorContractTests: XCTestCase {
    private let token = "jira-contract-token"
    private var simulator: SimulatorSession!
    private var authorization: String { "Basic " + Data("sim-user@example.com:\(token)".utf8).base64EncodedString() }

    override func setUp() async throws {
        simulator = try await SimulatorSession.start(.jira, token: token)
    }

    override func tearDown() async throws {
        await simulator?.stop()
    }

    func testRecordedExchangesFitTheOpenAPIDescription() async throws {
        let spec = try VendorTools.located().path("api/jira/platform-v3-subset.json")
        try await driveEveryOperation()

        let exchanges = try await simulator.exchanges()
        let log = try JSONValue(parsing: exchanges.bytes)
        let statuses = Set((log.array ?? []).compactMap { $0["status"]?.int })
        XCTAssertTrue(statuses.isSuperset(of: [200, 201, 204, 400, 401, 404, 429]), "\(statuses.sorted())")
        let file = try temporaryFile("jira-simulator-exchanges.json", holding: exchanges.bytes)
        try assertVendorCheck("check-openapi-exchange.py", [spec, file], printing: "\(exchanges.count) exchanges, 0 problems")
    }

    @discardableResult
    private func jira(_ method: String, _ path: String, _ body: JSONValue? = nil) async throws -> SimulatorSession.Answer {
        try await simulator.send(method, "/rest/api/3" + path, body, authorization: authorization)
    }

    @discardableResult
    private func create(_ summary: String, type: String = "Task") async throws -> String {
        let answer = try await jira("POST", "/issue", ["fields": ["project": ["key": "ENG"], "issuetype": ["name": .string(type)],
                                                                  "summary": .string(summary)]])
        XCTAssertEqual(answer.status, 201, String(decoding: answer.body, as: UTF8.self))
        return try XCTUnwrap(answer.json["key"]?.string)
    }

    @discardableResult
    private func search(_ jql: String, fields: [String]? = nil, maxResults: Int? = nil, nextPageToken: String? = nil,
                        properties: [String]? = nil) async throws -> SimulatorSession.Answer {
        var body: JSONObject = ["jql": .string(jql)]
        body["fields"] = fields.map { .array($0.map(JSONValue.string)) }
        body["maxResults"] = maxResults.map(JSONValue.int)
        body["nextPageToken"] = nextPageToken.map(JSONValue.string)
        body["properties"] = properties.map { .array($0.map(JSONValue.string)) }
        return try await jira("POST", "/search/jql", .object(body))
    }

    private static func doc(_ text: String) -> JSONValue {
        ["type": "doc", "version": 1, "content": [["type": "paragraph", "content": [["type": "text", "text": .string(text)]]]]]
    }

    /// A representative session: metadata, create, read, edit, transitions, properties, search with paging,
    /// delete, and the error answers each documents.
    private func driveEveryOperation() async throws {
        let project = try await jira("GET", "/project/ENG")
        let projectID = try XCTUnwrap(project.json["id"]?.string)
        for path in ["/myself", "/project/ENG/statuses", "/priority", "/issuetype", "/issuetype/project?projectId=\(projectID)",
                     "/status", "/field", "/label", "/user/search?query=ana", "/user/assignable/search?project=ENG&query=b"] {
            let answer = try await jira("GET", path)
            XCTAssertEqual(answer.status, 200, path)
        }
        try await jira("GET", "/project/NOPE")
        try await simulator.send("GET", "/rest/api/3/myself", authorization: "Basic " + Data("x:wrong".utf8).base64EncodedString())

        let epic = try await create("Checkout revamp", type: "Epic")
        let created = try await jira("POST", "/issue", [
            "fields": ["project": ["key": "ENG"], "issuetype": ["name": "Story"], "summary": "Pay by invoice",
                       "description": Self.doc("Customers ask for it."), "labels": ["billing"], "priority": ["name": "High"],
                       "parent": ["key": .string(epic)]],
            "properties": [["key": "sync.marker", "value": ["local_id": "0007"]]],
        ])
        XCTAssertEqual(created.status, 201)
        let key = try XCTUnwrap(created.json["key"]?.string)
        try await jira("POST", "/issue", ["fields": ["project": ["key": "ENG"], "issuetype": ["name": "Task"]]])
        try await jira("GET", "/issue/\(key)?properties=sync.marker")
        try await jira("GET", "/issue/\(key)?fields=summary,status,updated")
        try await jira("GET", "/issue/ENG-999")
        let users = try await jira("GET", "/user/search?query=ben").json
        let ben = try XCTUnwrap(users[0]?["accountId"]?.string)
        try await jira("PUT", "/issue/\(key)", ["fields": ["summary": "Pay by invoice or card", "assignee": ["accountId": .string(ben)]],
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
            token = page.json["nextPageToken"]?.string
        } while token != nil
        try await search("project = ENG")
        try await jira("GET", "/search/jql?jql=project%20%3D%20ENG&fields=summary&maxResults=1")
        try await search("project = = ENG")

        try await simulator.send("POST", "/_simulator/faults", ["path": "^/rest/api/3/user/search", "status": 429,
                                                                 "headers": ["Retry-After": "2"]], authorization: nil)
        try await jira("GET", "/user/search?query=ana")

        let deleted = try await jira("DELETE", "/issue/\(key)")
        XCTAssertEqual(deleted.status, 204)
    }
}
