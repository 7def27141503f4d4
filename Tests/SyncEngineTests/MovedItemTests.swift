import Foundation
import TrackerTesting
import XCTest
@testable import SyncEngine

/// An item that moves remotely to another project (a Linear issue to another team) keeps its local file: the sync
/// follows it by the stable id in the baseline and writes the new key, in every mode that may write locally.
final class MovedItemTests: XCTestCase {
    func testAMovedItemGetsItsNewKeyAndIsNotPulledTwice() async throws {
        let sandbox = try EngineSandbox()
        try sandbox.addItem(id: "0001", title: "Travels")
        try sandbox.commitAll("Item")
        _ = try await sandbox.sync { $0.pushNew = .all }
        XCTAssertTrue(try sandbox.git("show", "HEAD:\(sandbox.baselinePath)").contains("\"remote_id\": \"fake-id-1\""))

        let moved = try XCTUnwrap(sandbox.tracker.move("FAKE-1", to: "OPS"))
        XCTAssertEqual(moved.key, "OPS-1")
        let report = try await sandbox.sync { $0.all = true }

        XCTAssertEqual(report.exitCode, 0)
        XCTAssertEqual(report.outcomes.map(\.action), [.pull], "\(report.outcomes.map { ($0.id, $0.action, $0.key ?? "") })")
        let files = try sandbox.git("ls-files", sandbox.workPath).split(separator: "\n")
        XCTAssertEqual(files, ["meta/work/0001-travels.md"], "no second item for the new key")
        let text = try XCTUnwrap(sandbox.read("meta/work/0001-travels.md"))
        XCTAssertTrue(text.contains("external_id: OPS-1"), text)
        XCTAssertEqual(try sandbox.statusLines(), [])

        let again = try await sandbox.sync { $0.all = true }
        XCTAssertEqual(again.outcomes.count, 0, "\(again.outcomes.map { ($0.id, $0.action) })")
    }

    func testALocalEditToAMovedItemIsPushedToItsNewKey() async throws {
        let sandbox = try EngineSandbox()
        try sandbox.addItem(id: "0001", title: "Travels")
        try sandbox.commitAll("Item")
        _ = try await sandbox.sync { $0.pushNew = .all }
        sandbox.tracker.move("FAKE-1", to: "OPS")
        _ = try await sandbox.sync()
        try sandbox.write("meta/work/0001-travels.md", EngineSandbox.workItem(id: "0001", title: "Travels", key: "OPS-1",
            summary: "Edited after the move."))
        try sandbox.commitAll("Edit")

        let report = try await sandbox.sync()

        XCTAssertEqual(report.outcomes.map(\.action), [.push])
        XCTAssertEqual(sandbox.tracker.item("OPS-1")?.content.description, "## Summary\n\nEdited after the move.\n")
    }
}
