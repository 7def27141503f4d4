import Foundation
import Trackers
import WorkItems
import XCTest
@testable import SyncEngine

/// A GitHub-like mapping: open/closed only, no parent.
let coarseStatus: @Sendable (WorkItemContent) -> WorkItemContent = { content in
    var c = content
    switch content.status {
    case "done", "abandoned": break
    case nil: break
    default: c.status = "ready"
    }
    c.parent = nil
    return c
}

func document(id: String, title: String, status: String = "ready", body: String = "## Summary\n\nText.\n",
              key: String? = nil, parent: String? = nil) -> WorkItemDocument {
    var text = "---\nid: \"\(id)\"\ntitle: \"\(title)\"\nkind: story\nstatus: \(status)\npriority: medium\ntags: []\n"
    if let parent { text += "parent: \"\(parent)\"\n" }
    if let key { text += "external_id: \(key)\n" }
    text += "---\n\n# \(id): \(title)\n\n" + body
    return try! WorkItemDocument(text: text)
}

func localItem(_ doc: WorkItemDocument, path: String? = nil, blob: String = "blob-1", dirty: Bool = false) -> LocalItem {
    let identity = WorkItemIdentity(document: doc)
    let id = identity.localID!
    return LocalItem(id: id, path: path ?? "meta/work/\(id)-x.md", document: doc, blobID: blob, identity: identity,
        isDirty: dirty, content: doc.localContent())
}

func remote(_ key: String, title: String, status: String = "ready", body: String = "## Summary\n\nText.\n",
            updated: String = "2026-11-01T00:00:00Z", created: String = "2026-10-01T00:00:00Z", parent: String? = nil) -> RemoteItem {
    RemoteItem(key: key, updatedAt: updated, createdAt: created, content: WorkItemContent(
        title: title, description: body, status: status, priority: "medium", kind: "story", tags: [], parent: parent))
}

final class PlannerTests: XCTestCase {
    private func input(_ local: [LocalItem], _ remote: [RemoteItem], baseline: Baseline = Baseline(),
                       mode: SyncMode = .bidirectional, discovery: Set<String>? = nil) -> PlanInput {
        PlanInput(localItems: local, remoteItems: remote, baseline: baseline, mode: mode,
            discoveryKeys: discovery ?? Set(remote.map(\.key)), representable: coarseStatus,
            idPattern: try! IdPattern("{number:04d}"), projectCode: nil, workPath: "meta/work")
    }

    private func synced(_ item: LocalItem, _ r: RemoteItem) -> BaselineEntry {
        BaselineEntry(remoteUpdatedAt: r.updatedAt, remoteHash: r.content.contentHash(),
            localHash: item.content.contentHash(), localBlob: item.blobID)
    }

    func testRemoteChangeIsPulledKeepingTheLocalStatusTheTrackerCannotExpress() {
        let item = localItem(document(id: "0001", title: "Old", status: "in-progress", key: "o/r#1"))
        let before = remote("o/r#1", title: "Old")
        let after = remote("o/r#1", title: "New title", updated: "2026-11-02T00:00:00Z")
        let plan = Planner.plan(input([item], [after], baseline: Baseline(items: ["0001": synced(item, before)])))
        XCTAssertEqual(plan.items.map(\.action), [.pull])
        XCTAssertEqual(plan.items[0].content?.title, "New title")
        XCTAssertEqual(plan.items[0].content?.status, "in-progress", "open on GitHub must not coarsen in-progress")
    }

    func testRemoteClosingMovesTheLocalStatus() {
        let item = localItem(document(id: "0001", title: "T", status: "in-progress", key: "o/r#1"))
        let before = remote("o/r#1", title: "T")
        let after = remote("o/r#1", title: "T", status: "done", updated: "2026-11-02T00:00:00Z")
        let plan = Planner.plan(input([item], [after], baseline: Baseline(items: ["0001": synced(item, before)])))
        XCTAssertEqual(plan.items.first?.content?.status, "done")
    }

