import Foundation
import XCTest

/// The seed story's acceptance criteria that need no prompt, end to end: the built binary in a scratch repository
/// against the GitHub simulator.
final class SeedAcceptanceTests: SimulatorTestCase {
    /// 0001 renamed remotely, 0002 edited locally (committed), plus one untracked remote issue; request log cleared.
    private func changeBothSides() async throws -> [String: String] {
        let keys = try await establish([("0001", "Alpha"), ("0002", "Beta")])
        try await sim.patch(keys["0001"]!, ["title": "Alpha, renamed remotely"])
        try await sim.addIssue(["title": "Remote only"])
        let text = try XCTUnwrap(repo.read("meta/work/0002-item.md"))
        try repo.write("meta/work/0002-item.md", text.replacingOccurrences(of: "Something to do.", with: "Something else to do."))
        try repo.commitAll("local edit")
        try await sim.clearRequests()
        return keys
    }

    private func remoteWrites() async throws -> [String] {
        try await sim.requests().filter { $0.method != "GET" }.map { "\($0.method) \($0.path)" }
    }

    func testWithoutIntegrationItExits73AndSaysWhichKeyToSet() throws {
        try repo.write(".accelerator/config.md", "---\npaths:\n  work: meta/work\n---\n")
        try repo.write("meta/work/0001-a.md", workItem(id: "0001", title: "A"))
        try repo.commitAll("init")
        let result = try repo.sync()
        XCTAssertEqual(result.status, 73)
        XCTAssertTrue(result.stderr.contains("work.integration"), result.stderr)
        XCTAssertTrue(result.stderr.contains(".accelerator/config.md"), result.stderr)
        XCTAssertEqual(result.stderr.split(separator: "\n").count, 1, "one-line error: \(result.stderr)")
    }

