import CLibGit2
import Foundation

/// Refreshes the stat data of index entries whose files are unchanged, as `git status` does once files were touched,
/// copied or restored from a backup: until then every status hashes each such file again (10,000 touched work items:
/// 0.85 s a run, where 0.09 s would do). libgit2 refreshes a copy of the index; the copy replaces the index under
/// the index lock, and only if nobody changed the index meanwhile, so a refresh can never undo another command's
/// change. Best effort, like git's: skipped with `GIT_OPTIONAL_LOCKS=0` (git's switch for exactly this), while
/// anyone holds the index lock, and on any failure.
struct IndexRefresh {
    /// How many unchanged files a status must have hashed before a refresh pays: below it, hashing them again costs
    /// less than a second walk and a rewrite of the index. It also keeps a file dated in the future (which no
    /// refresh makes clean) from rewriting the index on every run.
    static let worthwhile = 100
    static let copyInfix = ".sync-work-items.refresh-"

    let repository: GitRepository
    let indexPath: String

    init(repository: GitRepository) {
        self.repository = repository
        indexPath = repository.indexFilePath()
    }

    /// `GIT_OPTIONAL_LOCKS` unset, true, or not a boolean, read by libgit2's parser of git's booleans.
    static var optionalLocksAllowed: Bool {
        guard let value = environmentValue("GIT_OPTIONAL_LOCKS") else { return true }
        var allowed: Int32 = 1
        return git_config_parse_bool(&allowed, value) != 0 || allowed != 0
    }

    /// The copy this process refreshes, beside the index.
    var copyPath: String { indexPath + Self.copyInfix + "\(getpid())" }

    /// `beforeReplacing`: runs after the copy was refreshed, before the index lock is taken (tests change the
    /// index there).
    func run(_ scope: StatusScope, beforeReplacing: () -> Void = {}) {
        guard Self.optionalLocksAllowed else { return }
        removeAbandonedCopies()
        guard let original = FileManager.default.contents(atPath: indexPath) else { return }
        defer { removeCopy() }
        guard FileManager.default.createFile(atPath: copyPath, contents: original), refreshCopy(scope),
              let refreshed = FileManager.default.contents(atPath: copyPath), refreshed != original
        else { return }
        beforeReplacing()
        replaceIndex(ifItStillHolds: original)
    }

    /// libgit2's status over the copy, through a handle of its own whose index the copy is, writing refreshed stat
    /// data into the copy.
    private func refreshCopy(_ scope: StatusScope) -> Bool {
        guard let handle = try? GitRepository.open(at: repository.openedAt) else { return false }
        var copy: OpaquePointer?
        guard git_index_open(&copy, copyPath) == 0, let copy else { return false }
        defer { git_index_free(copy) }
        guard git_repository_set_index(handle.raw, copy) == 0,
              git_index_set_caps(copy, GIT_INDEX_CAPABILITY_FROM_OWNER.rawValue) == 0,
              let list = try? handle.statusList(scope, updatingIndex: true)
        else { return false }
        git_status_list_free(list)
        return true
    }

    /// Renames the copy over the index, holding the index lock, when the index still has the bytes the copy was
    /// made from.
    private func replaceIndex(ifItStillHolds original: Data) {
        guard let lock = try? IndexLock.acquire(indexPath: indexPath) else { return }
        defer { lock.release() }
        guard FileManager.default.contents(atPath: indexPath) == original else { return }
        rename(copyPath, indexPath)
    }

    private func removeCopy() {
        unlink(copyPath)
        unlink(copyPath + ".lock")
    }

    /// Copies (and their libgit2 locks) that a killed run left beside the index.
    private func removeAbandonedCopies() {
        let folder = (indexPath as NSString).deletingLastPathComponent
        let prefix = (indexPath as NSString).lastPathComponent + Self.copyInfix
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where name.hasPrefix(prefix) {
            let owner = name.dropFirst(prefix.count).prefix { $0.isNumber }
            guard let pid = pid_t(owner), pid != getpid(), !ProcessLiveness.isRunning(pid) else { continue }
            unlink(folder + "/" + name)
        }
    }
}
