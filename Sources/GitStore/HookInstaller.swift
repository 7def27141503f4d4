import Foundation

/// Installs our pre-push hook where git looks for hooks (`core.hooksPath`, else the common git dir's `hooks/`, which
/// linked worktrees share). A pre-push hook that is not ours is kept: moved aside and chained to, and put back on
/// uninstall.
public struct HookInstaller {
    public static let marker = "# git-sync-work-items pre-push hook"
    public static let chainedName = "pre-push.before-sync-work-items"

    private let repository: GitRepository

    public init(repository: GitRepository) { self.repository = repository }

    public func hooksDirectory() -> String {
        if let configured = repository.configValue("core.hooksPath"), !configured.isEmpty {
            let expanded = configured.hasPrefix("~/")
                ? (ProcessInfo.processInfo.environment["HOME"] ?? "") + configured.dropFirst(1) : configured
            return expanded.hasPrefix("/") ? expanded : repository.workdir + "/" + expanded
        }
        return repository.commonDir + "/hooks"
    }

    /// Returns what it did, for people.
    public func install(script: String, force: Bool) throws(GitError) -> String {
        let fm = FileManager.default
        let dir = hooksDirectory()
        let hook = dir + "/pre-push"
        let chained = dir + "/" + Self.chainedName
        do { try fm.createDirectory(atPath: dir, withIntermediateDirectories: true) } catch {
            throw GitError(.libgit2, "cannot create \(dir): \(error.localizedDescription)")
        }
        var message = "installed the pre-push hook in \(hook)"
        if let existing = try Self.contents(of: hook) {
            if existing.contains(Self.marker) {
                guard force else { return "the pre-push hook is already installed in \(hook) (--force rewrites it)" }
                message = "rewrote the pre-push hook in \(hook)"
            } else {
                guard !fm.fileExists(atPath: chained) else {
                    throw GitError(.libgit2, "\(hook) is not ours and \(chained) already exists: merge them by hand, then run install-hook again")
                }
                guard rename(hook, chained) == 0 else {
                    throw GitError(.libgit2, "cannot move \(hook) aside: \(String(cString: strerror(errno)))")
                }
                message = "installed the pre-push hook in \(hook); your existing hook moved to \(chained) and runs first"
            }
        }
        try Self.writeExecutable(script, to: hook)
        return message
    }

    public func uninstall() throws(GitError) -> String {
        let dir = hooksDirectory()
        let hook = dir + "/pre-push"
        let chained = dir + "/" + Self.chainedName
        guard let existing = try Self.contents(of: hook), existing.contains(Self.marker) else {
            return "no git-sync-work-items pre-push hook in \(dir); nothing to do"
        }
        guard unlink(hook) == 0 else { throw GitError(.libgit2, "cannot remove \(hook): \(String(cString: strerror(errno)))") }
        if FileManager.default.fileExists(atPath: chained) {
            guard rename(chained, hook) == 0 else {
                throw GitError(.libgit2, "removed our hook but cannot restore \(chained): rename it to pre-push yourself")
            }
            return "removed the pre-push hook and restored your previous one in \(hook)"
        }
        return "removed the pre-push hook from \(hook)"
    }

    /// nil when absent; refuses anything but a regular file (or a link to one).
    private static func contents(of path: String) throws(GitError) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw GitError(.libgit2, "\(path) is not a regular file; leaving it alone")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw GitError(.libgit2, "cannot read \(path)")
        }
        return String(decoding: data, as: UTF8.self)
    }

    private static func writeExecutable(_ text: String, to path: String) throws(GitError) {
        let temp = path + ".tmp-\(getpid())"
        guard FileManager.default.createFile(atPath: temp, contents: Data(text.utf8), attributes: [.posixPermissions: 0o755]),
            rename(temp, path) == 0
        else {
            throw GitError(.libgit2, "cannot write \(path): \(String(cString: strerror(errno)))")
        }
    }
}