    func testPreviewInEveryModeWritesNothingAnywhere() async throws {
        let keys = try await establish([("0001", "Alpha"), ("0002", "Beta")])
        try await sim.patch(keys["0001"]!, ["title": "Alpha, renamed remotely"])
        try await sim.addIssue(["title": "Brand new remote issue", "body": "## Summary\n\nFrom GitHub.\n"])
        var text = try XCTUnwrap(repo.read("meta/work/0002-item.md"))
        text = text.replacingOccurrences(of: "First requirement", with: "First requirement, edited locally")
        try repo.write("meta/work/0002-item.md", text)
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
                XCTAssertTrue(lines.contains { $0.hasPrefix("0004\tnew\tplanned\t") }, "\(mode): \(lines)")
            }
            if mode != ["--pull-only"] {
                XCTAssertTrue(lines.contains("0002\tpush\tplanned\t\(keys["0002"]!)"), "\(mode): \(lines)")
                XCTAssertTrue(lines.contains("0003\tskip\tplanned\tnot-pushed"), "\(mode): \(lines)")
            }
        }
        XCTAssertEqual(try repo.snapshot(), before, "preview changed the repository")
        let writes = try await remoteWrites()
        XCTAssertEqual(writes, [], "preview wrote to the tracker")
    }

    func testDefaultSyncPullsPushesAddsAndUpdatesTheBaseline() async throws {
        let keys = try await establish([("0001", "Alpha"), ("0002", "Beta")])
        let baselineBefore = try XCTUnwrap(repo.read(".accelerator/state/integrations/github-issues/last-sync.json"))
        try await sim.patch(keys["0001"]!, ["title": "Alpha, renamed remotely", "state": "closed", "state_reason": "completed"])
        try await sim.addIssue(["title": "Brand new remote issue", "body": "## Summary\n\nFrom GitHub.\n", "labels": ["kind: bug"]])
        var text = try XCTUnwrap(repo.read("meta/work/0002-item.md"))
        text = text.replacingOccurrences(of: "Second requirement", with: "Second requirement, sharpened")
        try repo.write("meta/work/0002-item.md", text)
        try repo.commitAll("local edit")
        let headBefore = try repo.git("rev-parse", "HEAD")

        let result = try repo.sync()
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)

        let pulled = try XCTUnwrap(repo.read("meta/work/0001-item.md"))
        XCTAssertTrue(pulled.contains("title: \"Alpha, renamed remotely\""), pulled)
        XCTAssertTrue(pulled.contains("status: done"), pulled)
        XCTAssertTrue(pulled.contains("# 0001: Alpha, renamed remotely"), pulled)
        let pushed = try await sim.item(keys["0002"]!)
        XCTAssertTrue((pushed?["body"] as? String ?? "").contains("Second requirement, sharpened"))
        let newFile = try XCTUnwrap(repo.files(under: "meta/work").first { $0.hasPrefix("0003-") })
        XCTAssertEqual(newFile, "0003-brand-new-remote-issue.md")
        let created = try XCTUnwrap(repo.read("meta/work/" + newFile))
        XCTAssertTrue(created.contains("external_id: acme/widgets#"), created)
        XCTAssertTrue(created.contains("kind: bug"), created)
        XCTAssertTrue(created.contains("From GitHub."), created)

        let baselineAfter = try XCTUnwrap(repo.read(".accelerator/state/integrations/github-issues/last-sync.json"))
        XCTAssertNotEqual(baselineBefore, baselineAfter)
        XCTAssertTrue(baselineAfter.contains("\"0003\""))
        // One ordinary commit holds exactly what the sync wrote.
        XCTAssertEqual(try repo.git("rev-list", "--count", "\(headBefore.trimmingCharacters(in: .whitespacesAndNewlines))..HEAD").trimmingCharacters(in: .whitespacesAndNewlines), "1")
        let changed = Set(try repo.git("show", "--name-only", "--format=", "HEAD").split(separator: "\n").map(String.init))
        XCTAssertEqual(changed, ["meta/work/0001-item.md", "meta/work/\(newFile)", ".accelerator/state/integrations/github-issues/last-sync.json"])
        XCTAssertEqual(try repo.git("status", "--porcelain"), "")
    }

    func testSecondSyncRightAfterReportsNothingAndWritesNothing() async throws {
        let keys = try await establish([("0001", "Alpha"), ("0002", "Beta")])
        try await sim.patch(keys["0001"]!, ["body": "## Summary\n\nChanged remotely.\n"])
        XCTAssertEqual(try repo.sync().status, 0)
        try await sim.clearRequests()
        let before = try repo.snapshot()
        let again = try repo.sync()
        XCTAssertEqual(again.status, 0, again.stdout + again.stderr)
        XCTAssertTrue(again.stdout.contains("nothing to do"), again.stdout)
        XCTAssertEqual(try repo.snapshot(), before)
        let writes = try await remoteWrites()
        XCTAssertEqual(writes, [])
    }

    func testPushOnlyModifiesNoLocalFileAndPushesOnlyLocalAhead() async throws {
        let keys = try await changeBothSides()
        let workBefore = repo.files(under: "meta/work").map { repo.read("meta/work/" + $0) ?? "" }

        let result = try repo.sync("--push-only", "--porcelain")
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        XCTAssertEqual(repo.files(under: "meta/work").map { repo.read("meta/work/" + $0) ?? "" }, workBefore)
        let writes = try await remoteWrites()
        XCTAssertEqual(writes.count, 1, "\(writes)")
        XCTAssertTrue(writes[0].hasPrefix("PATCH /repos/acme/widgets/issues/"), "\(writes)")
        XCTAssertTrue(result.stdout.contains("0001\tskip\tskipped\tmode-push-only"), result.stdout)
        let remote = try await sim.item(keys["0002"]!)
        XCTAssertTrue((remote?["body"] as? String ?? "").contains("Something else to do."))
    }

    func testPullOnlyMakesNoRemoteWrite() async throws {
        _ = try await changeBothSides()
        try repo.write("meta/work/0005-item.md", workItem(id: "0005", title: "Local only"))
        try repo.commitAll("a never-pushed item")

        let result = try repo.sync("--pull-only", "--push-new=all")
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        let writes = try await remoteWrites()
        XCTAssertEqual(writes, [])
        XCTAssertTrue(repo.read("meta/work/0001-item.md")!.contains("Alpha, renamed remotely"))
        XCTAssertTrue(repo.files(under: "meta/work").contains { $0.hasSuffix("-remote-only.md") })
        XCTAssertFalse(repo.read("meta/work/0005-item.md")!.contains("external_id"))
    }

    func testConflictShowsSectionDiffExitsFourAndTouchesNothing() async throws {
        let keys = try await establish([("0001", "Alpha")])
        try await sim.patch(keys["0001"]!, ["body": "## Summary\n\nRemote summary.\n\n## Requirements\n\n- First requirement\n- Second requirement\n"])
        var text = try XCTUnwrap(repo.read("meta/work/0001-item.md"))
        text = text.replacingOccurrences(of: "Something to do.", with: "Local summary.")
        try repo.write("meta/work/0001-item.md", text)
        try repo.commitAll("local edit")
        try await sim.clearRequests()
        let before = try repo.snapshot()

        let result = try repo.sync()
        XCTAssertEqual(result.status, 4, result.stdout + result.stderr)
        XCTAssertTrue(result.stdout.contains("Conflicts"), result.stdout)
        XCTAssertTrue(result.stdout.contains("## Summary"), result.stdout)
        XCTAssertTrue(result.stdout.contains("-Local summary."), result.stdout)
        XCTAssertTrue(result.stdout.contains("+Remote summary."), result.stdout)
        XCTAssertTrue(result.stdout.contains("remote (default)"), result.stdout)
        XCTAssertTrue(result.stdout.contains("Requirements"), "unchanged sections are named: \(result.stdout)")
        XCTAssertEqual(try repo.snapshot(), before)
        let writes = try await remoteWrites()
        XCTAssertEqual(writes, [])
    }

    func testConflictResolvedRemoteOverwritesTheLocalFile() async throws {
        let keys = try await establish([("0001", "Alpha")])
        try await sim.patch(keys["0001"]!, ["body": "## Summary\n\nRemote summary.\n"])
        try repo.write("meta/work/0001-item.md", repo.read("meta/work/0001-item.md")!.replacingOccurrences(of: "Something to do.", with: "Local summary."))
        try repo.commitAll("local edit")
        let result = try repo.sync("--resolve", "0001=remote")
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        let text = try XCTUnwrap(repo.read("meta/work/0001-item.md"))
        XCTAssertTrue(text.contains("Remote summary."))
        XCTAssertFalse(text.contains("Local summary."))
        XCTAssertTrue(try repo.git("log", "-1", "--format=%B").contains("Sync-Resolved: 0001 remote"))
    }

    func testConflictOverriddenLocalPushesAndLogsTheChoice() async throws {
        let keys = try await establish([("0001", "Alpha")])
        try await sim.patch(keys["0001"]!, ["body": "## Summary\n\nRemote summary.\n"])
        try repo.write("meta/work/0001-item.md", repo.read("meta/work/0001-item.md")!.replacingOccurrences(of: "Something to do.", with: "Local summary."))
        try repo.commitAll("local edit")
        let result = try repo.sync("--resolve", "0001=local")
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        let remote = try await sim.item(keys["0001"]!)
        XCTAssertTrue((remote?["body"] as? String ?? "").contains("Local summary."))
        XCTAssertTrue(repo.read("meta/work/0001-item.md")!.contains("Local summary."))
        XCTAssertTrue(try repo.git("log", "-1", "--format=%B").contains("Sync-Resolved: 0001 local"))
    }

    func testNeverPushedItemsArePushedAndTheOlderSchemaGetsItsKeyInWorkItemID() async throws {
        try repo.write("meta/work/0007-old-schema.md", workItem(id: "0007", title: "Old schema item", workItemID: "0007"))
        try repo.write("meta/work/0008-new-schema.md", workItem(id: "0008", title: "New schema item"))
        try repo.commitAll("items")
        let result = try repo.sync("--push-new=all")
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        let old = try XCTUnwrap(repo.read("meta/work/0007-old-schema.md"))
        XCTAssertTrue(old.contains("work_item_id: \"acme/widgets#") || old.contains("work_item_id: acme/widgets#"), old)
        XCTAssertFalse(old.contains("external_id"), old)
        let new = try XCTUnwrap(repo.read("meta/work/0008-new-schema.md"))
        XCTAssertTrue(new.contains("external_id: acme/widgets#"), new)
        let titles = try await sim.items().compactMap { $0["title"] as? String }.sorted()
        XCTAssertEqual(titles, ["New schema item", "Old schema item"])
    }

    func testDeclinedNeverPushedItemsStayUnchanged() async throws {
        try repo.write("meta/work/0007-x.md", workItem(id: "0007", title: "Stay local"))
        try repo.commitAll("items")
        let before = try XCTUnwrap(repo.read("meta/work/0007-x.md"))
        let result = try repo.sync("--push-new=none", "--porcelain")
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        XCTAssertTrue(result.stdout.contains("0007\tskip\tskipped\tnot-pushed"), result.stdout)
        XCTAssertEqual(repo.read("meta/work/0007-x.md"), before)
        XCTAssertEqual(try repo.git("status", "--porcelain"), "")
        let items = try await sim.items()
        XCTAssertEqual(items.count, 0)
    }

    func testFiltersNarrowWhichUntrackedIssuesArePulled() async throws {
        try repo.write("meta/work/0001-a.md", workItem(id: "0001", title: "Local"))
        try repo.commitAll("items")
        try await sim.addIssue(["title": "Bug for ana", "labels": ["bug"], "assignees": ["ana"]])
        try await sim.addIssue(["title": "Bug for ben", "labels": ["bug"], "assignees": ["ben"]])
        try await sim.addIssue(["title": "Feature for ana", "labels": ["feature"], "assignees": ["ana"]])
        try await sim.addIssue(["title": "Closed bug for ana", "labels": ["bug"], "assignees": ["ana"], "state": "closed"])
        let result = try repo.sync("--label", "bug", "--assignee", "ana", "--state", "open", "--porcelain")
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        let newFiles = repo.files(under: "meta/work").filter { !$0.hasPrefix("0001-") }
        XCTAssertEqual(newFiles, ["0002-bug-for-ana.md"])
    }

    func testProjectScopeAndAll() async throws {
        try repo.configure(simulator: sim.url, extra: "")
        try repo.write(".accelerator/config.md", """
            ---
            work:
              integration: github-issues
              default_project_code: widgets-team
            github:
              repo: acme/widgets
              api_url: \(sim.url)
            ---

            """)
        try repo.write("meta/work/0001-a.md", workItem(id: "0001", title: "Local"))
        try repo.commitAll("items")
        try await sim.addIssue(["title": "In scope", "labels": ["widgets-team"]])
        try await sim.addIssue(["title": "Out of scope", "labels": ["other-team"]])
        let scoped = try repo.sync()
        XCTAssertEqual(scoped.status, 0, scoped.stdout + scoped.stderr)
        XCTAssertEqual(repo.files(under: "meta/work"), ["0001-a.md", "0002-in-scope.md"])
        let all = try repo.sync("--all")
        XCTAssertEqual(all.status, 0, all.stdout + all.stderr)
        XCTAssertEqual(repo.files(under: "meta/work"), ["0001-a.md", "0002-in-scope.md", "0003-out-of-scope.md"])
    }

    func testBlastRadiusGateStopsBeforeAnyWrite() async throws {
        try repo.write("meta/work/0001-a.md", workItem(id: "0001", title: "Local"))
        try repo.commitAll("items")
        for n in 1...4 { try await sim.addIssue(["title": "Remote \(n)"]) }
        let before = try repo.snapshot()
        let result = try repo.sync("--max-pulls", "3")
        XCTAssertEqual(result.status, 5, result.stdout + result.stderr)
        XCTAssertTrue(result.stdout.contains("--max-pulls 4"), result.stdout)
        XCTAssertEqual(try repo.snapshot(), before)
    }

    func testUncommittedEditIsNeverOverwrittenNorPushed() async throws {
        let keys = try await establish([("0001", "Alpha")])
        try await sim.patch(keys["0001"]!, ["title": "Alpha, renamed remotely"])
        let edited = repo.read("meta/work/0001-item.md")!.replacingOccurrences(of: "Something to do.", with: "Uncommitted words.")
        try repo.write("meta/work/0001-item.md", edited)
        try await sim.clearRequests()
        let result = try repo.sync("--porcelain")
        XCTAssertEqual(result.status, 4, result.stdout + result.stderr)
        XCTAssertTrue(result.stdout.contains("0001\tskip\tblocked\tdirty"), result.stdout)
        XCTAssertEqual(repo.read("meta/work/0001-item.md"), edited)
        let writes = try await remoteWrites()
        XCTAssertEqual(writes, [])
    }

    func testMalformedFileIsReportedWithItsLineAndOthersStillSync() async throws {
        try repo.write("meta/work/0001-good.md", workItem(id: "0001", title: "Good"))
        try repo.write("meta/work/0002-bad.md", "---\nid: \"0002\"\ntitle: [unclosed\n---\n\n## Summary\n")
        try repo.write("meta/work/0003-nofm.md", "# Just a heading\n")
        try repo.commitAll("items")
        try await sim.addIssue(["title": "Remote"])
        let result = try repo.sync()
        XCTAssertEqual(result.status, 4, result.stdout + result.stderr)
        XCTAssertTrue(result.stdout.contains("meta/work/0002-bad.md:"), result.stdout)
        XCTAssertTrue(result.stdout.contains("meta/work/0003-nofm.md:1:"), result.stdout)
        XCTAssertTrue(repo.files(under: "meta/work").contains("0004-remote.md"), "\(repo.files(under: "meta/work"))")
    }
}

