import Foundation
import TrackerTesting
import XCTest
@testable import SyncEngine

/// `--forget ID`: the way out for an item deleted in a commit when the user does not want it back.
final class ForgetTests: XCTestCase {
    private func deletedItem() async throws -> (EngineSandbox, key: String, path: String) {
        let sandbox = try EngineSandbox()
        let remote = sandbox.tracker.add(EngineSandbox.content("Not wanted here"))
        _ = try await sandbox.sync()
        let path = "meta/work/0001-not-wanted-here.md"
        try sandbox.git("rm", "-q", path)
        try sandbox.git("commit", "-q", "-m", "Drop it")
        return (sandbox, remote.key, path)
    }

    func testAForgottenItemIsLeftAloneForGood() async throws {
        let (sandbox, key, _) = try await deletedItem()

        let forget = try await sandbox.sync { $0.forget = ["0001"] }

        XCTAssertEqual(forget.exitCode, 0)
        XCTAssertEqual(try sandbox.git("log", "-1", "--format=%s"), "sync-work-items: 1 forgotten (Fake Tracker)\n")
        XCTAssertTrue(try sandbox.git("log", "-1", "--format=%b").contains("forget 0001 \(key)"))
        XCTAssertTrue(sandbox.read(sandbox.baselinePath)?.contains("\"forgotten_key\": \"\(key)\"") ?? false)
        sandbox.tracker.edit(key) { $0.title = "Changed after forgetting" }
        let later = try await sandbox.sync { $0.all = true }
        XCTAssertEqual(later.exitCode, 0)
        XCTAssertTrue(later.outcomes.isEmpty, "\(later.outcomes.map { "\($0.id) \($0.action)" })")
        XCTAssertEqual(sandbox.workFiles(), [])
        XCTAssertEqual(sandbox.tracker.item(key)?.content.title, "Changed after forgetting", "the remote item is untouched")
        XCTAssertEqual(try sandbox.statusLines(), [])
    }

    func testRestoringAForgottenItemTracksItAgain() async throws {
        let (sandbox, key, path) = try await deletedItem()
        _ = try await sandbox.sync { $0.forget = ["0001"] }
        try sandbox.git("checkout", "HEAD~2", "--", path)
        try sandbox.git("commit", "-q", "-m", "Back again")
        sandbox.tracker.edit(key) { $0.description = "## Summary\n\nPulled into the restored file.\n" }

        let report = try await sandbox.sync()

        XCTAssertEqual(report.exitCode, 0)
        XCTAssertTrue(sandbox.read(path)?.contains("Pulled into the restored file.") ?? false)
        XCTAssertFalse(sandbox.read(sandbox.baselinePath)?.contains("forgotten_key") ?? true)
    }

    func testOnlyDeletedItemsCanBeForgotten() async throws {
        let sandbox = try EngineSandbox()
        sandbox.tracker.add(EngineSandbox.content("Still here"))
        _ = try await sandbox.sync()
        let head = try sandbox.headID()

        let failure = await sandbox.failingSync { $0.forget = ["0001"] }

        XCTAssertEqual(failure?.exitCode, 2)
        XCTAssertTrue(failure?.message.contains("--forget 0001") ?? false, failure?.message ?? "")
        XCTAssertEqual(try sandbox.headID(), head)
    }
}
