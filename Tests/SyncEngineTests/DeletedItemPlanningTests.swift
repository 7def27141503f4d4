import Foundation
import Trackers
import WorkItems
import XCTest
@testable import SyncEngine

/// The planner's half of invariant 7: a key whose file is gone on purpose is never a new item.
final class DeletedItemPlanningTests: XCTestCase {
    func testDeletedAndForgottenKeysAreNeverPulledAsNew() throws {
        let content = WorkItemContent(title: "Gone", description: "## Summary\n\nText.\n")
        let deletedRemote = RemoteItem(key: "FAKE-1", updatedAt: "2026-01-02T00:00:00Z", content: content)
        let forgottenRemote = RemoteItem(key: "FAKE-2", updatedAt: "2026-01-02T00:00:00Z", content: content)
        let freshRemote = RemoteItem(key: "FAKE-3", updatedAt: "2026-01-02T00:00:00Z", content: content)
        var baseline = Baseline()
        baseline.items["0001"] = BaselineEntry(remoteUpdatedAt: "2026-01-01T00:00:00Z", remoteHash: nil, localHash: nil, localBlob: "b")
        let deleted = DeletedItem(id: "0001", key: "FAKE-1", path: "meta/work/0001-gone.md", detail: "restore it or forget it")

        let plan = Planner.plan(PlanInput(
            localItems: [], remoteItems: [deletedRemote, forgottenRemote, freshRemote], baseline: baseline, mode: .bidirectional,
            discoveryKeys: ["FAKE-1", "FAKE-2", "FAKE-3"], representable: { $0 }, idPattern: try IdPattern("{number:04d}"),
            projectCode: nil, workPath: "meta/work", deletedItems: [deleted], forgottenKeys: ["FAKE-2"]))

        XCTAssertEqual(plan.items.filter { $0.action == .new }.map(\.key), ["FAKE-3"])
        let report = try XCTUnwrap(plan.items.first { $0.id == "0001" })
        XCTAssertEqual(report.action, .skip)
        XCTAssertEqual(report.reason, .deletedLocally)
        XCTAssertEqual(report.detail, "restore it or forget it")
        XCTAssertTrue(report.needsHuman)
        XCTAssertEqual(plan.items.first { $0.action == .new }?.id, "0002", "the deleted item's id stays taken")
    }
}
