import Foundation
import WorkItems
import XCTest
@testable import SyncEngine

/// The blob cache spares `status` and the sync's scan from reading blobs they have seen: proved by deleting those
/// blobs from the object database, after which a run that read one would fail.
final class ItemBlobCacheTests: XCTestCase {
    private var folder: String!

    override func setUp() {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("item-cache-\(UUID())").path
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: folder) }

    func testFactsSurviveARunAndOnlyTheTreesBlobsAreKept() {
        let path = folder + "/items"
        let cache = ItemBlobCache(path: path)
        let scanned = WorkItemIdentity(localID: "0001", remoteKey: "ENG-1", schema: .externalID)
        let parsed = WorkItemIdentity(localID: nil, remoteKey: "PROJ-9", schema: .workItemID)
        cache.remember(.scanned(scanned), for: "aaa")
        cache.remember(.parsed(parsed, contentHash: "h1"), for: "bbb")
        cache.remember(.problem(line: 3, message: "bad: \"x\""), for: "ccc")
        cache.remember(.problem(line: nil, message: "no line"), for: "ddd")
        cache.save()

        let again = ItemBlobCache(path: path)
        XCTAssertEqual(again.fact(for: "aaa"), .scanned(scanned))
        XCTAssertEqual(again.fact(for: "bbb"), .parsed(parsed, contentHash: "h1"))
        XCTAssertEqual(again.fact(for: "ccc"), .problem(line: 3, message: "bad: \"x\""))
        XCTAssertEqual(again.fact(for: "ddd"), .problem(line: nil, message: "no line"))
        again.keep(["bbb"])
        again.save()
        let pruned = ItemBlobCache(path: path)
        XCTAssertNil(pruned.fact(for: "aaa"))
        XCTAssertNotNil(pruned.fact(for: "bbb"))
    }

    /// The sync saves the cache while it commits: the task writes what `save` would, and a `save` after it writes
    /// again only when something new was remembered.
    func testASaveInTheBackgroundWritesWhatSaveWouldAndLeavesALaterSaveNothingToDo() async {
        let path = folder + "/items"
        let first = WorkItemIdentity(localID: "0001", remoteKey: "ENG-1", schema: .externalID)
        let second = WorkItemIdentity(localID: "0002", remoteKey: "ENG-2", schema: .externalID)
        let seeded = ItemBlobCache(path: path)
        seeded.remember(.scanned(first), for: "aaa")
        seeded.remember(.scanned(second), for: "old")
        seeded.save()
        let cache = ItemBlobCache(path: path)
        cache.keep(["aaa"])
        cache.remember(.parsed(second, contentHash: "h2"), for: "bbb")

        await cache.saveInBackground()?.value

        let saved = ItemBlobCache(path: path)
        XCTAssertEqual(saved.fact(for: "aaa"), .scanned(first))
        XCTAssertEqual(saved.fact(for: "bbb"), .parsed(second, contentHash: "h2"))
        XCTAssertNil(saved.fact(for: "old"), "a blob this run neither saw nor wrote is dropped")
        unlink(path)
        cache.save()
        XCTAssertFalse(FileManager.default.fileExists(atPath: path), "nothing new to save")
        XCTAssertNil(cache.saveInBackground())
        cache.remember(.scanned(first), for: "ccc")
        cache.save()
        XCTAssertEqual(ItemBlobCache(path: path).fact(for: "ccc"), .scanned(first))
    }

    func testValuesThatWouldNeedEscapingAreNotRemembered() {
        let cache = ItemBlobCache(path: folder + "/items")
        cache.remember(.scanned(WorkItemIdentity(localID: "a\tb", remoteKey: nil, schema: .externalID)), for: "aaa")
        cache.remember(.problem(line: 1, message: "two\nlines"), for: "bbb")
        XCTAssertNil(cache.fact(for: "aaa"))
        XCTAssertNil(cache.fact(for: "bbb"))
    }

    func testAnotherWritersCacheIsIgnored() throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let other = "git-sync-work-items item cache 1 another build\naaa\tS\te\t0001\tENG-1\n"
        try Data(other.utf8).write(to: URL(fileURLWithPath: folder + "/items"))
        XCTAssertNil(ItemBlobCache(path: folder + "/items").fact(for: "aaa"))
        let ours = ItemBlobCache.header + "\naaa\tS\te\t0001\tENG-1\nbroken line\nbbb\tQ\tx\n"
        try Data(ours.utf8).write(to: URL(fileURLWithPath: folder + "/items"))
        let cache = ItemBlobCache(path: folder + "/items")
        XCTAssertEqual(cache.fact(for: "aaa"), .scanned(WorkItemIdentity(localID: "0001", remoteKey: "ENG-1", schema: .externalID)))
        XCTAssertNil(cache.fact(for: "bbb"))
    }

    /// Removes the loose objects of these blobs, as if the object database had lost them.
    private func removeBlobs(_ ids: [String], in sandbox: EngineSandbox) throws {
        for id in ids {
            let path = sandbox.repo + "/.git/objects/" + id.prefix(2) + "/" + id.dropFirst(2)
            XCTAssertTrue(FileManager.default.fileExists(atPath: path), "\(id) is a loose object")
            try FileManager.default.removeItem(atPath: path)
        }
    }

    private func workBlobs(_ sandbox: EngineSandbox) throws -> [String] {
        try sandbox.git("ls-tree", "-r", "HEAD", sandbox.workPath).split(separator: "\n").map { $0.split(separator: " ")[2].prefix(40) }
            .map(String.init)
    }

    func testANoOpSyncReadsNoBlobItHasSeen() async throws {
        let sandbox = try EngineSandbox()
        for n in 1...4 { sandbox.tracker.add(EngineSandbox.content("Item \(n)")) }
        _ = try await sandbox.sync()
        XCTAssertEqual(sandbox.workFiles().count, 4)
        // The items changed just before the first read, so the next read, which overlaps it, returns them all again:
        // with the times the baseline holds, which is no change and needs no file read.
        sandbox.clock.advance(by: 60)
        try removeBlobs(try workBlobs(sandbox), in: sandbox)
        let report = try await sandbox.sync()
        XCTAssertEqual(report.exitCode, 0)
        XCTAssertEqual(report.unchangedCount, 4)
        XCTAssertTrue(report.problems.isEmpty, "\(report.problems)")
    }

    func testStatusParsesANeverSyncedBlobOnceAndReadsSyncedOnesNever() async throws {
        let sandbox = try EngineSandbox()
        sandbox.tracker.add(EngineSandbox.content("Synced"))
        _ = try await sandbox.sync()
        try sandbox.addItem(id: "0002", title: "Never pushed")
        try sandbox.addItem(id: "0003", title: "Pushed elsewhere", key: "FAKE-99")
        try sandbox.write(sandbox.workPath + "/0004-broken.md", "---\nid: \"0004\"\ntitle: [unclosed\n---\n")
        try sandbox.commitAll("local items")

        let first = try StatusReport.compute(environment: sandbox.environment())
        try removeBlobs(try workBlobs(sandbox), in: sandbox)
        let second = try StatusReport.compute(environment: sandbox.environment())
        for report in [first, second] {
            XCTAssertEqual(report.entries.map { "\($0.id) \($0.state.rawValue)" }, ["0002 unpushed", "0003 unsynced"])
            XCTAssertEqual(report.unchangedCount, 1)
            XCTAssertEqual(report.problems.map(\.path), [sandbox.workPath + "/0004-broken.md"])
        }
        XCTAssertEqual(second.problems, first.problems)
    }
}
