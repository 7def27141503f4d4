import Foundation
import XCTest

/// Issue 13: the built binary killed (SIGKILL, through its debug-build hook `GIT_SYNC_WORK_ITEMS_TEST_STOP_AT`) at
/// the journalled decision, the resolved push, the journalled commit, the index lock, the index write, the ref move,
/// the journal's rewrite and the temp file and rename of each state file and of a pulled file, during a run that
/// pulls, pushes and carries out a `--resolve` decision. After the kill and one more run of the same command:
/// `git status` is clean, the index equals HEAD for every sync path, the decision is in `sync.log` and in exactly
/// one commit trailer, an unrelated commit deletes nothing, and a further sync has nothing to do.
///
/// The scenario touches the tracker only through the simulator's admin API (add and edit an item), so it can run
/// for any tracker once the kit parameterises end-to-end suites.
final class CommitWindowKillTests: SimulatorTestCase {
    private let state = ".accelerator/state/integrations/github-issues"

    func testKilledAtEveryCommitWindowThenRerunConverges() async throws {
        let windows = ["journal:decision:0001", "remote:0001", "journal:commit", "index-lock", "index-write", "ref-move",
                       "journal-replace",
                       "temp:\(state)/sync.log", "rename:\(state)/sync.log",
                       "temp:\(state)/last-sync.json", "rename:\(state)/last-sync.json"]
        for window in windows {
            try await freshSimulatorAndRepository()
            try await killedRunConverges(at: window)
        }
    }

    /// Killed while writing the pulled file itself, before and after its rename.
    func testKilledAtTheRenameOfAPulledFileThenRerunConverges() async throws {
        for window in ["temp:meta/work/0002-item.md", "rename:meta/work/0002-item.md"] {
            try await freshSimulatorAndRepository()
            try await killedRunConverges(at: window)
        }
    }

    /// A lock a running git command holds is never taken: the run stops with exit 4 before writing anything.
    func testALiveIndexLockStopsTheRunWithExitFour() async throws {
        _ = try await prepare()
        try repo.write(".git/index.lock", "")
        let before = try repo.snapshot()

        let run = try repo.sync("--resolve", "0001=local", "--no-input")

        XCTAssertEqual(run.status, 4, run.stdout + run.stderr)
        XCTAssertTrue(run.stderr.contains("another git process is using the index"), run.stderr)
        XCTAssertEqual(try repo.snapshot(), before, "nothing may be written while another process holds the index")
    }

    // MARK: Scenario

    /// Two items pushed and in sync, then: 0001 changed on both sides (resolved with `--resolve 0001=local`),
    /// 0002 changed remotely (pulled), and a new remote item (pulled as 0003). Returns id → remote key.
    private func prepare() async throws -> [String: String] {
        let keys = try await establish([("0001", "Item one"), ("0002", "Item two")])
        try repo.write("meta/work/0001-item.md", workItem(id: "0001", title: "Item one", externalID: keys["0001"],
            summary: "Mine wins.", extraSections: "\n## Requirements\n\n- First requirement\n- Second requirement\n"))
        try repo.commitAll("Local edit")
        try await editRemote(keys["0001"]!, description: "## Summary\n\nTheirs loses.\n")
        try await editRemote(keys["0002"]!, description: "## Summary\n\nPulled from the tracker.\n")
        try await addRemote(title: "Brand new remote", description: "## Summary\n\nNew.\n")
        return keys
    }

    private func killedRunConverges(at window: String, file: StaticString = #filePath, line: UInt = #line) async throws {
        let keys = try await prepare()
        let command = ["--resolve", "0001=local", "--no-input"]

        var killing = repo.environment
        killing["GIT_SYNC_WORK_ITEMS_TEST_STOP_AT"] = window
        let killed = try runProcess(BuiltProducts.syncBinary, command, in: repo.root, environment: killing)
        // Foundation reports a signal's number as the status of a process it killed.
        XCTAssertEqual(killed.status, SIGKILL, "\(window): the hook did not fire: \(killed.stdout)\(killed.stderr)",
            file: file, line: line)

        let rerun = try runProcess(BuiltProducts.syncBinary, command, in: repo.root, environment: repo.environment)
        XCTAssertEqual(rerun.status, 0, "\(window): \(rerun.stdout)\(rerun.stderr)", file: file, line: line)

        XCTAssertEqual(try repo.git("status", "--porcelain", "--untracked-files=all"), "", window, file: file, line: line)
        XCTAssertEqual(try repo.git("diff", "--cached", "--name-only", "HEAD", "--", "meta/work", ".accelerator/state"), "",
            "\(window): index differs from HEAD", file: file, line: line)
        let log = repo.read("\(state)/sync.log") ?? ""
        XCTAssertEqual(log.split(separator: "\n").filter { $0.contains("\t0001\t\(keys["0001"]!)\tlocal\t") }.count, 1,
            "\(window): \(log)", file: file, line: line)
        let messages = try repo.git("log", "--format=%B")
        XCTAssertEqual(messages.components(separatedBy: "Sync-Resolved: 0001 local").count - 1, 1,
            "\(window): \(messages)", file: file, line: line)
        XCTAssertTrue(repo.read("meta/work/0002-item.md")?.contains("Pulled from the tracker.") ?? false, window,
            file: file, line: line)
        let body = try await sim.item(keys["0001"]!)?["body"] as? String ?? ""
        XCTAssertTrue(body.contains("Mine wins."), "\(window): \(body)", file: file, line: line)
        let files = repo.files(under: "meta/work")
        XCTAssertEqual(files.count, 3, "\(window): \(files)", file: file, line: line)
        let remoteCount = try await sim.items().count
        XCTAssertEqual(remoteCount, 3, "\(window): no remote duplicates", file: file, line: line)

        let again = try repo.sync("--no-input")
        XCTAssertEqual(again.status, 0, window, file: file, line: line)
        XCTAssertTrue(again.stdout.contains("nothing to do"), "\(window): \(again.stdout)", file: file, line: line)

        try repo.write("unrelated.txt", "unrelated\n")
        try repo.git("add", "unrelated.txt")
        try repo.git("commit", "-q", "-m", "Unrelated")
        XCTAssertEqual(try repo.git("diff", "--name-status", "HEAD~1", "HEAD"), "A\tunrelated.txt\n",
            "\(window): an unrelated commit must delete nothing", file: file, line: line)
    }

    private func freshSimulatorAndRepository() async throws {
        await sim.stop()
        sim = try await startSimulator()
        repo = try ScratchRepo(testName: name)
        try configure(repo, for: sim)
    }

    // The only two things the scenario asks of the tracker, through the simulator's admin API.
    private func addRemote(title: String, description: String) async throws {
        try await sim.addIssue(["title": title, "body": description])
    }

    private func editRemote(_ key: String, description: String) async throws {
        try await sim.patch(key, ["body": description])
    }
}
