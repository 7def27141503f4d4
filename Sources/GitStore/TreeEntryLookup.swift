import CLibGit2

/// Entries of one tree looked up by path, each folder's tree read once. `git_tree_entry_bypath` reads every folder
/// on the way for each path, and reading a folder of 10,000 files takes milliseconds, so a commit of a few hundred
/// files into it spent most of its time there.
final class TreeEntryLookup {
    private let repository: GitRepository
    private let root: OpaquePointer
    /// Folder (without its trailing slash, "" for the root) → its tree, nil when HEAD has no folder there.
    private var folders: [String: OpaquePointer?] = [:]

    /// `root` stays the caller's; the folders read here are freed with the lookup.
    init(repository: GitRepository, root: OpaquePointer) {
        self.repository = repository
        self.root = root
    }

    deinit {
        for case let tree? in folders.values where tree != root { git_tree_free(tree) }
    }

    /// The same answer as `TreeEntryState(at:in:)`: the blob or symlink at `path`, nil when there is none (a folder
    /// there counts as none).
    func state(at path: String) throws(GitError) -> TreeEntryState? {
        let slash = path.utf8.lastIndex(of: UInt8(ascii: "/"))
        let folder = slash.map { String(path[..<$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        guard !name.isEmpty, let tree = try self.tree(at: folder), let entry = git_tree_entry_byname(tree, name),
              git_tree_entry_type(entry) == GIT_OBJECT_BLOB
        else { return nil }
        return TreeEntryState(id: git_tree_entry_id(entry).pointee, mode: git_tree_entry_filemode(entry))
    }

    private func tree(at folder: String) throws(GitError) -> OpaquePointer? {
        if let known = folders[folder] { return known }
        let tree = try repository.lookUpSubtree(of: root, at: folder)
        folders[folder] = tree
        return tree
    }
}
