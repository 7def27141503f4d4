import Foundation
import TrackerSimulator
import XCTest

/// A Jira simulator per test, talked to with plain URLSession and Basic `email:token`, as a Jira client would.
class JiraTestCase: XCTestCase {
    let token = "jira-test-token"
    let email = "sim-user@example.com"
    private(set) var server: SimulatorServer!
    private(set) var http: SimulatorHTTP!

    /// Overridden by tests that need a different start.
    var options: SimulatorOptions { SimulatorOptions(kind: .jira, token: token) }

    var basicAuthorization: String { "Basic " + Data("\(email):\(token)".utf8).base64EncodedString() }

    override func setUp() async throws {
        server = try await SimulatorServer.start(options)
        http = SimulatorHTTP(baseURL: server.baseURL, token: token)
    }

    override func tearDown() async throws {
        await server?.stop()
    }

    /// A request to `/rest/api/3` + `path`, authenticated.
    @discardableResult
    func jira(_ method: String, _ path: String, _ body: Any? = nil) async throws -> HTTPAnswer {
        try await http.api(method, "/rest/api/3" + path, body, authorization: .some(basicAuthorization))
    }

    /// Creates an issue through the API; returns its key.
    @discardableResult
    func create(_ summary: String, project: String = "ENG", type: String = "Task", fields: [String: Any] = [:],
                properties: [[String: Any]]? = nil) async throws -> String {
        var all: [String: Any] = ["project": ["key": project], "issuetype": ["name": type], "summary": summary]
        all.merge(fields) { _, new in new }
        var body: [String: Any] = ["fields": all]
        if let properties { body["properties"] = properties }
        let answer = try await jira("POST", "/issue", body)
        XCTAssertEqual(answer.status, 201, String(decoding: answer.body, as: UTF8.self))
        return try XCTUnwrap(answer.object["key"] as? String)
    }

    /// Adds an issue through the admin API (as a remote user); returns its IssueBean.
    @discardableResult
    func addItem(_ fields: [String: Any], status: String? = nil, properties: [String: Any]? = nil) async throws -> [String: Any] {
        var body: [String: Any] = ["fields": fields]
        if let status { body["status"] = status }
        if let properties { body["properties"] = properties }
        let answer = try await http.admin("POST", "/_simulator/items", body)
        XCTAssertEqual(answer.status, 201, String(decoding: answer.body, as: UTF8.self))
        return answer.object
    }

    @discardableResult
    func search(_ jql: String, fields: [String]? = nil, maxResults: Int? = nil, nextPageToken: String? = nil,
                properties: [String]? = nil) async throws -> HTTPAnswer {
        var body: [String: Any] = ["jql": jql]
        if let fields { body["fields"] = fields }
        if let maxResults { body["maxResults"] = maxResults }
        if let nextPageToken { body["nextPageToken"] = nextPageToken }
        if let properties { body["properties"] = properties }
        return try await jira("POST", "/search/jql", body)
    }

    /// Keys of every issue the query matches, following `nextPageToken` to the last page.
    func keys(_ jql: String, pageSize: Int = 50) async throws -> [String] {
        var keys: [String] = []
        var token: String?
        repeat {
            let page = try await search(jql, fields: ["key"], maxResults: pageSize, nextPageToken: token)
            XCTAssertEqual(page.status, 200, String(decoding: page.body, as: UTF8.self))
            keys += issues(page).compactMap { $0["key"] as? String }
            token = page.object["nextPageToken"] as? String
        } while token != nil
        return keys
    }

    /// The 400's first error message.
    func errorMessage(_ answer: HTTPAnswer) -> String {
        (answer.object["errorMessages"] as? [String])?.first ?? String(decoding: answer.body, as: UTF8.self)
    }

    func fieldErrors(_ answer: HTTPAnswer) -> [String: String] { answer.object["errors"] as? [String: String] ?? [:] }

    func issues(_ answer: HTTPAnswer) -> [[String: Any]] { answer.object["issues"] as? [[String: Any]] ?? [] }

    static func fields(_ issue: [String: Any]) -> [String: Any] { issue["fields"] as? [String: Any] ?? [:] }

    /// A one-paragraph ADF document.
    static func doc(_ text: String) -> [String: Any] {
        ["type": "doc", "version": 1, "content": [["type": "paragraph", "content": [["type": "text", "text": text]]]]]
    }

    /// A Jira timestamp (`2026-11-25T10:39:38.123+0100`) as a date.
    static func date(_ text: String?) throws -> Date {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm:ss.SSSZ"
        return try XCTUnwrap(text.flatMap(formatter.date(from:)), "not a Jira timestamp: \(text ?? "nil")")
    }
}
