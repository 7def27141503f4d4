import Foundation
import XCTest

/// Small ADF documents for the Jira simulator, built by hand so a fixture never depends on the converter under test.
enum ADFDoc {
    static func text(_ s: String, marks: [[String: Any]] = []) -> [String: Any] {
        marks.isEmpty ? ["type": "text", "text": s] : ["type": "text", "text": s, "marks": marks]
    }
    static func paragraph(_ s: String) -> [String: Any] { ["type": "paragraph", "content": [text(s)]] }
    static func heading(_ s: String, level: Int = 2) -> [String: Any] { ["type": "heading", "attrs": ["level": level], "content": [text(s)]] }
    static func doc(_ blocks: [[String: Any]]) -> [String: Any] { ["version": 1, "type": "doc", "content": blocks] }

    /// `## Title` + one paragraph per section.
    static func sections(_ pairs: [(String, String)]) -> [String: Any] {
        doc(pairs.flatMap { [heading($0.0), paragraph($0.1)] })
    }

    /// Every text node, in order, for "does the remote say this" checks.
    static func plainText(_ node: Any?) -> String {
        if let object = node as? [String: Any] {
            if let text = object["text"] as? String, object["type"] as? String == "text" { return text }
            return plainText(object["content"])
        }
        if let array = node as? [Any] { return array.map(plainText).joined(separator: "\n") }
        return ""
    }
}

extension Simulator {
    @discardableResult
    func addJiraIssue(summary: String, description: [String: Any]? = nil, project: String = "ENG", type: String = "Story",
                      labels: [String] = [], assignee: String? = nil, status: String? = nil) async throws -> String {
        var fields: [String: Any] = ["project": ["key": project], "summary": summary, "issuetype": ["name": type], "labels": labels]
        if let description { fields["description"] = description }
        if let assignee { fields["assignee"] = ["accountId": assignee] }
        var body: [String: Any] = ["fields": fields]
        if let status { body["status"] = status }
        let created = try await admin("POST", "/_simulator/items", body) as? [String: Any]
        return try XCTUnwrap(created?["key"] as? String)
    }

    /// Changes an issue as a person in Jira would (status set directly, `updated` bumped).
    func patchJira(_ key: String, fields: [String: Any] = [:], status: String? = nil) async throws {
        var body: [String: Any] = ["fields": fields]
        if let status { body["status"] = status }
        try await patch(key, body)
    }

    func jiraFields(_ key: String) async throws -> [String: Any] {
        let issue = try await item(key)
        return try XCTUnwrap(issue?["fields"] as? [String: Any], "no issue \(key)")
    }

    func jiraStatus(_ key: String) async throws -> String? {
        (try await jiraFields(key)["status"] as? [String: Any])?["name"] as? String
    }

    /// Requests that change something in Jira (searches are POSTs that change nothing).
    func jiraWrites() async throws -> [String] {
        try await requests().filter { $0.method != "GET" && !$0.path.hasPrefix("/rest/api/3/search/jql") }.map { "\($0.method) \($0.path)" }
    }
}

/// A fresh Jira simulator and a scratch repository configured for it (`work.integration: jira`, project ENG).
class JiraTestCase: SimulatorTestCase {
    override func startSimulator() async throws -> Simulator { try await Simulator.startJira() }
    override func configure(_ repo: ScratchRepo, for sim: Simulator) throws { try repo.configureJira(simulator: sim.url) }

    func editLocally(_ id: String, _ from: String, _ to: String) throws {
        let path = "meta/work/\(id)-item.md"
        let text = try XCTUnwrap(repo.read(path))
        XCTAssertTrue(text.contains(from), text)
        try repo.write(path, text.replacingOccurrences(of: from, with: to))
    }
}