    func testLocalChangeIsPushedWithTheParentTranslatedToItsRemoteKey() {
        let parent = localItem(document(id: "0001", title: "Epic", key: "o/r#1"), blob: "p")
        let child0 = localItem(document(id: "0002", title: "Child", key: "o/r#2", parent: "work-item:0001"), blob: "old")
        let child = localItem(document(id: "0002", title: "Child, edited", key: "o/r#2", parent: "work-item:0001"), blob: "new")
        let r = remote("o/r#2", title: "Child")
        let baseline = Baseline(items: ["0002": synced(child0, r), "0001": synced(parent, remote("o/r#1", title: "Epic"))])
        let plan = Planner.plan(input([parent, child], [], baseline: baseline))
        XCTAssertEqual(plan.items.map(\.action), [.push])
        XCTAssertEqual(plan.items[0].content?.parent, "o/r#1")
        XCTAssertEqual(plan.items[0].content?.title, "Child, edited")
    }

    func testBothChangedDifferentlyIsAConflictWithASectionDiff() {
        let old = localItem(document(id: "0001", title: "T", key: "o/r#1"), blob: "a")
        let now = localItem(document(id: "0001", title: "T", body: "## Summary\n\nLocal.\n", key: "o/r#1"), blob: "b")
        let r0 = remote("o/r#1", title: "T")
        let r1 = remote("o/r#1", title: "T", body: "## Summary\n\nRemote.\n", updated: "2026-11-03T00:00:00Z")
        let plan = Planner.plan(input([now], [r1], baseline: Baseline(items: ["0001": synced(old, r0)])))
        XCTAssertEqual(plan.items.map(\.action), [.conflict])
        let rendered = plan.items[0].diff?.render(localLabel: "local", remoteLabel: "remote") ?? ""
        XCTAssertTrue(rendered.contains("-Local."), rendered)
        XCTAssertTrue(rendered.contains("+Remote."), rendered)
    }

    func testBothChangedToTheSameContentOnlyRecords() {
        let old = localItem(document(id: "0001", title: "T", key: "o/r#1"), blob: "a")
        let now = localItem(document(id: "0001", title: "Same", key: "o/r#1"), blob: "b")
        let r1 = remote("o/r#1", title: "Same", updated: "2026-11-03T00:00:00Z")
        let plan = Planner.plan(input([now], [r1], baseline: Baseline(items: ["0001": synced(old, remote("o/r#1", title: "T"))])))
        XCTAssertEqual(plan.items.map(\.action), [.record])
    }

    func testUntrackedRemoteItemsGetTheNextFreeIdsInCreationOrderAndSluggedPaths() {
        let item = localItem(document(id: "0041", title: "Local", key: "o/r#1"))
        var input = input([item], [
            remote("o/r#9", title: "Later ../../etc/passwd", created: "2026-10-05T00:00:00Z"),
            remote("o/r#8", title: "Earlier: Ünïcode & <stuff>", created: "2026-10-02T00:00:00Z"),
            remote("o/r#7", title: "Not in scope"),
            remote("o/r#1", title: "Local"),
        ], discovery: ["o/r#9", "o/r#8", "o/r#1"])
        input.reservedIDs = ["0042"]
        let new = Planner.plan(input).items.filter { $0.action == .new }
        XCTAssertEqual(new.map(\.id), ["0043", "0044"])
        XCTAssertEqual(new.map(\.key), ["o/r#8", "o/r#9"])
        for p in new {
            XCTAssertTrue(p.path.hasPrefix("meta/work/"), p.path)
            XCTAssertFalse(p.path.dropFirst("meta/work/".count).contains("/"), p.path)
            XCTAssertNotNil(p.path.range(of: "^meta/work/[0-9]{4}-[a-z0-9-]+\\.md$", options: .regularExpression), p.path)
        }
    }

