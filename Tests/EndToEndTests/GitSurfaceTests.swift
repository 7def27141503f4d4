import Foundation
import XCTest

/// Issue 5 end to end: the pre-push hook through real `git push`es, `git help`, `status` and `check`.
final class PrePushHookTests: SimulatorTestCase {
    override func setUp() async throws {
        try await super.setUp()
        try repo.write("meta/work/0001-item.md", workItem(id: "0001", title: "Item"))
        try repo.commitAll("items")
        let remote = (repo.root as NSString).deletingLastPathComponent + "/remote.git"
        _ = try runProcess("/usr/bin/git", ["init", "-q", "--bare", remote], in: repo.root, environment: repo.environment)
        try repo.git("remote", "add", "origin", remote)
        repo.environment["SYNC_WORK_ITEMS_BIN"] = BuiltProducts.syncBinary
        let install = try repo.sync("install-hook")
        XCTAssertEqual(install.status, 0, install.stderr)
    }

    private func push() throws -> RunResult {
        try runProcess("/usr/bin/git", ["push", "-q", "origin", "HEAD:main"], in: repo.root, environment: repo.environment)
    }

    func testThePushShowsThePreviewAndProceeds() async throws {
        try await sim.addIssue(["title": "From GitHub"])
        let result = try push()
        XCTAssertEqual(result.status, 0, result.stderr)
        let output = result.stdout + result.stderr
        XCTAssertTrue(output.contains("Would add locally (1)"), output)
        XCTAssertTrue(output.contains("Never pushed (1)"), output)
        XCTAssertEqual(try repo.git("ls-remote", "origin", "main").isEmpty, false, "the push went through")
        let writes = try await sim.requests().filter { $0.method != "GET" }
        XCTAssertTrue(writes.isEmpty, "the hook only previews")
    }

    func testWithTheTrackerDownThePushProceedsWithOneLine() async throws {
        await sim.stop()
        sim = nil
        let result = try push()
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = (result.stdout + result.stderr).split(separator: "\n").filter { $0.contains("sync-work-items:") }
        XCTAssertEqual(lines.count, 1, "\(lines)")
        XCTAssertTrue(lines[0].contains("tracker not reachable"), String(lines[0]))
    }

    func testASlowTrackerIsCutOffByTheTimeout() async throws {
        try repo.git("config", "sync-work-items.hookTimeout", "1")
        try await sim.fault(["latency_ms": 6000])
        let result = try push()
        let inFlight = try await sim.inFlight()
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue((result.stdout + result.stderr).contains("took longer than 1s"), result.stdout + result.stderr)
        XCTAssertGreaterThanOrEqual(inFlight.now, 1, "the push went on while the preview's request still waited for its answer")
    }

    func testConflictsBlockThePushOnlyWhenAskedTo() async throws {
        let first = try repo.sync("--push-new=all")
        XCTAssertEqual(first.status, 0, first.stdout + first.stderr)
        let key = String(repo.read("meta/work/0001-item.md")!.split(separator: "\n").first { $0.hasPrefix("external_id:") }!.dropFirst(13))
        try await sim.patch(key, ["body": "## Summary\n\nRemote.\n"])
        try repo.write("meta/work/0001-item.md", repo.read("meta/work/0001-item.md")!.replacingOccurrences(of: "Something to do.", with: "Local."))
        try repo.commitAll("local edit")

        let allowed = try push()
        XCTAssertEqual(allowed.status, 0, allowed.stderr)
        XCTAssertTrue((allowed.stdout + allowed.stderr).contains("Conflicts (changed on both sides)"))

        try repo.git("config", "sync-work-items.hookBlockOnConflict", "true")
        try repo.write("meta/work/0002-more.md", workItem(id: "0002", title: "More"))
        try repo.commitAll("another commit to push")
        let refused = try push()
        XCTAssertNotEqual(refused.status, 0)
        XCTAssertTrue((refused.stdout + refused.stderr).contains("git push --no-verify"), refused.stdout + refused.stderr)
    }

