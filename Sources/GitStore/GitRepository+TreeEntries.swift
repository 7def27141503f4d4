import CLibGit2

extension GitRepository {
    /// Every regular file (mode 100644 or 100755) below `folder` in HEAD's tree, recursively, in tree order: paths
    /// and blob ids from the tree objects alone, no blob read. A folder missing from HEAD gives []. Symlinks and
    /// submodules are not files and are left out.
    public func headEntries(under folder: String) throws(GitError) -> [TreeEntry] {
        try walkHead(under: folder).map { entry in
            var id = entry.id
            return TreeEntry(path: entry.path, blobID: hexString(&id))
        }
    }

    /// The id of the tree at `folder` in HEAD ("" for the root); nil when HEAD has no folder there. Equal ids mean
    /// equal contents, so this answers "has anything below changed since?" without a walk (or reading that tree).
    public func headTreeID(of folder: String) throws(GitError) -> String? {
        let tree = try headTree()
        defer { git_tree_free(tree) }
        let path = String(RepositoryPath.folderPrefix(folder).dropLast())
        if path.isEmpty { return hexString(git_tree_id(tree)) }
        guard var id = try subtreeID(of: tree, at: path) else { return nil }
        return hexString(&id)
    }

    /// The tree walk behind `headEntries`: full paths and raw ids.
    func walkHead(under folder: String) throws(GitError) -> [(path: String, id: git_oid)] {
        let prefix = RepositoryPath.folderPrefix(folder)
        let tree = try headTree()
        defer { git_tree_free(tree) }
        guard let subtree = try lookUpSubtree(of: tree, at: String(prefix.dropLast())) else { return [] }
        defer { if subtree != tree { git_tree_free(subtree) } }

        let collector = TreeWalkCollector()
        let walked = git_tree_walk(subtree, GIT_TREEWALK_PRE, collectRegularFile, Unmanaged.passUnretained(collector).toOpaque())
        try check(walked, "cannot walk HEAD's tree at '\(folder)'")
        return collector.entries.map { (prefix + $0.path, $0.id) }
    }

    /// The contents of many blobs by their hex ids, through one handle on the object database; nil for an id that
    /// is malformed or missing.
    public func blobs(_ ids: [String]) -> [[UInt8]?] {
        guard let database = try? objectDatabase() else { return ids.map { _ in nil } }
        defer { git_odb_free(database) }
        return ids.map { id in
            guard var oid = parseObjectID(id) else { return nil }
            return readObject(database, &oid, type: GIT_OBJECT_BLOB)
        }
    }
}

/// State for the C tree-walk callback, which can capture nothing and receives this through its payload pointer.
private final class TreeWalkCollector {
    var entries: [(path: String, id: git_oid)] = []
}

private let collectRegularFile: git_treewalk_cb = { root, entry, payload in
    guard let root, let entry, let payload else { return 0 }
    let mode = git_tree_entry_filemode(entry).rawValue
    guard mode == GIT_FILEMODE_BLOB.rawValue || mode == GIT_FILEMODE_BLOB_EXECUTABLE.rawValue else { return 0 }
    let collector = Unmanaged<TreeWalkCollector>.fromOpaque(payload).takeUnretainedValue()
    let path = String(cString: root) + String(cString: git_tree_entry_name(entry))
    collector.entries.append((path, git_tree_entry_id(entry).pointee))
    return 0
}
