import CLibGit2

/// A path's entry in a tree: blob id and file mode.
struct TreeEntryState: Equatable {
    var id: git_oid
    var mode: git_filemode_t

    init(id: git_oid, mode: git_filemode_t) {
        self.id = id
        self.mode = mode
    }

    /// HEAD's blob or symlink at `path`; nil when there is none (a folder there counts as none).
    init?(at path: String, in tree: OpaquePointer) throws(GitError) {
        var entry: OpaquePointer?
        let found = git_tree_entry_bypath(&entry, tree, path)
        if found == GIT_ENOTFOUND.rawValue { return nil }
        try check(found, "cannot look up '\(path)' in HEAD")
        defer { git_tree_entry_free(entry) }
        guard git_tree_entry_type(entry) == GIT_OBJECT_BLOB else { return nil }
        self.init(id: git_tree_entry_id(entry).pointee, mode: git_tree_entry_filemode(entry))
    }

    var hex: String {
        var id = id
        return hexString(&id)
    }

    static func == (lhs: TreeEntryState, rhs: TreeEntryState) -> Bool {
        var left = lhs.id
        var right = rhs.id
        return lhs.mode == rhs.mode && git_oid_equal(&left, &right) == 1
    }
}
