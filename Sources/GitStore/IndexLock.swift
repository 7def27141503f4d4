import Foundation

/// `<index>.lock` taken the way git takes it (created exclusively, so every git command waits for us), holding a
/// line that names this tool and its pid. The line is what lets a later run tell a lock left by a killed sync (ours,
/// pid gone: safe to remove) from one a running git command holds (never touched).
struct IndexLock {
    static let signature = "git-sync-work-items pid "

    let path: String

    /// Who holds the lock at `path` now.
    enum Holder: Equatable {
        case nobody
        /// A sync that is no longer running: the lock is debris.
        case killedSync(pid: pid_t)
        /// A running process (a git command, or a sync still at work).
        case someoneElse
    }

    static func lockPath(forIndex indexPath: String) -> String { indexPath + ".lock" }

    static func holder(ofIndex indexPath: String) -> Holder {
        let path = lockPath(forIndex: indexPath)
        guard let data = FileManager.default.contents(atPath: path) else {
            return FileManager.default.fileExists(atPath: path) ? .someoneElse : .nobody
        }
        let text = String(decoding: data.prefix(64), as: UTF8.self)
        guard text.hasPrefix(signature),
            let pid = pid_t(text.dropFirst(signature.count).trimmingCharacters(in: .whitespacesAndNewlines)), pid > 0
        else { return .someoneElse }
        return ProcessLiveness.isRunning(pid) ? .someoneElse : .killedSync(pid: pid)
    }

    static func heldMessage(_ path: String) -> String {
        "another git process is using the index (\(path) exists): wait for it, or remove that file if no git command is running"
    }

    static func acquire(indexPath: String) throws(GitError) -> IndexLock {
        let path = lockPath(forIndex: indexPath)
        let descriptor = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o644)
        if descriptor < 0 {
            if errno == EEXIST { throw GitError(.lockHeld, heldMessage(path)) }
            throw GitError(.libgit2, "cannot lock the index (\(path)): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        let line = Array((signature + "\(getpid())\n").utf8)
        let written = line.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == line.count else {
            unlink(path)
            throw GitError(.libgit2, "cannot write the index lock \(path): \(String(cString: strerror(errno)))")
        }
        return IndexLock(path: path)
    }

    func release() { unlink(path) }
}

enum ProcessLiveness {
    /// `kill(pid, 0)`: EPERM still means the process exists (owned by someone else).
    static func isRunning(_ pid: pid_t) -> Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }
}
