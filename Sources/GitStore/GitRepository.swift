import CLibGit2

/// An open repository with a working tree. Not Sendable: use it from one task.
public final class GitRepository {
    let raw: OpaquePointer
    /// Absolute, no trailing slash.
    public let workdir: String
    /// This worktree's git dir (`…/.git` or `…/.git/worktrees/x`), no trailing slash.
    public let gitDir: String
    /// The git dir shared by all worktrees (equals `gitDir` outside linked worktrees), no trailing slash.
    public let commonDir: String

    /// The path `open` was given, so that work on another thread opens a handle of its own the same way (one handle
    /// must not be used by two threads at once).
    let openedAt: String?

    private init(raw: OpaquePointer, workdir: String, openedAt: String?) {
        self.raw = raw
        self.workdir = workdir
        self.openedAt = openedAt
        gitDir = Self.withoutTrailingSlash(String(cString: git_repository_path(raw)))
        commonDir = Self.withoutTrailingSlash(String(cString: git_repository_commondir(raw)))
    }

    deinit { git_repository_free(raw) }

    /// Opens the repository the way git does when it runs us from PATH: `GIT_DIR` (when `path` is nil),
    /// `GIT_WORK_TREE`, `GIT_INDEX_FILE`, `GIT_CEILING_DIRECTORIES`, searching up from `path` (default: the current
    /// directory, which `git -C` has already changed).
    public static func open(at path: String? = nil) throws(GitError) -> GitRepository {
        _ = libgit2Initialisation
        let raw = try RepositoryOpener(startPath: path).open()
        guard git_repository_is_bare(raw) == 0, let workdir = git_repository_workdir(raw) else {
            git_repository_free(raw)
            throw GitError.bareRepository
        }
        return GitRepository(raw: raw, workdir: withoutTrailingSlash(String(cString: workdir)), openedAt: path)
    }

    /// Where HEAD points; an unborn branch (no commits yet) is an `.unbornBranch` error.
    public func head() throws(GitError) -> HeadState {
        let reference = try headReference()
        defer { git_reference_free(reference) }
        guard let target = git_reference_target(reference) else {
            throw GitError(.libgit2, "cannot read HEAD: it does not point at a commit")
        }
        let commit = hexString(target)
        if git_repository_head_detached(raw) == 1 { return .detached(commit: commit) }
        return .branch(name: String(cString: git_reference_shorthand(reference)), commit: commit)
    }

    /// The operation git is in the middle of (`rebase`, `merge`, `cherry-pick`, `revert`, `bisect`, `am`), or nil.
    public func operationInProgress() -> String? {
        RepositoryOperation(state: git_repository_state(raw))?.name
    }

    /// The URL of the named remote, or nil when there is no such remote.
    public func remoteURL(_ name: String) -> String? {
        var remote: OpaquePointer?
        guard git_remote_lookup(&remote, raw, name) == 0, let remote else { return nil }
        defer { git_remote_free(remote) }
        return git_remote_url(remote).map { String(cString: $0) }
    }

    /// A value of the merged git configuration (repository, worktree, global, XDG, system), or nil when unset.
    public func configValue(_ key: String) -> String? {
        var config: OpaquePointer?
        guard git_repository_config(&config, raw) == 0, let config else { return nil }
        defer { git_config_free(config) }
        var buffer = git_buf()
        defer { git_buf_dispose(&buffer) }
        guard git_config_get_string_buf(&buffer, config, key) == 0, let pointer = buffer.ptr else { return nil }
        return String(cString: pointer)
    }

    /// A boolean config value as git reads it (`true`, `yes`, `on`, `1`, …), or nil when unset or not a boolean.
    func configBool(_ key: String) -> Bool? {
        var config: OpaquePointer?
        guard git_repository_config(&config, raw) == 0, let config else { return nil }
        defer { git_config_free(config) }
        var value: Int32 = 0
        guard git_config_get_bool(&value, config, key) == 0 else { return nil }
        return value != 0
    }

    /// HEAD resolved to the reference it names (a branch, or HEAD itself when detached). Caller frees.
    func headReference() throws(GitError) -> OpaquePointer {
        var reference: OpaquePointer?
        let result = git_repository_head(&reference, raw)
        if result == GIT_EUNBORNBRANCH.rawValue || result == GIT_ENOTFOUND.rawValue { throw GitError.unbornBranch }
        try check(result, "cannot read HEAD")
        guard let reference else { throw GitError(.libgit2, "cannot read HEAD: no reference") }
        return reference
    }

    /// HEAD's commit. Caller frees.
    func headCommit() throws(GitError) -> OpaquePointer {
        let reference = try headReference()
        defer { git_reference_free(reference) }
        var object: OpaquePointer?
        try check(git_reference_peel(&object, reference, GIT_OBJECT_COMMIT), "cannot read HEAD's commit")
        guard let object else { throw GitError(.libgit2, "cannot read HEAD's commit") }
        return object
    }

    /// HEAD's root tree. Caller frees.
    func headTree() throws(GitError) -> OpaquePointer {
        let commit = try headCommit()
        defer { git_commit_free(commit) }
        var tree: OpaquePointer?
        try check(git_commit_tree(&tree, commit), "cannot read HEAD's tree")
        guard let tree else { throw GitError(.libgit2, "cannot read HEAD's tree") }
        return tree
    }

    private static func withoutTrailingSlash(_ path: String) -> String {
        path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
    }
}

/// An operation that leaves the repository mid-way (git_repository_state), with what the user should do about it.
struct RepositoryOperation {
    let name: String
    let howToFinish: String

    init?(state: Int32) {
        switch UInt32(bitPattern: state) {
        case GIT_REPOSITORY_STATE_NONE.rawValue:
            return nil
        case GIT_REPOSITORY_STATE_MERGE.rawValue:
            (name, howToFinish) = ("merge", "git commit / git merge --abort")
        case GIT_REPOSITORY_STATE_REVERT.rawValue, GIT_REPOSITORY_STATE_REVERT_SEQUENCE.rawValue:
            (name, howToFinish) = ("revert", "git revert --continue / --abort")
        case GIT_REPOSITORY_STATE_CHERRYPICK.rawValue, GIT_REPOSITORY_STATE_CHERRYPICK_SEQUENCE.rawValue:
            (name, howToFinish) = ("cherry-pick", "git cherry-pick --continue / --abort")
        case GIT_REPOSITORY_STATE_BISECT.rawValue:
            (name, howToFinish) = ("bisect", "git bisect reset")
        case GIT_REPOSITORY_STATE_APPLY_MAILBOX.rawValue:
            (name, howToFinish) = ("am", "git am --continue / --abort")
        default:  // the rebase variants, and "rebase or am" which git itself cannot tell apart
            (name, howToFinish) = ("rebase", "git rebase --continue / --abort")
        }
    }

    var error: GitError {
        let verb = name == "bisect" ? "finish it" : "finish or abort it"
        let article = name == "am" ? "an" : "a"
        return GitError(.operationInProgress, "\(article) \(name) is in progress: \(verb) (\(howToFinish)) before syncing")
    }
}
