import Foundation
import TrackerTesting
import XCTest
@testable import SyncEngine

/// Issue 9, items 7, 8, 9 and 16: what the sync refuses locally, when, and with which exit code.
final class LocalSafetyTests: XCTestCase {
    /// Item 7: a local write that fails is a failed item, and a failed item is never exit 0.
    func testALocalWriteThatFailsGivesExitFour() async throws {
        let sandbox = try EngineSandbox()
        let remote = sandbox.tracker.add(EngineSandbox.content("Blocked here"))
        // An empty folder where the new item's file would go: git does not see it, the write cannot replace it.
        try FileManager.default.createDirectory(atPath: sandbox.repo + "/meta/work/0001-blocked-here.md",
            withIntermediateDirectories: true)

        let report = try await sandbox.sync()

        let outcome = try XCTUnwrap(report.outcomes.first { $0.key == remote.key })
        XCTAssertEqual(outcome.state, .failed)
        XCTAssertTrue(outcome.message?.contains("meta/work/0001-blocked-here.md") ?? false, outcome.message ?? "")
        XCTAssertEqual(report.exitCode, 4)
    }

    /// A killed run's temporaries, in the work and state folders, go at the start of the next run. Every other name
    /// stays, hidden or not, however close to one.
    func testASyncRemovesTheTemporariesAKilledRunLeftAndNothingElse() async throws {
        let sandbox = try EngineSandbox()
        sandbox.tracker.add(EngineSandbox.content("Pulled"))
        let left = [sandbox.workPath + "/.0009-left.md.sync-work-items.tmp", sandbox.statePath + "/.last-sync.json.sync-work-items.tmp"]
        let kept = [sandbox.workPath + "/.hidden", sandbox.workPath + "/.0008-x.md.sync-work-items.tmp.keep",
                    sandbox.workPath + "/0007-x.md.sync-work-items.tmp", sandbox.workPath + "/.sync-work-items.tm"]
        for path in left + kept { try sandbox.write(path, "leftover\n") }

        let report = try await sandbox.sync()

        XCTAssertEqual(report.exitCode, 0)
        for path in left { XCTAssertFalse(sandbox.exists(path), path) }
        for path in kept { XCTAssertEqual(sandbox.read(path), "leftover\n", path) }
    }

    func testEveryFailedItemGivesANonZeroExit() {
        func report(_ outcome: ItemOutcome) -> SyncReport {
            SyncReport(integration: "x", trackerName: "X", mode: .bidirectional, preview: false, outcomes: [outcome],
                problems: [], unchangedCount: 0, commit: nil, requestCount: 0, refusal: nil, interrupted: false, headNote: nil)
        }
        let local = ItemOutcome(id: "0001", key: nil, path: "meta/work/0001-x.md", title: "X", action: .pull, state: .failed,
            reason: nil, message: "refused", diff: nil, error: nil)
        var retryable = local
        retryable.error = .unavailable("503")
        XCTAssertEqual(report(local).exitCode, 4)
        XCTAssertEqual(report(retryable).exitCode, 70)
    }

    /// Item 8: the state folder linked out of the repository is refused before anything is written or created,
    /// with exit 4, not "internal error".
    func testAStateFolderLinkedOutsideIsRefusedBeforeAnyWrite() async throws {
        let sandbox = try EngineSandbox()
        let outside = sandbox.base + "/outside"
        try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: sandbox.repo + "/.accelerator", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: sandbox.repo + "/.accelerator/state", withDestinationPath: outside)
        sandbox.tracker.add(EngineSandbox.content("Would be pulled"))
        let head = try sandbox.headID()

        let failure = await sandbox.failingSync()

        XCTAssertEqual(failure?.exitCode, 4, failure?.message ?? "")
        XCTAssertTrue(failure?.message.contains(".accelerator/state") ?? false, failure?.message ?? "")
        XCTAssertTrue(failure?.message.contains("outside the repository") ?? false, failure?.message ?? "")
        XCTAssertFalse(failure?.message.contains("\n") ?? true)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: outside), [], "nothing may be created outside")
        XCTAssertEqual(sandbox.workFiles(), [], "nothing may be written before the refusal")
        XCTAssertEqual(try sandbox.headID(), head)
    }

    /// Item 8 (and the example of item 7): the work folder linked out of the repository.
    func testAWorkFolderLinkedOutsideIsRefusedBeforeAnyWrite() async throws {
        let sandbox = try EngineSandbox()
        let outside = sandbox.base + "/elsewhere"
        try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: sandbox.repo + "/meta", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: sandbox.repo + "/meta/work", withDestinationPath: outside)
        sandbox.tracker.add(EngineSandbox.content("Would be pulled"))

        let failure = await sandbox.failingSync()

        XCTAssertEqual(failure?.exitCode, 4, failure?.message ?? "")
        XCTAssertTrue(failure?.message.contains("meta/work") ?? false, failure?.message ?? "")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: outside), [])
        XCTAssertFalse(sandbox.exists(sandbox.statePath), "no state written either")
    }

    /// Item 9: the work or state folder inside `.git` is a configuration error (73), before anything is written.
    func testPathsInsideGitAreRefusedAtConfigurationTime() async throws {
        for (key, value) in [("work", ".git/work"), ("integrations", ".git/state"), ("work", "sub/.GIT/items")] {
            let sandbox = try EngineSandbox(extraConfig: "paths:\n  \(key): \(value)\n")
            sandbox.tracker.add(EngineSandbox.content("Would be pulled"))

            let failure = await sandbox.failingSync()

            XCTAssertEqual(failure?.exitCode, 73, "\(key): \(failure?.message ?? "")")
            XCTAssertTrue(failure?.message.contains("paths.\(key)") ?? false, failure?.message ?? "")
            XCTAssertTrue(failure?.message.contains(".git") ?? false, failure?.message ?? "")
            XCTAssertFalse(FileManager.default.fileExists(atPath: sandbox.repo + "/" + value), value)
        }
    }

    /// Item 16: a brand-new repository with no commit and no configuration reports the missing integration first.
    func testABrandNewRepositoryReportsTheMissingIntegrationFirst() async throws {
        let sandbox = try EngineSandbox(initialCommit: false, configure: false)

        let failure = await sandbox.failingSync()

        XCTAssertEqual(failure?.exitCode, 73, failure?.message ?? "")
        XCTAssertTrue(failure?.message.contains("no integration configured") ?? false, failure?.message ?? "")
    }

    /// Once configured, the missing first commit is the next thing to say.
    func testAConfiguredRepositoryWithoutCommitsSaysSo() async throws {
        let sandbox = try EngineSandbox(initialCommit: false)

        let failure = await sandbox.failingSync()

        XCTAssertEqual(failure?.exitCode, 4, failure?.message ?? "")
        XCTAssertTrue(failure?.message.contains("no commits yet") ?? false, failure?.message ?? "")
    }
}
