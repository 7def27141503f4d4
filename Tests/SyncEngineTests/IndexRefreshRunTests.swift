import Foundation
@testable import GitStore
import XCTest
@testable import SyncEngine

/// Work items whose stat data no longer matches the index (touched, copied, restored) are hashed by every walk of
/// the working tree until the index is refreshed. A sync and `status` refresh it, as `git status` does; a preview
/// writes nothing. `git diff-files` is the oracle: it lists stale entries and never refreshes the index itself.
final class IndexRefreshRunTests: XCTestCase {
    private let count = IndexRefresh.worthwhile + 20

    func testAPreviewLeavesAStaleIndexAndASyncRefreshesIt() async throws {
        let sandbox = try await touchedSandbox()
        let index = try indexBytes(sandbox)

        let previewed = try await sandbox.sync { $0.preview = true }
        XCTAssertEqual(previewed.exitCode, 0)
        XCTAssertEqual(previewed.outcomes.count, 0)
        XCTAssertEqual(try indexBytes(sandbox), index, "a preview writes nothing")

        let synced = try await sandbox.sync()
        XCTAssertEqual(synced.exitCode, 0)
        XCTAssertEqual(synced.outcomes.count, 0)
        XCTAssertEqual(synced.unchangedCount, count)
        XCTAssertEqual(try staleEntries(sandbox), [])
        XCTAssertEqual(try sandbox.statusLines(), [])
    }

    func testStatusRefreshesAStaleIndex() async throws {
        let sandbox = try await touchedSandbox()

        let report = try StatusReport.compute(environment: sandbox.environment())

        XCTAssertEqual(report.entries.count, 0)
        XCTAssertEqual(report.unchangedCount, count)
        XCTAssertEqual(try staleEntries(sandbox), [])
    }

    /// `count` items pulled and committed, then every work file dated back a year.
    private func touchedSandbox() async throws -> EngineSandbox {
        let sandbox = try EngineSandbox()
        for number in 0..<count { sandbox.tracker.add(EngineSandbox.content("Item \(number)")) }
        let pulled = try await sandbox.sync { $0.maxPulls = 1_000 }
        XCTAssertEqual(pulled.exitCode, 0)
        XCTAssertEqual(sandbox.workFiles().count, count)
        sandbox.clock.advance(by: 3600)
        let earlier = Date(timeIntervalSinceNow: -365 * 24 * 3600)
        for file in sandbox.workFiles() {
            try FileManager.default.setAttributes([.modificationDate: earlier], ofItemAtPath: sandbox.repo + "/" + sandbox.workPath + "/" + file)
        }
        XCTAssertEqual(try staleEntries(sandbox).count, count)
        return sandbox
    }

    private func staleEntries(_ sandbox: EngineSandbox) throws -> [String] {
        try sandbox.git("diff-files", "--name-only").split(separator: "\n").map(String.init)
    }

    private func indexBytes(_ sandbox: EngineSandbox) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: sandbox.repo + "/.git/index"))
    }
}
