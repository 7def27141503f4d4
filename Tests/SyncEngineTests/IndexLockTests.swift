import Foundation
import TrackerTesting
import XCTest
@testable import SyncEngine

/// Issue 9, item 14: a held index lock is noticed before anything is written, and a commit says what it holds.
final class IndexLockTests: XCTestCase {
    func testAHeldIndexLockStopsTheRunBeforeAnyWrite() async throws {
        let sandbox = try EngineSandbox()
        sandbox.tracker.add(EngineSandbox.content("First remote"))
        sandbox.tracker.add(EngineSandbox.content("Second remote"))
        try sandbox.write(".git/index.lock", "")
        let head = try sandbox.headID()

        let failure = await sandbox.failingSync()

        XCTAssertEqual(failure?.exitCode, 4, failure?.message ?? "")
        XCTAssertTrue(failure?.message.contains("another git process is using the index") ?? false, failure?.message ?? "")
        XCTAssertEqual(sandbox.workFiles(), [], "no work file may be written while the index is locked")
        XCTAssertFalse(sandbox.exists(sandbox.baselinePath), "nor the baseline")
        XCTAssertEqual(try sandbox.headID(), head)
        XCTAssertTrue(sandbox.exists(".git/index.lock"), "another process's lock is never removed")
    }

    func testTheRunAfterTheLockIsGoneCommitsWhatItPulledUnderItsName() async throws {
        let sandbox = try EngineSandbox()
        sandbox.tracker.add(EngineSandbox.content("First remote"))
        sandbox.tracker.add(EngineSandbox.content("Second remote"))
        try sandbox.write(".git/index.lock", "")
        _ = await sandbox.failingSync()
        try FileManager.default.removeItem(atPath: sandbox.repo + "/.git/index.lock")

        let report = try await sandbox.sync()

        XCTAssertEqual(report.exitCode, 0)
        let subject = try sandbox.git("log", "-1", "--format=%s").trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertEqual(subject, "sync-work-items: 2 new (Fake Tracker)")
        XCTAssertEqual(try sandbox.statusLines(), [])
    }
}
