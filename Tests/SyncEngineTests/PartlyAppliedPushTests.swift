import Foundation
import Trackers
import WorkItems
import XCTest
@testable import SyncEngine

/// A push whose update takes several requests (Jira: the edit, then the transition) and is cut short between them
/// (a kill, a lost connection) leaves the tracker between the last sync and the local version. The next run must
/// finish the push, not report a conflict the user never made; a remote change of its own is still a conflict.
final class PartlyAppliedPushTests: XCTestCase {
    /// Every field counts: a tracker with workflows holds `in-progress`.
    private let everyField: @Sendable (WorkItemContent) -> WorkItemContent = { $0 }

    private let lastSynced = localItem(document(id: "0001", title: "T", key: "ENG-1"), blob: "synced")
    private let edited = localItem(document(id: "0001", title: "T", status: "in-progress", body: "## Summary\n\nLocal.\n",
                                            key: "ENG-1"), blob: "edited")
    private let before = remote("ENG-1", title: "T")

    private func plan(remote now: RemoteItem) -> Plan {
        var item = edited
        item.syncedContent = lastSynced.content
        let entry = BaselineEntry(remoteUpdatedAt: before.updatedAt, remoteHash: before.content.contentHash(),
                                  localHash: lastSynced.content.contentHash(), localBlob: lastSynced.blobID)
        return Planner.plan(PlanInput(localItems: [item], remoteItems: [now], baseline: Baseline(items: ["0001": entry]),
            mode: .bidirectional, discoveryKeys: [], representable: everyField, idPattern: try! IdPattern("{number:04d}"),
            projectCode: nil, workPath: "meta/work"))
    }

    func testARemoteThatHoldsPartOfTheLocalEditIsPushedTheRestNotAConflict() {
        // The edit went through, the transition did not.
        let partly = remote("ENG-1", title: "T", body: "## Summary\n\nLocal.\n", updated: "2026-11-02T00:00:00Z")

        let plan = plan(remote: partly)

        XCTAssertEqual(plan.items.map(\.action), [.push])
        XCTAssertNil(plan.items.first?.reason)
        XCTAssertEqual(plan.items.first?.content?.status, "in-progress")
        XCTAssertEqual(plan.items.first?.previous, partly.content, "what differs from what the tracker holds now goes")
    }

    func testARemoteChangeOfItsOwnBesidePartOfTheLocalEditIsStillAConflict() {
        let partlyAndRenamed = remote("ENG-1", title: "Renamed remotely", body: "## Summary\n\nLocal.\n",
                                      updated: "2026-11-02T00:00:00Z")
        XCTAssertEqual(plan(remote: partlyAndRenamed).items.map(\.action), [.conflict])
    }

    func testARemoteThatMovedAFieldElsewhereIsStillAConflict() {
        let closed = remote("ENG-1", title: "T", status: "done", body: "## Summary\n\nLocal.\n", updated: "2026-11-02T00:00:00Z")
        XCTAssertEqual(plan(remote: closed).items.map(\.action), [.conflict])
    }
}
