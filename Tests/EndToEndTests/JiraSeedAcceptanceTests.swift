import Foundation
import XCTest

/// The seed story's acceptance criteria with `work.integration: jira`: the built binary in a scratch repository
/// against the Jira simulator (search/jql paging, JQL in the user's time zone, ADF, workflows, issue properties).
final class JiraSeedAcceptanceTests: JiraTestCase {
    /// 0001 renamed in Jira, 0002 edited locally (committed), plus one untracked issue in ENG; request log cleared.
    private func changeBothSides() async throws -> [String: String] {
        let keys = try await establish([("0001", "Alpha"), ("0002", "Beta")])
        try await sim.patchJira(keys["0001"]!, fields: ["summary": "Alpha, renamed in Jira"])
        try await sim.addJiraIssue(summary: "Jira only")
        try editLocally("0002", "Something to do.", "Something else to do.")
        try repo.commitAll("local edit")
        try await sim.clearRequests()
        return keys
    }

    func testWithoutIntegrationItExits73AndSaysWhichKeyToSet() throws {
        try repo.write(".accelerator/config.md", "---\njira:\n  site: acme\n---\n")
        try repo.write("meta/work/0001-a.md", workItem(id: "0001", title: "A"))
        try repo.commitAll("init")
        let result = try repo.sync()
        XCTAssertEqual(result.status, 73)
        XCTAssertTrue(result.stderr.contains("work.integration"), result.stderr)
        XCTAssertEqual(result.stderr.split(separator: "\n").count, 1, "one-line error: \(result.stderr)")
    }

    func testMissingJiraSettingsAreOneLineErrorsNamingTheKey() throws {
        try repo.write(".accelerator/config.md", "---\nwork:\n  integration: jira\n  default_project_code: ENG\njira:\n  api_url: \(sim.url)\n---\n")
        try repo.write("meta/work/0001-a.md", workItem(id: "0001", title: "A"))
        try repo.commitAll("init")
        let result = try repo.sync()
        XCTAssertEqual(result.status, 74, result.stdout + result.stderr)
        XCTAssertTrue(result.stderr.contains("jira.email"), result.stderr)
        XCTAssertEqual(result.stderr.split(separator: "\n").count, 1, result.stderr)
    }

    func testPreviewInEveryModeWritesNothingAnywhere() async throws {
        let keys = try await establish([("0001", "Alpha"), ("0002", "Beta")])
        try await sim.patchJira(keys["0001"]!, fields: ["summary": "Alpha, renamed in Jira"])
        try await sim.addJiraIssue(summary: "Brand new Jira issue", description: ADFDoc.sections([("Summary", "From Jira.")]))
        try editLocally("0002", "First requirement", "First requirement, edited locally")
        try repo.write("meta/work/0003-item.md", workItem(id: "0003", title: "Never pushed"))
        try repo.commitAll("local edits")
        try await sim.clearRequests()
        let before = try repo.snapshot()

        for mode in [[], ["--push-only"], ["--pull-only"]] {
            let result = try repo.sync(contentsOf: ["--preview", "--porcelain"] + mode)
            XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
            let lines = Set(result.stdout.split(separator: "\n").map(String.init))
            if mode != ["--push-only"] {
                XCTAssertTrue(lines.contains("0001\tpull\tplanned\t\(keys["0001"]!)"), "\(mode): \(lines)")
                XCTAssertTrue(lines.contains { $0.hasPrefix("0004\tnew\tplanned\tENG-") }, "\(mode): \(lines)")
            }
            if mode != ["--pull-only"] {
                XCTAssertTrue(lines.contains("0002\tpush\tplanned\t\(keys["0002"]!)"), "\(mode): \(lines)")
                XCTAssertTrue(lines.contains("0003\tskip\tplanned\tnot-pushed"), "\(mode): \(lines)")
            }
        }
        XCTAssertEqual(try repo.snapshot(), before, "preview changed the repository")
        let writes = try await sim.jiraWrites()
        XCTAssertEqual(writes, [], "preview wrote to Jira")
        let paths = try await sim.requests().map(\.path)
        XCTAssertFalse(paths.contains { $0.hasPrefix("/rest/api/3/search?") || $0 == "/rest/api/3/search" }, "the removed /search was used")
    }

