import Foundation
import TrackerTesting
import XCTest
@testable import SyncEngine

/// Issue 9, item 10 (safety invariant 7): a tracked item deleted in a commit is a local change, reported and never
/// pulled again under a new id; the same for a file replaced by a symbolic link.
final class DeletedItemTests: XCTestCase {
    /// A remote item pulled as 0001 and committed; returns its key and path.
    private func pulledItem(_ sandbox: EngineSandbox) async throws -> (key: String, path: String) {
        let remote = sandbox.tracker.add(EngineSandbox.content("Tracked then deleted"))
        let first = try await sandbox.sync()
        XCTAssertEqual(first.exitCode, 0)
        let path = "meta/work/0001-tracked-then-deleted.md"
        XCTAssertTrue(sandbox.exists(path))
        return (remote.key, path)
    }

    func testACommittedDeletionIsReportedAndNeverPulledAgain() async throws {
        let sandbox = try EngineSandbox()
        let (key, path) = try await pulledItem(sandbox)
        try sandbox.git("rm", "-q", path)
        try sandbox.git("commit", "-q", "-m", "Drop the item")
        let deletion = String(try sandbox.headID().prefix(7))
        sandbox.tracker.edit(key) { $0.title = "Edited after the deletion" }

        let report = try await sandbox.sync()

        XCTAssertEqual(sandbox.workFiles(), [], "the deleted item must not come back under a new id")
        XCTAssertEqual(try sandbox.statusLines(), [])
        let outcome = try XCTUnwrap(report.outcomes.first { $0.key == key }, "\(report.outcomes.map(\.id))")
        XCTAssertEqual(outcome.reason?.rawValue, "deleted-locally")
        XCTAssertEqual(outcome.id, "0001")
        let message = outcome.message ?? ""
        XCTAssertTrue(message.contains("git checkout \(deletion)^ -- \(path)"), message)
        XCTAssertTrue(message.contains("--forget 0001"), message)
        XCTAssertEqual(report.exitCode, 4, "the user has to choose: restore it or forget it")
    }

    func testAFileReplacedByALinkIsReportedTheSameWay() async throws {
        let sandbox = try EngineSandbox()
        let (key, path) = try await pulledItem(sandbox)
        try FileManager.default.removeItem(atPath: sandbox.repo + "/" + path)
        try FileManager.default.createSymbolicLink(atPath: sandbox.repo + "/" + path, withDestinationPath: "../../README.md")
        try sandbox.commitAll("Link instead")
        sandbox.tracker.edit(key) { $0.description = "## Summary\n\nChanged remotely.\n" }

        let report = try await sandbox.sync()

        XCTAssertEqual(sandbox.workFiles(), ["0001-tracked-then-deleted.md"], "only the link, nothing new")
        let outcome = try XCTUnwrap(report.outcomes.first { $0.key == key })
        XCTAssertEqual(outcome.reason?.rawValue, "deleted-locally")
        XCTAssertTrue(outcome.message?.contains("symbolic link") ?? false, outcome.message ?? "")
        XCTAssertEqual(try String(contentsOfFile: sandbox.repo + "/README.md", encoding: .utf8), "A repository.\n",
            "the link's target is never written")
        XCTAssertEqual(report.exitCode, 4)
    }
}