final class RepositoryStateTests: SimulatorTestCase {
    func testItRunsFromASubdirectoryLikeGit() async throws {
        try repo.write("meta/work/0001-a.md", workItem(id: "0001", title: "Local"))
        try repo.commitAll("items")
        try await sim.addIssue(["title": "Remote"])
        let result = try runProcess(BuiltProducts.syncBinary, [], in: repo.root + "/meta/work", environment: repo.environment)
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        XCTAssertEqual(repo.files(under: "meta/work"), ["0001-a.md", "0002-remote.md"])
    }

    func testAnUnbornBranchSaysToCommitFirst() throws {
        let result = try repo.sync()
        XCTAssertEqual(result.status, 4, result.stdout + result.stderr)
        XCTAssertTrue(result.stderr.contains("commit"), result.stderr)
        XCTAssertEqual(result.stderr.split(separator: "\n").count, 1)
    }

    func testADetachedHeadIsSaidAndTheCommitLandsThere() async throws {
        try repo.write("meta/work/0001-a.md", workItem(id: "0001", title: "Local"))
        try repo.commitAll("items")
        try repo.git("checkout", "-q", "--detach")
        try await sim.addIssue(["title": "Remote"])
        let result = try repo.sync()
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        XCTAssertTrue(result.stdout.contains("HEAD is detached"), result.stdout)
        XCTAssertTrue(try repo.git("log", "-1", "--format=%s").hasPrefix("sync-work-items:"))
        XCTAssertFalse(try repo.git("log", "-1", "--format=%s", "main").hasPrefix("sync-work-items:"), "the branch did not move")
    }
}

