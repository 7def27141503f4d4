import Foundation
import TrackerTesting
import XCTest
@testable import SyncEngine

/// What the run after an interrupted one finishes, and how it says so.
final class RecoveryTests: XCTestCase {
    /// Issue 9, item 14: a recovering commit says what it holds, not "update baseline".
    func testTheRecoveringCommitNamesTheItemsItAdds() async throws {
        let sandbox = try EngineSandbox()
        sandbox.tracker.add(EngineSandbox.content("First remote"))
        sandbox.tracker.add(EngineSandbox.content("Second remote"))
        let stopper = StepStopper(stopAfter: "rename:meta/work/0002-second-remote.md")
        _ = try? await SyncSession.run(sandbox.options(), environment: sandbox.environment(observe: stopper.observe))
        XCTAssertEqual(stopper.steps.last?.description, "rename:meta/work/0002-second-remote.md")

        let report = try await sandbox.sync()

        XCTAssertEqual(report.exitCode, 0)
        XCTAssertNotNil(report.commit)
        let message = try sandbox.git("log", "-1", "--format=%B")
        XCTAssertTrue(message.hasPrefix("sync-work-items: 2 new (Fake Tracker)\n"), message)
        XCTAssertTrue(message.contains("new 0001 FAKE-1 First remote (finished after an interrupted run)"), message)
        XCTAssertTrue(message.contains("new 0002 FAKE-2 Second remote (finished after an interrupted run)"), message)
        XCTAssertEqual(try sandbox.statusLines(), [])
    }

    /// Issue 13, part 1, as an older version left it: HEAD moved to the sync commit, the index still at the parent.
    /// The next run repairs the index, so the user's next commit deletes nothing.
    func testAnIndexLeftBehindHeadByAnOlderVersionIsRepaired() async throws {
        let sandbox = try EngineSandbox()
        sandbox.tracker.add(EngineSandbox.content("First remote"))
        sandbox.tracker.add(EngineSandbox.content("Second remote"))
        let stopper = StepStopper(stopAfter: "rename:\(sandbox.baselinePath)")
        _ = try? await SyncSession.run(sandbox.options(), environment: sandbox.environment(observe: stopper.observe))
        // What the old order did: commit the written files and move HEAD, then die before writing the index.
        try sandbox.git("add", "-A", "meta/work", ".accelerator/state")
        let tree = try sandbox.git("write-tree").trimmingCharacters(in: .whitespacesAndNewlines)
        try sandbox.git("reset", "-q")
        let commit = try sandbox.git("commit-tree", tree, "-p", "HEAD", "-m", "sync-work-items: 2 new (Fake Tracker)")
            .trimmingCharacters(in: .whitespacesAndNewlines)
        try sandbox.git("update-ref", "HEAD", commit)
        XCTAssertEqual(try sandbox.stagedSyncPaths().count, 3, "the broken state: three sync paths staged for deletion")

        let report = try await sandbox.sync()

        XCTAssertEqual(report.exitCode, 0)
        XCTAssertEqual(try sandbox.stagedSyncPaths(), [])
        XCTAssertEqual(try sandbox.statusLines(), [])
        try sandbox.write("unrelated.txt", "x\n")
        try sandbox.git("add", "unrelated.txt")
        try sandbox.git("commit", "-q", "-m", "Unrelated")
        XCTAssertEqual(try sandbox.git("diff", "--name-status", "HEAD~1", "HEAD"), "A\tunrelated.txt\n")
    }

    /// A staged change of the user's that the journal does not account for is never repaired away.
    func testAUsersStagedChangeToASyncPathIsNotTheSyncs() async throws {
        let sandbox = try EngineSandbox()
        try sandbox.addItem(id: "0001", title: "Mine")
        try sandbox.commitAll("Item")
        _ = try await sandbox.sync { $0.pushNew = .all }
        sandbox.tracker.add(EngineSandbox.content("Arrives"))
        let stopper = StepStopper(stopAfter: "index-write")
        _ = try? await SyncSession.run(sandbox.options(), environment: sandbox.environment(observe: stopper.observe))
        try sandbox.write("meta/work/0001-mine.md", EngineSandbox.workItem(id: "0001", title: "Mine", key: "FAKE-1",
            summary: "My staged edit."))
        try sandbox.git("add", "meta/work/0001-mine.md")

        let report = try await sandbox.sync()

        XCTAssertEqual(report.exitCode, 0)
        XCTAssertEqual(try sandbox.statusLines(), ["M  meta/work/0001-mine.md"])
        XCTAssertTrue(try sandbox.git("show", ":meta/work/0001-mine.md").contains("My staged edit."))
        XCTAssertTrue(try sandbox.git("show", "HEAD:meta/work/0002-arrives.md").contains("Arrives"))
    }
}
