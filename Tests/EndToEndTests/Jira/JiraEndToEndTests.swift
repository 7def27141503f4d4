import Foundation
import XCTest

/// What only Jira has, end to end (the shared scenarios run in `Conformance`): its settings, rich ADF bodies that
/// must survive untouched, workflows reached through transitions, issue types in the push offer, the nearest-priority
/// mapping, and `search/jql` instead of the removed `/search`.
final class JiraEndToEndTests: JiraTestCase {
    func testMissingJiraSettingsAreOneLineErrorsNamingTheKey() throws {
        try repo.write(".accelerator/config.md", "---\nwork:\n  integration: jira\n  default_project_code: ENG\njira:\n  api_url: \(sim.url)\n---\n")
        try repo.write("meta/work/0001-a.md", workItem(id: "0001", title: "A"))
        try repo.commitAll("init")
        let result = try repo.sync()
        XCTAssertEqual(result.status, 74, result.stdout + result.stderr)
        XCTAssertTrue(result.stderr.contains("jira.email"), result.stderr)
        XCTAssertEqual(result.stderr.split(separator: "\n").count, 1, result.stderr)
    }

    func testSecondSyncRightAfterSendsNothingEvenForRichText() async throws {
        let rich = ADFDoc.doc([
            ADFDoc.heading("Summary"),
            ["type": "paragraph", "content": [ADFDoc.text("Plain, "), ADFDoc.text("bold", marks: [["type": "strong"]]), ADFDoc.text(" and "),
                                              ADFDoc.text("underlined", marks: [["type": "underline"]])]],
            ["type": "panel", "attrs": ["panelType": "info"], "content": [ADFDoc.paragraph("A panel Jira keeps.")]],
            ["type": "bulletList", "content": [
                ["type": "listItem", "content": [ADFDoc.paragraph("outer"),
                    ["type": "bulletList", "content": [["type": "listItem", "content": [ADFDoc.paragraph("inner")]]]]]],
            ]],
            ["type": "codeBlock", "attrs": ["language": "swift"], "content": [ADFDoc.text("let x = 1")]],
        ])
        let key = try await sim.addJiraIssue(summary: "Rich", description: rich)
        try repo.commitAll("configuration")
        let first = try repo.sync()
        XCTAssertEqual(first.status, 0, first.stdout + first.stderr)
        let file = try XCTUnwrap(repo.files(under: "meta/work").first)
        let text = try XCTUnwrap(repo.read("meta/work/" + file))
        XCTAssertTrue(text.contains("**bold**"), text)
        XCTAssertTrue(text.contains("```swift\nlet x = 1\n```"), text)
        XCTAssertTrue(text.contains("A panel Jira keeps."), text)

        try await sim.clearRequests()
        let before = try repo.snapshot()
        let again = try repo.sync()
        XCTAssertEqual(again.status, 0, again.stdout + again.stderr)
        XCTAssertTrue(again.stdout.contains("nothing to do"), again.stdout)
        XCTAssertEqual(try repo.snapshot(), before)
        let writes = try await sim.jiraWrites()
        XCTAssertEqual(writes, [])

        // An edit elsewhere in the file pushes the description back with the panel and the underline intact.
        try repo.write("meta/work/" + file, text.replacingOccurrences(of: "outer", with: "outer, edited"))
        try repo.commitAll("local edit")
        let push = try repo.sync()
        XCTAssertEqual(push.status, 0, push.stdout + push.stderr)
        let fields = try await sim.jiraFields(key)
        let description = try XCTUnwrap(fields["description"] as? [String: Any])
        let blocks = try XCTUnwrap(description["content"] as? [[String: Any]])
        XCTAssertEqual(blocks.map { $0["type"] as? String }, ["heading", "paragraph", "panel", "bulletList", "codeBlock"])
        let marks = (blocks[1]["content"] as? [[String: Any]] ?? []).compactMap { ($0["marks"] as? [[String: Any]])?.first?["type"] as? String }
        XCTAssertEqual(marks, ["strong", "underline"])
        XCTAssertTrue(ADFDoc.plainText(description).contains("outer, edited"))
    }