    func testDefaultSyncPullsPushesAddsAndUpdatesTheBaseline() async throws {
        let keys = try await establish([("0001", "Alpha"), ("0002", "Beta")])
        let baselinePath = ".accelerator/state/integrations/jira/last-sync.json"
        let baselineBefore = try XCTUnwrap(repo.read(baselinePath))
        try await sim.patchJira(keys["0001"]!, fields: ["summary": "Alpha, renamed in Jira", "priority": ["name": "Highest"]], status: "Done")
        try await sim.addJiraIssue(summary: "Brand new Jira issue", description: ADFDoc.sections([("Summary", "From Jira.")]),
                                   type: "Bug", labels: ["backend"])
        try await sim.addJiraIssue(summary: "Another project's issue", project: "OPS")
        try editLocally("0002", "Second requirement", "Second requirement, sharpened")
        try repo.commitAll("local edit")
        let headBefore = try repo.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)

        let result = try repo.sync()
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)

        let pulled = try XCTUnwrap(repo.read("meta/work/0001-item.md"))
        XCTAssertTrue(pulled.contains("title: \"Alpha, renamed in Jira\""), pulled)
        XCTAssertTrue(pulled.contains("status: done"), pulled)
        XCTAssertTrue(pulled.contains("priority: high"), "Highest maps to the nearest local priority: \(pulled)")
        XCTAssertTrue(pulled.contains("# 0001: Alpha, renamed in Jira"), pulled)
        XCTAssertTrue(pulled.contains("- Second requirement"), "the body survived the ADF round trip: \(pulled)")
        let pushed = try await sim.jiraFields(keys["0002"]!)
        XCTAssertTrue(ADFDoc.plainText(pushed["description"]).contains("Second requirement, sharpened"))
        XCTAssertEqual((pushed["description"] as? [String: Any])?["type"] as? String, "doc", "descriptions go as ADF")

        let newFiles = repo.files(under: "meta/work").filter { !$0.hasPrefix("0001-") && !$0.hasPrefix("0002-") }
        XCTAssertEqual(newFiles, ["0003-brand-new-jira-issue.md"], "only ENG issues are in scope")
        let created = try XCTUnwrap(repo.read("meta/work/0003-brand-new-jira-issue.md"))
        XCTAssertTrue(created.contains("external_id: ENG-"), created)
        XCTAssertTrue(created.contains("kind: bug"), created)
        XCTAssertTrue(created.contains("## Summary\n\nFrom Jira."), created)
        XCTAssertTrue(created.contains("backend"), created)

        let baselineAfter = try XCTUnwrap(repo.read(baselinePath))
        XCTAssertNotEqual(baselineBefore, baselineAfter)
        XCTAssertTrue(baselineAfter.contains("\"0003\""))
        XCTAssertEqual(try repo.git("rev-list", "--count", "\(headBefore)..HEAD").trimmingCharacters(in: .whitespacesAndNewlines), "1")
        let changed = Set(try repo.git("show", "--name-only", "--format=", "HEAD").split(separator: "\n").map(String.init))
        XCTAssertEqual(changed, ["meta/work/0001-item.md", "meta/work/0003-brand-new-jira-issue.md", baselinePath])
        XCTAssertEqual(try repo.git("status", "--porcelain"), "")
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

    func testPushOnlyModifiesNoLocalFileAndPushesOnlyLocalAhead() async throws {
        let keys = try await changeBothSides()
        let workBefore = repo.files(under: "meta/work").map { repo.read("meta/work/" + $0) ?? "" }
        let result = try repo.sync("--push-only", "--porcelain")
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        XCTAssertEqual(repo.files(under: "meta/work").map { repo.read("meta/work/" + $0) ?? "" }, workBefore)
        let writes = try await sim.jiraWrites()
        XCTAssertEqual(writes, ["PUT /rest/api/3/issue/\(keys["0002"]!)"])
        XCTAssertTrue(result.stdout.contains("0001\tskip\tskipped\tmode-push-only"), result.stdout)
        let remote = try await sim.jiraFields(keys["0002"]!)
        XCTAssertTrue(ADFDoc.plainText(remote["description"]).contains("Something else to do."))
    }

    func testPullOnlyMakesNoRemoteWrite() async throws {
        _ = try await changeBothSides()
        try repo.write("meta/work/0005-item.md", workItem(id: "0005", title: "Local only"))
        try repo.commitAll("a never-pushed item")
        let result = try repo.sync("--pull-only", "--push-new=all")
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        let writes = try await sim.jiraWrites()
        XCTAssertEqual(writes, [])
        XCTAssertTrue(repo.read("meta/work/0001-item.md")!.contains("Alpha, renamed in Jira"))
        XCTAssertTrue(repo.files(under: "meta/work").contains { $0.hasSuffix("-jira-only.md") })
        XCTAssertFalse(repo.read("meta/work/0005-item.md")!.contains("external_id"))
    }

    func testConflictShowsSectionDiffExitsFourAndTouchesNothing() async throws {
        let keys = try await establish([("0001", "Alpha")])
        try await sim.patchJira(keys["0001"]!, fields: ["description": ADFDoc.sections([("Summary", "Remote summary.")])])
        try editLocally("0001", "Something to do.", "Local summary.")
        try repo.commitAll("local edit")
        try await sim.clearRequests()
        let before = try repo.snapshot()
        let result = try repo.sync()
        XCTAssertEqual(result.status, 4, result.stdout + result.stderr)
        XCTAssertTrue(result.stdout.contains("## Summary"), result.stdout)
        XCTAssertTrue(result.stdout.contains("-Local summary."), result.stdout)
        XCTAssertTrue(result.stdout.contains("+Remote summary."), result.stdout)
        XCTAssertTrue(result.stdout.contains("remote (default)"), result.stdout)
        XCTAssertEqual(try repo.snapshot(), before)
        let writes = try await sim.jiraWrites()
        XCTAssertEqual(writes, [])
    }

    func testConflictResolvedEitherWayIsAppliedAndLogged() async throws {
        let keys = try await establish([("0001", "Alpha"), ("0002", "Beta")])
        for id in ["0001", "0002"] {
            try await sim.patchJira(keys[id]!, fields: ["description": ADFDoc.sections([("Summary", "Remote summary \(id).")])])
            try editLocally(id, "Something to do.", "Local summary \(id).")
        }
        try repo.commitAll("local edits")
        let result = try repo.sync("--resolve", "0001=remote", "--resolve", "0002=local")
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        XCTAssertTrue(repo.read("meta/work/0001-item.md")!.contains("Remote summary 0001."))
        XCTAssertFalse(repo.read("meta/work/0001-item.md")!.contains("Local summary 0001."))
        let overridden = try await sim.jiraFields(keys["0002"]!)
        XCTAssertTrue(ADFDoc.plainText(overridden["description"]).contains("Local summary 0002."))
        XCTAssertTrue(repo.read("meta/work/0002-item.md")!.contains("Local summary 0002."))
        let message = try repo.git("log", "-1", "--format=%B")
        XCTAssertTrue(message.contains("Sync-Resolved: 0001 remote"), message)
        XCTAssertTrue(message.contains("Sync-Resolved: 0002 local"), message)
        let log = try XCTUnwrap(repo.read(".accelerator/state/integrations/jira/sync.log"))
        XCTAssertTrue(log.contains("0002\t\(keys["0002"]!)\tlocal"), log)
    }

    func testNeverPushedItemsBecomeIssuesOfTheirKindInTheirStatus() async throws {
        try repo.write("meta/work/0007-old-schema.md", workItem(id: "0007", title: "Old schema bug", kind: "bug", workItemID: "0007"))
        try repo.write("meta/work/0008-new-schema.md", workItem(id: "0008", title: "New schema story", status: "in-progress",
                                                                tags: ["needs design"]))
        try repo.commitAll("items")
        let result = try repo.sync("--push-new=all")
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        let old = try XCTUnwrap(repo.read("meta/work/0007-old-schema.md"))
        let oldKey = try XCTUnwrap(old.split(separator: "\n").first { $0.hasPrefix("work_item_id:") }).split(separator: " ").last.map {
            $0.trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
        XCTAssertTrue(oldKey?.hasPrefix("ENG-") == true, old)
        XCTAssertFalse(old.contains("external_id"), old)
        let new = try XCTUnwrap(repo.read("meta/work/0008-new-schema.md"))
        let newKey = try XCTUnwrap(new.split(separator: "\n").first { $0.hasPrefix("external_id:") }).split(separator: " ").last.map(String.init)

        let bug = try await sim.jiraFields(oldKey!)
        XCTAssertEqual((bug["issuetype"] as? [String: Any])?["name"] as? String, "Bug")
        let story = try await sim.jiraFields(newKey!)
        XCTAssertEqual((story["issuetype"] as? [String: Any])?["name"] as? String, "Story")
        XCTAssertEqual(story["labels"] as? [String], ["needs-design"])
        let status = try await sim.jiraStatus(newKey!)
        XCTAssertEqual(status, "In Progress", "moved through the workflow")
        XCTAssertTrue(result.stdout.contains("needs-design"), "the slugged label is said: \(result.stdout)")
        let requests = try await sim.requests().map { "\($0.method) \($0.path)" }
        XCTAssertTrue(requests.contains("POST /rest/api/3/issue/\(newKey!)/transitions"), "\(requests)")

        // The local status stays what the user wrote, and nothing is left to do.
        XCTAssertTrue(new.contains("status: in-progress"), new)
        let again = try repo.sync()
        XCTAssertTrue(again.stdout.contains("nothing to do"), again.stdout)
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

    func testDeclinedNeverPushedItemsStayUnchanged() async throws {
        try repo.write("meta/work/0007-x.md", workItem(id: "0007", title: "Stay local"))
        try repo.commitAll("items")
        let before = try XCTUnwrap(repo.read("meta/work/0007-x.md"))
        let result = try repo.sync("--push-new=none", "--porcelain")
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        XCTAssertTrue(result.stdout.contains("0007\tskip\tskipped\tnot-pushed"), result.stdout)
        XCTAssertEqual(repo.read("meta/work/0007-x.md"), before)
        let items = try await sim.items()
        XCTAssertEqual(items.count, 0)
    }

    func testFiltersBecomeJQLAndNarrowWhatIsPulled() async throws {
        try repo.write("meta/work/0001-a.md", workItem(id: "0001", title: "Local"))
        try repo.commitAll("items")
        try await sim.addJiraIssue(summary: "Bug for ana", labels: ["bug"], assignee: "acc-ana")
        try await sim.addJiraIssue(summary: "Bug for ben", labels: ["bug"], assignee: "acc-ben")
        try await sim.addJiraIssue(summary: "Feature for ana", labels: ["feature"], assignee: "acc-ana")
        try await sim.addJiraIssue(summary: "Done bug for ana", labels: ["bug"], assignee: "acc-ana", status: "Done")
        try await sim.addJiraIssue(summary: "Quoted label", labels: ["bug\"OR"], assignee: "acc-ana")
        let result = try repo.sync("--label", "bug", "--assignee", "ana@example.invalid", "--state", "open", "--porcelain")
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        XCTAssertEqual(repo.files(under: "meta/work").filter { !$0.hasPrefix("0001-") }, ["0002-bug-for-ana.md"])
        let pulled = try XCTUnwrap(repo.read("meta/work/0002-bug-for-ana.md"))
        XCTAssertTrue(pulled.contains("ana@example.invalid"), pulled)
    }

    func testAllBypassesTheProjectScope() async throws {
        try repo.write("meta/work/0001-a.md", workItem(id: "0001", title: "Local"))
        try repo.commitAll("items")
        try await sim.addJiraIssue(summary: "In scope")
        try await sim.addJiraIssue(summary: "Out of scope", project: "OPS")
        let scoped = try repo.sync()
        XCTAssertEqual(scoped.status, 0, scoped.stdout + scoped.stderr)
        XCTAssertEqual(repo.files(under: "meta/work"), ["0001-a.md", "0002-in-scope.md"])
        let all = try repo.sync("--all")
        XCTAssertEqual(all.status, 0, all.stdout + all.stderr)
        XCTAssertEqual(repo.files(under: "meta/work"), ["0001-a.md", "0002-in-scope.md", "0003-out-of-scope.md"])
        XCTAssertTrue(repo.read("meta/work/0003-out-of-scope.md")!.contains("external_id: OPS-"))
    }

    func testRateLimitIsWaitedOutAndTheSyncCompletes() async throws {
        try await sim.addJiraIssue(summary: "Remote")
        try repo.commitAll("configuration")
        try await sim.fault(["path": "^/rest/api/3/search/jql", "status": 429, "count": 2, "headers": ["retry-after": "1"]])
        let result = try repo.sync()
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        XCTAssertEqual(repo.files(under: "meta/work"), ["0001-remote.md"])
        let statuses = try await sim.requests().filter { $0.path.hasPrefix("/rest/api/3/search/jql") }.map(\.status)
        XCTAssertEqual(Array(statuses.prefix(3)), [429, 429, 200])
    }

    func testAWrongTokenIsOneClearLineWithoutTheToken() async throws {
        repo.environment["ACCELERATOR_JIRA_TOKEN"] = "wrong-token-value"
        try await sim.addJiraIssue(summary: "Remote")
        try repo.commitAll("configuration")
        let result = try repo.sync()
        XCTAssertEqual(result.status, 74, result.stdout + result.stderr)
        XCTAssertTrue(result.stderr.contains("Jira rejected the credentials"), result.stderr)
        XCTAssertFalse((result.stdout + result.stderr).contains("wrong-token-value"))
    }

    func testKilledMidRunThenRerunCreatesNoDuplicates() async throws {
        await sim.stop()
        for delay in [0.3, 0.8] {
            sim = try await Simulator.startJira(latencyMs: 60)
            repo = try ScratchRepo(testName: name)
            try repo.configureJira(simulator: sim.url)
            for n in 1...4 {
                let id = String(format: "%04d", n)
                try repo.write("meta/work/\(id)-local.md", workItem(id: id, title: "Local \(n)"))
            }
            try repo.commitAll("items")
            for n in 1...4 { try await sim.addJiraIssue(summary: "Remote \(n)") }
            let args = ["--push-new=all", "--concurrency", "2"]
            killSync(repo, args: args, after: delay)
            let rerun = try repo.sync(contentsOf: args)
            XCTAssertEqual(rerun.status, 0, "delay \(delay): " + rerun.stdout + rerun.stderr)
            let summaries = try await sim.items().compactMap { ($0["fields"] as? [String: Any])?["summary"] as? String }.sorted()
            XCTAssertEqual(summaries, ((1...4).map { "Local \($0)" } + (1...4).map { "Remote \($0)" }).sorted(), "delay \(delay)")
            XCTAssertEqual(repo.files(under: "meta/work").count, 8, "delay \(delay)")
            XCTAssertEqual(try repo.git("status", "--porcelain", "--untracked-files=all"), "", "delay \(delay)")
            await sim.stop()
        }
        sim = nil
    }

    func testLostConnectionOnCreateIsFoundByItsPropertyNotRepeated() async throws {
        try repo.write("meta/work/0001-a.md", workItem(id: "0001", title: "Created once"))
        try repo.commitAll("items")
        try await sim.fault(["path": "^/rest/api/3/issue$", "drop": true, "after": true, "count": 1])
        let first = try repo.sync("--push-new=all")
        XCTAssertEqual(first.status, 71, first.stdout + first.stderr)
        let second = try repo.sync("--push-new=all")
        XCTAssertEqual(second.status, 0, second.stdout + second.stderr)
        let items = try await sim.items()
        XCTAssertEqual(items.count, 1, "created once: \(items.map { $0["key"] ?? "" })")
        XCTAssertTrue(repo.read("meta/work/0001-a.md")!.contains("external_id: \(items.first?["key"] as? String ?? "?")"))
    }
}

/// SIGKILLs a sync started with `args` after `delay` seconds.
func killSync(_ repo: ScratchRepo, args: [String], after delay: TimeInterval) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: BuiltProducts.syncBinary)
    process.arguments = args
    process.currentDirectoryURL = URL(fileURLWithPath: repo.root)
    process.environment = repo.environment
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    process.standardInput = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return }
    Thread.sleep(forTimeInterval: delay)
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
}
