import Foundation
import Trackers
import WorkItems
import XCTest
@testable import SyncEngine

/// A tracked item whose key changed remotely (a Linear issue moved to another team) is followed by the stable id
/// the baseline keeps: its file gets the new key, and the new key is never pulled as a second, new item.
final class MovedItemPlannerTests: XCTestCase {
    private func input(_ local: [LocalItem], _ remote: [RemoteItem], baseline: Baseline, mode: SyncMode = .bidirectional) -> PlanInput {
        PlanInput(localItems: local, remoteItems: remote, baseline: baseline, mode: mode,
            discoveryKeys: Set(remote.map(\.key)), representable: coarseStatus,
            idPattern: try! IdPattern("{number:04d}"), projectCode: nil, workPath: "meta/work")
    }

    private func moved(_ r: RemoteItem, to key: String, id: String) -> RemoteItem {
        var out = r
        out.key = key
        out.remoteID = id
        out.updatedAt = "2026-11-05T00:00:00Z"
        return out
    }

    private func synced(_ item: LocalItem, _ r: RemoteItem, id: String?) -> Baseline {
        Baseline(items: [item.id: BaselineEntry(remoteUpdatedAt: r.updatedAt, remoteHash: r.content.contentHash(),
            localHash: item.content.contentHash(), localBlob: item.blobID, remoteID: id)])
    }

    func testAMoveAloneBecomesAPullThatWritesTheNewKey() {
        let item = localItem(document(id: "0001", title: "Alpha", key: "ENG-42"))
        let before = remote("ENG-42", title: "Alpha")
        let after = moved(before, to: "OPS-7", id: "uuid-1")
        let plan = Planner.plan(input([item], [after], baseline: synced(item, before, id: "uuid-1")))
        XCTAssertEqual(plan.items.map(\.action), [.pull], "\(plan.items.map { ($0.action, $0.key ?? "") })")
        XCTAssertEqual(plan.items[0].key, "OPS-7")
        XCTAssertEqual(plan.items[0].movedFrom, "ENG-42")
        XCTAssertEqual(plan.items[0].content?.title, "Alpha")
    }

    func testALocalEditPushesToTheNewKey() {
        let before = remote("ENG-42", title: "Alpha")
        let old = localItem(document(id: "0001", title: "Alpha", key: "ENG-42"), blob: "blob-1")
        let edited = localItem(document(id: "0001", title: "Alpha, edited", key: "ENG-42"), blob: "blob-2")
        var baseline = synced(old, before, id: "uuid-1")
        baseline.items["0001"]?.remoteUpdatedAt = "2026-11-05T00:00:00Z"
        let after = moved(before, to: "OPS-7", id: "uuid-1")
        let plan = Planner.plan(input([edited], [after], baseline: baseline))
        XCTAssertEqual(plan.items.map(\.action), [.push])
        XCTAssertEqual(plan.items[0].key, "OPS-7")
        XCTAssertEqual(plan.items[0].movedFrom, "ENG-42")
    }

    func testWithoutARecordedIdTheNewKeyIsANewItemAsBefore() {
        let item = localItem(document(id: "0001", title: "Alpha", key: "ENG-42"))
        let before = remote("ENG-42", title: "Alpha")
        let plan = Planner.plan(input([item], [moved(before, to: "OPS-7", id: "uuid-1")], baseline: synced(item, before, id: nil)))
        XCTAssertEqual(plan.items.map(\.action), [.new])
    }

    func testPushOnlyLeavesTheFileAlone() {
        let item = localItem(document(id: "0001", title: "Alpha", key: "ENG-42"))
        let before = remote("ENG-42", title: "Alpha")
        let plan = Planner.plan(input([item], [moved(before, to: "OPS-7", id: "uuid-1")], baseline: synced(item, before, id: "uuid-1"),
            mode: .pushOnly))
        XCTAssertEqual(plan.items.map(\.action), [.skip])
        XCTAssertEqual(plan.items[0].reason, .pushOnly)
        XCTAssertFalse(plan.items.contains { $0.action == .new })
    }

    func testTheBaselineKeepsTheStableId() throws {
        let text = Baseline(items: ["0001": BaselineEntry(remoteUpdatedAt: "t", remoteHash: "h", localHash: "l", localBlob: "b",
            remoteID: "uuid-1")]).encoded()
        XCTAssertTrue(text.contains("\"remote_id\": \"uuid-1\""), text)
        XCTAssertEqual(try Baseline.decode(Data(text.utf8), path: "x").items["0001"]?.remoteID, "uuid-1")
    }
}