    func testAStatusTheWorkflowCannotReachIsSaidClearly() async throws {
        let keys = try await establish([("0001", "Alpha")])
        try editLocally("0001", "status: ready", "status: done")
        try repo.commitAll("done locally")
        let result = try repo.sync("--json")
        XCTAssertEqual(result.status, 4, "running again cannot help; the user must act: " + result.stdout + result.stderr)
        let report = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let item = try XCTUnwrap((report["items"] as? [[String: Any]])?.first { $0["id"] as? String == "0001" })
        XCTAssertEqual(item["action"] as? String, "push")
        XCTAssertEqual(item["state"] as? String, "failed")
        XCTAssertEqual(item["reason"] as? String, "transition-unavailable")
        XCTAssertTrue((item["message"] as? String ?? "").contains("no transition to 'Done'"), "\(item)")
        let porcelain = try repo.sync("--porcelain")
        XCTAssertEqual(porcelain.status, 4)
        XCTAssertTrue(porcelain.stdout.contains("0001\tpush\tfailed\ttransition-unavailable"), porcelain.stdout)
        let status = try await sim.jiraStatus(keys["0001"]!)
        XCTAssertEqual(status, "To Do")
    }

    func testAPushedStatusGoesThroughTheWorkflowTheDescriptionAsADFAndASluggedLabelIsSaid() async throws {
        try repo.write("meta/work/0001-new.md", workItem(id: "0001", title: "In progress", status: "in-progress", tags: ["needs design"]))
        try repo.commitAll("items")
        let result = try repo.sync("--push-new=all")
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        let text = try XCTUnwrap(repo.read("meta/work/0001-new.md"))
        let key = try XCTUnwrap(text.split(separator: "\n").first { $0.hasPrefix("external_id:") }?.split(separator: " ").last.map(String.init))
        let requests = try await sim.requests().map { "\($0.method) \($0.path)" }
        XCTAssertTrue(requests.contains("POST /rest/api/3/issue/\(key)/transitions"), "\(requests)")
        let status = try await sim.jiraStatus(key)
        XCTAssertEqual(status, "In Progress")
        XCTAssertTrue(result.stdout.contains("needs-design"), "the slugged label is said: \(result.stdout)")
        let fields = try await sim.jiraFields(key)
        XCTAssertEqual((fields["description"] as? [String: Any])?["type"] as? String, "doc", "descriptions go as ADF")
    }

    func testHighestIsPulledAsTheNearestLocalPriority() async throws {
        let keys = try await establish([("0001", "Alpha")])
        try await sim.patchJira(keys["0001"]!, fields: ["priority": ["name": "Highest"]])
        let result = try repo.sync()
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        let pulled = try XCTUnwrap(repo.read("meta/work/0001-item.md"))
        XCTAssertTrue(pulled.contains("priority: high"), "Highest maps to the nearest local priority: \(pulled)")
    }

    func testReadsUseSearchJQLNeverTheRemovedSearch() async throws {
        try await sim.addJiraIssue(summary: "Remote")
        try repo.commitAll("configuration")
        let result = try repo.sync("--preview")
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        let paths = try await sim.requests().map(\.path)
        XCTAssertTrue(paths.contains { $0.hasPrefix("/rest/api/3/search/jql") }, "\(paths)")
        XCTAssertFalse(paths.contains { $0.hasPrefix("/rest/api/3/search?") || $0 == "/rest/api/3/search" }, "the removed /search was used")
    }

    func testThePushOfferNamesTheIssueTypeAndBatchAcceptsTheRest() async throws {
        try repo.write("meta/work/0001-new.md", workItem(id: "0001", title: "A bug", kind: "bug"))
        try repo.write("meta/work/0002-new.md", workItem(id: "0002", title: "An epic", kind: "epic"))
        try repo.write("meta/work/0003-new.md", workItem(id: "0003", title: "A story"))
        try repo.commitAll("items")
        let t = try TerminalSession(BuiltProducts.syncBinary, [], in: repo.root, environment: repo.environment)
        try t.expect("Push 0001 \"A bug\" to Jira as a Bug? [y/N/a/d/q]")
        t.send("n\n")
        try t.expect("Push 0002 \"An epic\" to Jira as an Epic?")
        t.send("a\n")
        XCTAssertEqual(t.wait(), 0, t.text)
        let types = try await sim.items().compactMap { (($0["fields"] as? [String: Any])?["issuetype"] as? [String: Any])?["name"] as? String }
        XCTAssertEqual(types.sorted(), ["Epic", "Story"])
        XCTAssertFalse(repo.read("meta/work/0001-new.md")!.contains("external_id"))
        XCTAssertTrue(repo.read("meta/work/0003-new.md")!.contains("external_id: ENG-"))
    }
}