final class MachineOutputTests: XCTestCase {
    func testJSONIsOneStableDocumentAndNoOutputCarriesTheToken() async throws {
        let sim = try await Simulator.start()
        let repo = try ScratchRepo(testName: name)
        try repo.configure(simulator: sim.url)
        try repo.write("meta/work/0001-a.md", workItem(id: "0001", title: "Local"))
        try repo.commitAll("items")
        try await sim.addIssue(["title": "Remote"])
        let preview = try repo.sync("--preview", "--json")
        await sim.stop()
        XCTAssertEqual(preview.status, 0, preview.stderr)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(preview.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(json["integration"] as? String, "github-issues")
        XCTAssertEqual(json["preview"] as? Bool, true)
        XCTAssertEqual(json["exit_code"] as? Int, 0)
        let items = try XCTUnwrap(json["items"] as? [[String: Any]])
        XCTAssertEqual(Set(items.map { "\($0["id"]!) \($0["action"]!) \($0["state"]!)" }), ["0001 skip planned", "0002 new planned"])
        XCTAssertEqual(items.first { $0["id"] as? String == "0001" }?["reason"] as? String, "not-pushed")
        for output in [preview.stdout, preview.stderr] { XCTAssertFalse(output.contains(E2E.token)) }
        let log = try repo.git("log", "--all", "-p")
        XCTAssertFalse(log.contains(E2E.token))
    }
}

extension ScratchRepo {
    func sync(contentsOf args: [String]) throws -> RunResult {
        try runProcess(BuiltProducts.syncBinary, args, in: root, environment: environment)
    }
}