    func testAnExistingHookIsChainedAndItsFailureFailsThePush() throws {
        _ = try repo.sync("uninstall-hook")
        let hooks = repo.root + "/.git/hooks"
        let marker = repo.root + "/../theirs-ran"
        try Data("#!/bin/sh\ntouch '\(marker)'\n[ -f '\(repo.root)/../fail' ] && exit 1\nexit 0\n".utf8).write(to: URL(fileURLWithPath: hooks + "/pre-push"))
        _ = chmod(hooks + "/pre-push", 0o755)
        let install = try repo.sync("install-hook")
        XCTAssertTrue(install.stdout.contains("runs first"), install.stdout)
        XCTAssertEqual(try push().status, 0)
        XCTAssertTrue(FileManager.default.fileExists(atPath: marker))
        _ = FileManager.default.createFile(atPath: repo.root + "/../fail", contents: nil)
        try repo.write("meta/work/0003-x.md", workItem(id: "0003", title: "X"))
        try repo.commitAll("more")
        XCTAssertNotEqual(try push().status, 0, "the chained hook's failure fails the push")
        let uninstall = try repo.sync("uninstall-hook")
        XCTAssertTrue(uninstall.stdout.contains("restored"), uninstall.stdout)
    }

    func testTheEmbeddedHookIsTheShippedScript() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let shipped = try String(contentsOf: root.appendingPathComponent("hooks/pre-push"), encoding: .utf8)
        let installed = try String(contentsOf: URL(fileURLWithPath: repo.root + "/.git/hooks/pre-push"), encoding: .utf8)
        XCTAssertEqual(installed, shipped, "run `make hook-script` after editing hooks/pre-push")
    }
}

final class HelpAndStatusTests: XCTestCase {
    func testGitHelpFindsTheInstalledManPage() throws {
        let repo = try ScratchRepo(testName: name)
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let man = (repo.root as NSString).deletingLastPathComponent + "/share/man/man1"
        try FileManager.default.createDirectory(atPath: man, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: root.appendingPathComponent("doc/git-sync-work-items.1").path, toPath: man + "/git-sync-work-items.1")
        var env = repo.environment
        env["MANPATH"] = (man as NSString).deletingLastPathComponent
        env["MANPAGER"] = "cat"
        env["PAGER"] = "cat"
        env["MANWIDTH"] = "80"
        env["PATH"] = BuiltProducts.directory.path + ":" + (env["PATH"] ?? "/usr/bin:/bin")
        for args in [["help", "sync-work-items"], ["sync-work-items", "--help"]] {
            let result = try runProcess("/usr/bin/git", args, in: repo.root, environment: env)
            XCTAssertEqual(result.status, 0, "git \(args): \(result.stderr)")
            XCTAssertTrue(result.stdout.contains("EXIT STATUS"), "git \(args): \(result.stdout.prefix(300))")
        }
    }

    func testStatusListsLocalChangesOffline() async throws {
        let sim = try await Simulator.start()
        let repo = try ScratchRepo(testName: name)
        try repo.configure(simulator: sim.url)
        for id in ["0001", "0002", "0003"] { try repo.write("meta/work/\(id)-x.md", workItem(id: id, title: "Item \(id)")) }
        try repo.commitAll("items")
        XCTAssertEqual(try repo.sync("--push-new=all").status, 0)
        await sim.stop()  // status must not need the network
        try repo.write("meta/work/0001-x.md", repo.read("meta/work/0001-x.md")!.replacingOccurrences(of: "Something to do.", with: "Changed."))
        try repo.write("meta/work/0004-new.md", workItem(id: "0004", title: "New"))
        try repo.commitAll("edits")
        try repo.write("meta/work/0002-x.md", repo.read("meta/work/0002-x.md")! + "\nmore\n")
        let result = try repo.sync("status", "--porcelain")
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(Set(result.stdout.split(separator: "\n").map(String.init)), [
            "0001\tmodified\tmeta/work/0001-x.md", "0002\tuncommitted\tmeta/work/0002-x.md", "0004\tunpushed\tmeta/work/0004-new.md",
        ])
        let human = try repo.sync("status")
        XCTAssertTrue(human.stdout.contains("1 unchanged"), human.stdout)
    }

