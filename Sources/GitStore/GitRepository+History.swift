import CLibGit2

extension GitRepository {
    /// The most recent commit on HEAD's first-parent history (at most `limit` commits back) whose tree has a regular
    /// file below `folder` that `matches` (repository-relative path, blob id) accepts: where it was and which commit came
    /// next (the one that removed, moved or changed it). Nil when the walk finds none.
    public func lastCommit(under folder: String, limit: Int, where matches: @escaping (String, String) -> Bool)
        throws(GitError) -> BlobLocation?
    {
        let prefix = RepositoryPath.folderPrefix(folder)
        var walk: OpaquePointer?
        try check(git_revwalk_new(&walk, raw), "cannot walk the history")
        defer { git_revwalk_free(walk) }
        try check(git_revwalk_push_head(walk), "cannot walk the history from HEAD")
        try check(git_revwalk_simplify_first_parent(walk), "cannot walk the history")

        var later: String?
        var lastSubtree = git_oid()
        var commitID = git_oid()
        for _ in 0..<limit {
            guard git_revwalk_next(&commitID, walk) == 0 else { return nil }
            let commitHex = hexString(&commitID)
            defer { later = commitHex }
            guard let subtree = try subtree(ofCommit: &commitID, at: String(prefix.dropLast())) else { continue }
            defer { git_tree_free(subtree) }
            var subtreeID = git_tree_id(subtree).pointee
            if git_oid_equal(&subtreeID, &lastSubtree) == 1 { continue }
            lastSubtree = subtreeID
            let finder = TreeEntryFinder(firstOnly: true) { path, id, mode in
                [GIT_FILEMODE_BLOB.rawValue, GIT_FILEMODE_BLOB_EXECUTABLE.rawValue].contains(mode) && matches(prefix + path, id)
            }
            git_tree_walk(subtree, GIT_TREEWALK_PRE, findEntries, Unmanaged.passUnretained(finder).toOpaque())
            if let path = finder.paths.first {
                return BlobLocation(path: prefix + path, commit: commitHex, nextCommit: later)
            }
        }
        return nil
    }

    /// Symbolic links below `folder` in HEAD's tree (repository-relative paths), recursively.
    public func headSymlinks(under folder: String) throws(GitError) -> [String] {
        let prefix = RepositoryPath.folderPrefix(folder)
        let tree = try headTree()
        defer { git_tree_free(tree) }
        var entry: OpaquePointer?
        var subtree: OpaquePointer?
        if prefix.isEmpty {
            try check(git_tree_dup(&subtree, tree), "cannot read HEAD's tree")
        } else {
            let found = git_tree_entry_bypath(&entry, tree, String(prefix.dropLast()))
            if found == GIT_ENOTFOUND.rawValue { return [] }
            try check(found, "cannot look up '\(folder)' in HEAD")
            defer { git_tree_entry_free(entry) }
            guard git_tree_entry_type(entry) == GIT_OBJECT_TREE else { return [] }
            try check(git_tree_lookup(&subtree, raw, git_tree_entry_id(entry)), "cannot read the tree '\(folder)'")
        }
        defer { git_tree_free(subtree) }
        let finder = TreeEntryFinder(firstOnly: false) { _, _, mode in mode == GIT_FILEMODE_LINK.rawValue }
        git_tree_walk(subtree, GIT_TREEWALK_PRE, findEntries, Unmanaged.passUnretained(finder).toOpaque())
        return finder.paths.map { prefix + $0 }
    }

    /// The tree at `path` in the commit `commitID` (its root tree for ""), nil when there is none. Caller frees.
    private func subtree(ofCommit commitID: inout git_oid, at path: String) throws(GitError) -> OpaquePointer? {
        var commit: OpaquePointer?
        try check(git_commit_lookup(&commit, raw, &commitID), "cannot read a commit of the history")
        defer { git_commit_free(commit) }
        var root: OpaquePointer?
        try check(git_commit_tree(&root, commit), "cannot read a tree of the history")
        if path.isEmpty { return root }
        defer { git_tree_free(root) }
        var entry: OpaquePointer?
        guard git_tree_entry_bypath(&entry, root, path) == 0 else { return nil }
        defer { git_tree_entry_free(entry) }
        guard git_tree_entry_type(entry) == GIT_OBJECT_TREE else { return nil }
        var subtree: OpaquePointer?
        try check(git_tree_lookup(&subtree, raw, git_tree_entry_id(entry)), "cannot read a tree of the history")
        return subtree
    }
}

/// State for the C tree-walk callback: the paths of the entries `accept` takes (path below the walked tree, blob id,
/// mode), or just the first.
private final class TreeEntryFinder {
    let firstOnly: Bool
    let accept: (String, String, UInt32) -> Bool
    var paths: [String] = []

    init(firstOnly: Bool, accept: @escaping (String, String, UInt32) -> Bool) {
        self.firstOnly = firstOnly
        self.accept = accept
    }
}

private let findEntries: git_treewalk_cb = { root, entry, payload in
    guard let root, let entry, let payload else { return 0 }
    let finder = Unmanaged<TreeEntryFinder>.fromOpaque(payload).takeUnretainedValue()
    if finder.firstOnly && !finder.paths.isEmpty { return -1 }
    let path = String(cString: root) + String(cString: git_tree_entry_name(entry))
    if finder.accept(path, hexString(git_tree_entry_id(entry)), git_tree_entry_filemode(entry).rawValue) {
        finder.paths.append(path)
    }
    return 0
}

extension GitRepository {
    /// HEAD's commit id, the first line of its message, and its first parent (nil for a root commit).
    public func headSummary() throws(GitError) -> CommitSummary {
        let commit = try headCommit()
        defer { git_commit_free(commit) }
        let subject = git_commit_summary(commit).map { String(cString: $0) } ?? ""
        let parent = git_commit_parentcount(commit) > 0 ? git_commit_parent_id(commit, 0).map { hexString($0) } : nil
        return CommitSummary(id: hexString(git_commit_id(commit)), subject: subject, parent: parent)
    }

    /// The blob at `path` in `commit` (HEAD when nil); nil when the commit has no file there.
    public func blobID(at path: String, in commit: String? = nil) throws(GitError) -> String? {
        let tree: OpaquePointer
        if let commit {
            guard var id = parseObjectID(commit) else { return nil }
            var object: OpaquePointer?
            try check(git_commit_lookup(&object, raw, &id), "cannot read the commit \(commit.prefix(12))")
            defer { git_commit_free(object) }
            var root: OpaquePointer?
            try check(git_commit_tree(&root, object), "cannot read the tree of \(commit.prefix(12))")
            guard let root else { return nil }
            tree = root
        } else {
            tree = try headTree()
        }
        defer { git_tree_free(tree) }
        return try TreeEntryState(at: path, in: tree)?.hex
    }
}
