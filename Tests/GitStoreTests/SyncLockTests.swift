import Foundation
import XCTest

@testable import GitStore

final class SyncLockTests: GitStoreTestCase {
    private var lockPath: String { sandbox.root + "/common/sync-work-items/lock" }
    private var commonDir: String { sandbox.root + "/common" }

    func testAcquireWritesOurPidAndReleaseRemovesIt() throws {
        let lock = try SyncLock.acquire(commonDir: commonDir)

        XCTAssertEqual(lock.path, lockPath)
        XCTAssertEqual(try String(contentsOfFile: lockPath, encoding: .utf8), "\(getpid())\n")
        lock.release()
        XCTAssertFalse(FileManager.default.fileExists(atPath: lockPath))
        lock.release()

        let again = try SyncLock.acquire(commonDir: commonDir)
        XCTAssertTrue(FileManager.default.fileExists(atPath: lockPath))
        again.release()
    }

    func testALiveHolderKeepsTheLock() throws {
        let lock = try SyncLock.acquire(commonDir: commonDir)
        defer { lock.release() }

        assertGitError(.lockHeld, containing: "another sync is running (pid \(getpid())); wait for it or remove \(lockPath)") {
            () throws(GitError) in try SyncLock.acquire(commonDir: commonDir)
        }
        XCTAssertEqual(try String(contentsOfFile: lockPath, encoding: .utf8), "\(getpid())\n")
    }

    func testALockOfADeadProcessIsTakenOver() throws {
        let finished = Process()
        finished.executableURL = URL(fileURLWithPath: "/bin/true")
        try finished.run()
        finished.waitUntilExit()
        try sandbox.write("sync-work-items/lock", "\(finished.processIdentifier)\n", in: commonDir)

        let lock = try SyncLock.acquire(commonDir: commonDir)

        XCTAssertEqual(try String(contentsOfFile: lockPath, encoding: .utf8), "\(getpid())\n")
        lock.release()
    }

    func testReleaseLeavesALockThatIsNoLongerOurs() throws {
        let lock = try SyncLock.acquire(commonDir: commonDir)
        try sandbox.write("sync-work-items/lock", "1\n", in: commonDir)

        lock.release()

        XCTAssertEqual(try String(contentsOfFile: lockPath, encoding: .utf8), "1\n")
    }

    func testALockWithoutAPidIsHeld() throws {
        try sandbox.write("sync-work-items/lock", "", in: commonDir)

        assertGitError(.lockHeld, containing: "remove \(lockPath)") { () throws(GitError) in
            try SyncLock.acquire(commonDir: commonDir)
        }
    }
}