    /// After a sync that left both sides in step, the next run and `status` answer from the settled stamp; an edit
    /// that is neither committed nor staged leaves HEAD's tree as it was, and only the status check sees it.
    func testAnUncommittedEditAfterASettledSyncIsStillSeen() async throws {
        let sim = try await Simulator.start()
        let repo = try ScratchRepo(testName: name)
        try repo.configure(simulator: sim.url)
        for id in ["0001", "0002"] { try repo.write("meta/work/\(id)-x.md", workItem(id: id, title: "Item \(id)")) }
        try repo.commitAll("items")
        XCTAssertEqual(try repo.sync("--push-new=all").status, 0)
        let again = try repo.sync()
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertTrue(again.stdout.contains("nothing to do (2 items in sync"), again.stdout)
        XCTAssertTrue(FileManager.default.fileExists(atPath: repo.root + "/.git/sync-work-items/settled"))
        XCTAssertEqual(try repo.sync("status", "--porcelain").stdout, "")

        try repo.write("meta/work/0002-x.md", repo.read("meta/work/0002-x.md")! + "\nmore\n")
        let status = try repo.sync("status", "--porcelain")
        XCTAssertEqual(status.status, 0, status.stderr)
        XCTAssertEqual(status.stdout, "0002\tuncommitted\tmeta/work/0002-x.md\n")
        await sim.stop()
    }

    /// Three files with one id: the two after the first are named, each pointing at the first; the rest is fine.
    func testCheckNamesEveryFileThatRepeatsAnID() throws {
        let repo = try ScratchRepo(testName: name)
        try repo.configure(simulator: "http://127.0.0.1:9")
        try repo.write("meta/work/0001-a.md", workItem(id: "0001", title: "A"))
        try repo.write("meta/work/0001-b.md", workItem(id: "0001", title: "B"))
        try repo.write("meta/work/0001-c.md", workItem(id: "0001", title: "C"))
        try repo.write("meta/work/0002-d.md", workItem(id: "0002", title: "D"))
        try repo.commitAll("items")
        let result = try repo.sync("check")
        XCTAssertEqual(result.status, 4, result.stdout + result.stderr)
        for repeated in ["b", "c"] {
            XCTAssertTrue(result.stdout.contains(
                "meta/work/0001-\(repeated).md:1: duplicate id \"0001\" (also in meta/work/0001-a.md)"), result.stdout)
        }
        XCTAssertFalse(result.stdout.contains("meta/work/0001-a.md:1: duplicate"), result.stdout)
        XCTAssertFalse(result.stdout.contains("0002-d.md"), result.stdout)
    }

    func testCheckReportsEveryProblemWithItsFix() throws {
        let repo = try ScratchRepo(testName: name)
        try repo.configure(simulator: "http://127.0.0.1:9")
        repo.environment["ACCELERATOR_GITHUB_TOKEN"] = nil
        try repo.write("meta/work/0001-a.md", workItem(id: "0001", title: "A"))
        try repo.write("meta/work/0009-wrong-name.md", workItem(id: "0002", title: "B"))
        try repo.write("meta/work/0003-broken.md", "---\nid: \"0003\"\n")
        try repo.commitAll("items")
        let result = try repo.sync("check")
        XCTAssertEqual(result.status, 4, result.stdout + result.stderr)
        XCTAssertTrue(result.stdout.contains("meta/work/0009-wrong-name.md: the file name says 0009 but the id is 0002: rename it to 0002-b.md"), result.stdout)
        XCTAssertTrue(result.stdout.contains("meta/work/0003-broken.md:1:"), result.stdout)
        XCTAssertTrue(result.stdout.contains("no GitHub token"), result.stdout)
        XCTAssertFalse(result.stdout.contains(E2E.token))
    }
}
