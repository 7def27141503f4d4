import Foundation
import TrackerSimulator
import XCTest

/// `--seed-demo`, `--seed-issues N` at benchmark size, and `--state FILE`.
final class JiraSeedAndStateTests: XCTestCase {
    private let token = "seed-token"

    private func client(_ server: SimulatorServer) -> (SimulatorHTTP, String) {
        (SimulatorHTTP(baseURL: server.baseURL, token: token), "Basic " + Data("me@example.com:\(token)".utf8).base64EncodedString())
    }

    func testTheDemoSeedIsVariedAndEveryDescriptionIsValidADF() async throws {
        let server = try await SimulatorServer.start(SimulatorOptions(kind: .jira, token: token, seedDemo: true))
        defer { Task { await server.stop() } }
        let (http, auth) = client(server)
        let items = try await http.admin("GET", "/_simulator/items").array
        XCTAssertEqual(items.count, 8)
        let fields = items.map { $0["fields"] as? [String: Any] ?? [:] }
        XCTAssertEqual(Set(fields.compactMap { ($0["issuetype"] as? [String: Any])?["name"] as? String }),
                       ["Epic", "Story", "Task", "Bug", "Sub-task"])
        XCTAssertGreaterThanOrEqual(Set(fields.compactMap { ($0["status"] as? [String: Any])?["name"] as? String }).count, 4)
        let descriptions = fields.compactMap { $0["description"] as? [String: Any] }
        let nodeTypes = Set(descriptions.flatMap { Self.nodeTypes($0) })
        XCTAssertTrue(nodeTypes.isSuperset(of: ["bulletList", "orderedList", "codeBlock", "table", "panel", "taskList", "heading"]),
                      "\(nodeTypes.sorted())")

        // Writing each description back goes through the simulator's own ADF check.
        for item in items {
            let key = try XCTUnwrap(item["key"] as? String)
            let description = (item["fields"] as? [String: Any])?["description"] ?? NSNull()
            let answer = try await http.api("PUT", "/rest/api/3/issue/\(key)", ["fields": ["description": description]],
                                            authorization: .some(auth))
            XCTAssertEqual(answer.status, 204, "\(key): \(String(decoding: answer.body, as: UTF8.self))")
        }
        await server.stop()
    }

    /// How fast the simulator starts and pages is `make bench`'s business; here, that it pages at all.
    func testTenThousandGeneratedIssuesPageEachExactlyOnce() async throws {
        let server = try await SimulatorServer.start(SimulatorOptions(kind: .jira, token: token, seedCount: 10_000))
        defer { Task { await server.stop() } }
        let (http, auth) = client(server)

        var ids = Set<String>()
        var token: String?
        var pages = 0
        repeat {
            var body: [String: Any] = ["jql": "project = BENCH ORDER BY created ASC", "fields": ["summary", "updated", "status"],
                                       "maxResults": 100]
            if let token { body["nextPageToken"] = token }
            let page = try await http.api("POST", "/rest/api/3/search/jql", body, authorization: .some(auth))
            XCTAssertEqual(page.status, 200)
            let issues = page.object["issues"] as? [[String: Any]] ?? []
            ids.formUnion(issues.compactMap { $0["id"] as? String })
            token = page.object["nextPageToken"] as? String
            pages += 1
        } while token != nil && pages < 200
        XCTAssertEqual(pages, 100)
        XCTAssertEqual(ids.count, 10_000, "every issue exactly once")

        let idsOnly = try await http.api("POST", "/rest/api/3/search/jql",
                                         ["jql": "project = BENCH AND labels = priority-high", "maxResults": 5000],
                                         authorization: .some(auth))
        XCTAssertEqual((idsOnly.object["issues"] as? [[String: Any]])?.count, 3333)
        XCTAssertEqual(idsOnly.object["isLast"] as? Bool, true)
        await server.stop()
    }

    func testTheStateFileKeepsChangesAcrossRestarts() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("jira-state-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let options = SimulatorOptions(kind: .jira, token: token, stateFile: path, timeZone: "America/New_York")
        let first = try await SimulatorServer.start(options)
        var (http, auth) = client(first)
        let created = try await http.api("POST", "/rest/api/3/issue", [
            "fields": ["project": ["key": "ENG"], "issuetype": ["name": "Task"], "summary": "Persisted"],
            "properties": [["key": "marker", "value": "m-1"]],
        ], authorization: .some(auth))
        XCTAssertEqual(created.status, 201)
        try await http.api("POST", "/rest/api/3/issue/ENG-1/transitions", ["transition": ["id": "11"]], authorization: .some(auth))
        await first.stop()
        XCTAssertTrue(FileManager.default.fileExists(atPath: path))

        let second = try await SimulatorServer.start(SimulatorOptions(kind: .jira, token: token, stateFile: path, seedDemo: true))
        defer { Task { await second.stop() } }
        (http, auth) = client(second)
        let issue = try await http.api("GET", "/rest/api/3/issue/ENG-1?properties=marker", authorization: .some(auth)).object
        let fields = issue["fields"] as? [String: Any] ?? [:]
        XCTAssertEqual(fields["summary"] as? String, "Persisted")
        XCTAssertEqual((fields["status"] as? [String: Any])?["name"] as? String, "In Progress")
        XCTAssertEqual((issue["properties"] as? [String: Any])?["marker"] as? String, "m-1")
        let me = try await http.api("GET", "/rest/api/3/myself", authorization: .some(auth)).object
        XCTAssertEqual(me["timeZone"] as? String, "America/New_York")
        let items = try await http.admin("GET", "/_simulator/items").array
        XCTAssertEqual(items.count, 1, "a saved state wins over seeding")
        let next = try await http.api("POST", "/rest/api/3/issue", [
            "fields": ["project": ["key": "ENG"], "issuetype": ["name": "Task"], "summary": "After restart"],
        ], authorization: .some(auth))
        XCTAssertEqual(next.object["key"] as? String, "ENG-2")
        await second.stop()
    }

    private static func nodeTypes(_ node: [String: Any]) -> [String] {
        let children = node["content"] as? [[String: Any]] ?? []
        return [node["type"] as? String ?? ""] + children.flatMap { nodeTypes($0) }
    }
}
