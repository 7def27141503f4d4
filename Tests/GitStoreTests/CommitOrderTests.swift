import Foundation
import XCTest

@testable import GitStore

/// The sync commit in `git commit`'s order (issue 13): the index is written before HEAD moves, so a run stopped
/// between the two leaves the index ahead of HEAD with the committed blobs, never behind it.
final class CommitOrderTests: GitStoreTestCase {
    private struct Stop: Error {}
    private let item = "meta/work/0001-first.md"

    override func setUpWithError() throws {
        try super.setUpWithError()
        try sandbox.initialiseRepository()
        try sandbox.commitFiles([item: "first v1\n", "notes.txt": "notes v1\n"], message: "start")
    }

    func testStoppedAfterTheIndexWriteHeadHasNotMovedAndTheIndexHoldsTheCommit() throws {
        let start = try sandbox.headID()
        try sandbox.write(item, "first v2\n")
        try sandbox.write("meta/work/0002-new.md", "new\n")
        let repository = try GitRepository.open(at: sandbox.repo)
        let prepared = try XCTUnwrap(try repository.prepareSyncCommit(paths: [item, "meta/work/0002-new.md"]) { changes in
            "sync \(changes.count)"
        })
        XCTAssertEqual(prepared.parent, start)
        XCTAssertEqual(prepared.changes.map(\.path), [item, "meta/work/0002-new.md"])
        XCTAssertNil(prepared.changes[1].before)
        XCTAssertEqual(try sandbox.headID(), start, "preparing moves nothing")

        var seen: [CommitStep] = []
        XCTAssertThrowsError(try repository.finishSyncCommit(prepared) { step in
            seen.append(step)
            if step == .indexWritten { throw Stop() }
        })

        XCTAssertEqual(seen, [.indexLocked, .indexWritten])
        XCTAssertEqual(try sandbox.headID(), start, "HEAD must not move before the index is written")
        XCTAssertEqual(sandbox.lines(try sandbox.git("diff", "--cached", "--name-only")), [item, "meta/work/0002-new.md"],
            "the index is ahead of HEAD, with exactly the committed paths")
        XCTAssertEqual(try sandbox.git("ls-files", "-s", item).split(separator: " ")[1],
            Substring(prepared.changes[0].after ?? ""))
        XCTAssertFalse(FileManager.default.fileExists(atPath: sandbox.repo + "/.git/index.lock"))
        // The user's next commit now keeps the sync's files instead of deleting them.
        try sandbox.git("commit", "-q", "-m", "user")
        XCTAssertEqual(try sandbox.git("show", "HEAD:\(item)"), "first v2\n")
    }

    func testAFinishedCommitLeavesTheIndexEqualToHeadAndReportsEveryStep() throws {
        try sandbox.write(item, "first v2\n")
        let repository = try GitRepository.open(at: sandbox.repo)
        let prepared = try XCTUnwrap(try repository.prepareSyncCommit(paths: [item]) { _ in "sync" })
        var seen: [CommitStep] = []

        let commit = try repository.finishSyncCommit(prepared) { seen.append($0) }

        XCTAssertEqual(seen, [.indexLocked, .indexWritten, .referenceMoved])
        XCTAssertEqual(commit.id, try sandbox.headID())
        XCTAssertEqual(try sandbox.statusLines(), [])
    }

    func testHeadMovedMeanwhilePutsTheIndexBack() throws {
        try sandbox.write(item, "first v2\n")
        try sandbox.write("notes.txt", "staged by the user\n")
        try sandbox.git("add", "notes.txt")
        let repository = try GitRepository.open(at: sandbox.repo)
        let prepared = try XCTUnwrap(try repository.prepareSyncCommit(paths: [item]) { _ in "sync" })
        try sandbox.git("commit", "-q", "-m", "someone else")
        let moved = try sandbox.headID()

        assertGitError(.libgit2, containing: "HEAD moved") { () throws(GitError) in
            do { _ = try repository.finishSyncCommit(prepared) { _ in } } catch let error as GitError { throw error } catch {
                XCTFail("\(error)")
            }
        }
        XCTAssertEqual(try sandbox.headID(), moved)
        XCTAssertEqual(try sandbox.statusLines(), [" M \(item)"], "the index is as it was before the attempt")
    }

    func testALockOfALiveProcessIsReportedAndKept() throws {
        try sandbox.write(".git/index.lock", "")
        let repository = try GitRepository.open(at: sandbox.repo)

        assertGitError(.lockHeld, containing: "another git process is using the index") { () throws(GitError) in
            try repository.clearAbandonedIndexLock()
        }
        XCTAssertTrue(FileManager.default.fileExists(atPath: sandbox.repo + "/.git/index.lock"))
        // Our own signature with a live pid (this process) is still someone else's lock to wait for.
        try sandbox.write(".git/index.lock", "git-sync-work-items pid \(getpid())\n")
        assertGitError(.lockHeld, containing: "index.lock") { () throws(GitError) in
            try repository.clearAbandonedIndexLock()
        }
    }

    func testALockAKilledSyncLeftIsRemovedWithItsHalfWrittenIndex() throws {
        let dead = try deadProcessID()
        try sandbox.write(".git/index.lock", "git-sync-work-items pid \(dead)\n")
        try sandbox.write(".git/index.sync-work-items.tmp", "half an index")
        let repository = try GitRepository.open(at: sandbox.repo)

        XCTAssertTrue(try repository.clearAbandonedIndexLock())

        XCTAssertFalse(FileManager.default.fileExists(atPath: sandbox.repo + "/.git/index.lock"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: sandbox.repo + "/.git/index.sync-work-items.tmp"))
        XCTAssertFalse(try repository.clearAbandonedIndexLock(), "nothing left to clear")
        try sandbox.write("notes.txt", "v2\n")
        try sandbox.git("add", "notes.txt")
    }
}
