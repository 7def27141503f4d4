import Foundation
import XCTest

/// What the Jira client really sends and receives in a sync — reads, creates with a property, edits, transitions,
/// user look-ups — checked against Atlassian's OpenAPI description by shared/tools/check-openapi-exchange.py.
final class JiraClientContractTests: JiraTestCase {
    private var shared: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("shared")
    }

    func testEverythingTheClientSendsFitsTheDescription() async throws {
        _ = try await sim.admin("POST", "/_simulator/setup", ["record_bodies": true])
        let keys = try await establish([("0001", "Alpha"), ("0002", "Beta")])
        try await sim.addJiraIssue(summary: "From Jira", description: ADFDoc.sections([("Summary", "Pulled.")]), assignee: "acc-ana")
        try await sim.patchJira(keys["0001"]!, fields: ["summary": "Alpha, renamed"])
        try editLocally("0002", "status: ready", "status: in-progress")
        try editLocally("0002", "Something to do.", "Something **bold** to do.\n\n| a | b |\n| --- | --- |\n| 1 | 2 |")
        try repo.write("meta/work/0003-item.md", workItem(id: "0003", title: "Gamma", tags: ["two words"])
            .replacingOccurrences(of: "type: work-item", with: "assignee: Ben Okafor\ntype: work-item"))
        try repo.commitAll("changes")
        let sync = try repo.sync("--push-new=all", "--label", "backend", "--assignee", "Ana Lima", "--state", "open")
        XCTAssertEqual(sync.status, 0, sync.stdout + sync.stderr)
        let full = try repo.sync("--push-new=all")
        XCTAssertEqual(full.status, 0, full.stdout + full.stderr)
        let gamma = try XCTUnwrap(repo.read("meta/work/0003-item.md"))
        let gammaKey = try XCTUnwrap(gamma.split(separator: "\n").first { $0.hasPrefix("external_id:") }?.split(separator: " ").last)
        let assigned = try await sim.jiraFields(String(gammaKey))
        XCTAssertEqual((assigned["assignee"] as? [String: Any])?["accountId"] as? String, "acc-ben")

        let recorded = try await sim.admin("GET", "/_simulator/requests?bodies=1", nil)
        let exchanges = try XCTUnwrap(recorded as? [[String: Any]])
        let operations = Set(exchanges.map { "\($0["method"] ?? "") \(($0["path"] as? String ?? "").split(separator: "?").first ?? "")" })
        for expected in ["POST /rest/api/3/search/jql", "POST /rest/api/3/issue", "GET /rest/api/3/myself",
                         "PUT /rest/api/3/issue/\(keys["0002"]!)", "POST /rest/api/3/issue/\(keys["0002"]!)/transitions",
                         "GET /rest/api/3/user/assignable/search"] {
            XCTAssertTrue(operations.contains(expected), "\(expected) not in \(operations.sorted())")
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("jira-client-\(UUID().uuidString).json")
        try JSONSerialization.data(withJSONObject: exchanges).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let check = try runProcess("/usr/bin/env", ["python3", shared.appendingPathComponent("tools/check-openapi-exchange.py").path,
            shared.appendingPathComponent("api/jira/platform-v3-subset.json").path, file.path],
            in: NSTemporaryDirectory(), environment: ProcessInfo.processInfo.environment)
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
        XCTAssertTrue(check.stdout.contains("\(exchanges.count) exchanges, 0 problems"), check.stdout)
    }
}