    func testPushOnlyNeverCreatesLocalItemsAndPullOnlyNeverOffersCreates() {
        let neverPushed = localItem(document(id: "0001", title: "Local"))
        let r = remote("o/r#5", title: "Remote")
        XCTAssertEqual(Planner.plan(input([neverPushed], [r], mode: .pushOnly)).items.map(\.action), [.skip])
        XCTAssertEqual(Planner.plan(input([neverPushed], [r], mode: .pullOnly)).items.map(\.action), [.new])
    }

    func testAcceptedCreatesAreCreatedAndFoundCreatesAdoptedNotDiscoveredAgain() {
        let a = localItem(document(id: "0001", title: "A"))
        let b = localItem(document(id: "0002", title: "B"))
        let found = remote("o/r#3", title: "B")
        var i = input([a, b], [found])
        i.acceptedCreates = ["0001"]
        i.foundCreates = ["0002": found]
        let plan = Planner.plan(i)
        XCTAssertEqual(plan.items.map(\.action), [.create, .adopt])
        XCTAssertEqual(plan.items[1].key, "o/r#3")
    }

    func testTwoFilesClaimingOneKeyAreBothSkipped() {
        let a = localItem(document(id: "0001", title: "A", key: "o/r#1"))
        let b = localItem(document(id: "0002", title: "B", key: "o/r#1"))
        let plan = Planner.plan(input([a, b], [remote("o/r#1", title: "A")]))
        XCTAssertEqual(plan.items.map(\.reason), [.duplicateKey, .duplicateKey])
        XCTAssertTrue(plan.items.allSatisfy(\.needsHuman))
    }

    func testNoBaselineAndAgreeingContentRecordsWithoutWriting() {
        let item = localItem(document(id: "0001", title: "T", key: "o/r#1"))
        let plan = Planner.plan(input([item], [remote("o/r#1", title: "T")]))
        XCTAssertEqual(plan.items.map(\.action), [.record])
    }

    func testUnchangedItemsProduceNoPlanEntries() {
        let item = localItem(document(id: "0001", title: "T", key: "o/r#1"))
        let r = remote("o/r#1", title: "T")
        let plan = Planner.plan(input([item], [r], baseline: Baseline(items: ["0001": synced(item, r)])))
        XCTAssertTrue(plan.items.isEmpty)
        XCTAssertEqual(plan.unchangedCount, 1)
    }

    func testGateCountsPullsAndPushes() {
        let items = (1...3).map { localItem(document(id: String(format: "%04d", $0), title: "L\($0)")) }
        var i = input(items, (1...4).map { remote("o/r#\($0 + 10)", title: "R\($0)") })
        i.acceptedCreates = Set(items.map(\.id))
        let plan = Planner.plan(i)
        XCTAssertEqual(plan.pullCount, 4)
        XCTAssertEqual(plan.pushCount, 3)
        XCTAssertNil(BlastRadiusGate(maxPulls: 4, maxPushes: 3).check(plan))
        XCTAssertNotNil(BlastRadiusGate(maxPulls: 3, maxPushes: 3).check(plan)?.range(of: "--max-pulls 4"))
    }

    func testSettledItemsCountAsUnchangedLinkParentsAndAreNotRediscovered() {
        let child0 = localItem(document(id: "0002", title: "Child", key: "o/r#2", parent: "work-item:0001"), blob: "old")
        let child = localItem(document(id: "0002", title: "Child, edited", key: "o/r#2", parent: "work-item:0001"), blob: "new")
        var i = input([child], [remote("o/r#1", title: "Epic, never parsed")],
            baseline: Baseline(items: ["0002": synced(child0, remote("o/r#2", title: "Child"))]))
        i.settledItems = [SettledItem(id: "0001", path: "meta/work/0001-epic.md", key: "o/r#1")]
        let plan = Planner.plan(i)
        XCTAssertEqual(plan.items.map(\.action), [.push], "o/r#1 is tracked by a settled item, not new")
        XCTAssertEqual(plan.items.first?.content?.parent, "o/r#1")
        XCTAssertEqual(plan.unchangedCount, 1)
    }
}
