import Foundation

/// One sync at a time per repository: `<commonDir>/sync-work-items/lock`, created exclusively and holding the
/// owner's pid. A lock whose pid is no longer running is stale and taken over.
public final class SyncLock: Sendable {
    public let path: String
    private let owner: String

    private init(path: String, owner: String) {
        self.path = path
        self.owner = owner
    }

    public static func acquire(commonDir: String) throws(GitError) -> SyncLock {
        let folder = commonDir + "/sync-work-items"
        let path = folder + "/lock"
        let owner = "\(getpid())\n"
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw GitError(.libgit2, "cannot create \(folder): \(error.localizedDescription)")
        }
        // Two attempts: the second follows the removal of a stale lock.
        for _ in 0..<2 {
            if try createExclusively(path, contents: owner) { return SyncLock(path: path, owner: owner) }
            let holder = try? String(contentsOfFile: path, encoding: .utf8)
            guard let holder else { continue }  // released between our attempt and the read: try again
            guard let pid = pid_t(holder.trimmingCharacters(in: .whitespacesAndNewlines)), pid > 0 else {
                throw GitError(
                    .lockHeld,
                    "another sync may be running (\(path) holds no pid); wait for it or remove \(path) if it is not")
            }
            if ProcessLiveness.isRunning(pid) {
                throw GitError(
                    .lockHeld, "another sync is running (pid \(pid)); wait for it or remove \(path) if it is not")
            }
            // Stale. Re-read just before removing so a lock another process took over meanwhile is left alone.
            if (try? String(contentsOfFile: path, encoding: .utf8)) == holder { unlink(path) }
        }
        throw GitError(.lockHeld, "another sync took the lock \(path) at the same moment; wait for it and retry")
    }

    /// Removes the lock if it is still ours; calling it again does nothing.
    public func release() {
        if (try? String(contentsOfFile: path, encoding: .utf8)) == owner { unlink(path) }
    }

    /// True when the file was created (O_CREAT|O_EXCL) and now holds `contents`; false when it already existed.
    private static func createExclusively(_ path: String, contents: String) throws(GitError) -> Bool {
        let descriptor = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o644)
        if descriptor < 0 {
            if errno == EEXIST { return false }
            throw GitError(.libgit2, "cannot create the lock \(path): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        let bytes = Array(contents.utf8)
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == bytes.count else {
            unlink(path)
            throw GitError(.libgit2, "cannot write the lock \(path): \(String(cString: strerror(errno)))")
        }
        return true
    }
}
