import CLibGit2

extension GitRepository {
    /// HEAD's regular file (mode 100644 or 100755) at `path`, read straight from the object database; nil when HEAD
    /// has none there: nothing, a folder, a symlink or a submodule. Only that path's tree entries are read.
    public func headFile(at path: String) throws(GitError) -> [UInt8]? {
        let tree = try headTree()
        defer { git_tree_free(tree) }
        guard var entry = try TreeEntryState(at: path, in: tree),
              entry.mode == GIT_FILEMODE_BLOB || entry.mode == GIT_FILEMODE_BLOB_EXECUTABLE
        else { return nil }
        let database = try objectDatabase()
        defer { git_odb_free(database) }
        guard let contents = readObject(database, &entry.id, type: GIT_OBJECT_BLOB) else {
            throw GitError(.libgit2, "cannot read the blob of '\(path)': the object is missing")
        }
        return contents
    }

    /// The contents of a blob by its full hex id; nil when the id is malformed or the blob is missing.
    public func blob(_ id: String) -> [UInt8]? {
        guard var oid = parseObjectID(id), let database = try? objectDatabase() else { return nil }
        defer { git_odb_free(database) }
        return readObject(database, &oid, type: GIT_OBJECT_BLOB)
    }

    /// The id git would give these bytes as a blob (`git hash-object --no-filters`), without writing anything.
    public func hashBlob(_ contents: [UInt8]) -> String { Self.blobID(of: contents) }

    /// `hashBlob` without a repository: the id depends on the bytes alone.
    public static func blobID(of contents: [UInt8]) -> String {
        var oid = git_oid()
        _ = contents.withUnsafeBytes { git_odb_hash(&oid, $0.baseAddress, $0.count, GIT_OBJECT_BLOB) }
        return hexString(&oid)
    }

    /// The tree at `path` below `root` (`root` itself for ""), nil when there is no tree there. Caller frees a
    /// result different from `root`.
    func lookUpSubtree(of root: OpaquePointer, at path: String) throws(GitError) -> OpaquePointer? {
        if path.isEmpty { return root }
        guard var id = try subtreeID(of: root, at: path) else { return nil }
        var subtree: OpaquePointer?
        try check(git_tree_lookup(&subtree, raw, &id), "cannot read the tree '\(path)'")
        return subtree
    }

    /// The id of the tree at `path` (not "") below `root`, from its parent's entry: the tree itself is not read. nil
    /// when there is no tree there.
    func subtreeID(of root: OpaquePointer, at path: String) throws(GitError) -> git_oid? {
        var entry: OpaquePointer?
        let found = git_tree_entry_bypath(&entry, root, path)
        if found == GIT_ENOTFOUND.rawValue { return nil }
        try check(found, "cannot look up '\(path)' in HEAD")
        defer { git_tree_entry_free(entry) }
        guard git_tree_entry_type(entry) == GIT_OBJECT_TREE else { return nil }
        return git_tree_entry_id(entry).pointee
    }

    /// `objects` in the common git dir, where this module writes objects itself; nil when `GIT_OBJECT_DIRECTORY`
    /// names another folder, which only libgit2 writes to.
    var ownObjectsFolder: String? {
        environmentValue("GIT_OBJECT_DIRECTORY") == nil ? commonDir + "/objects" : nil
    }

    /// The repository's object database. Caller frees.
    func objectDatabase() throws(GitError) -> OpaquePointer {
        var database: OpaquePointer?
        try check(git_repository_odb(&database, raw), "cannot open the object database")
        guard let database else { throw GitError(.libgit2, "cannot open the object database") }
        return database
    }

    func readObject(_ database: OpaquePointer, _ oid: inout git_oid, type: git_object_t) -> [UInt8]? {
        var object: OpaquePointer?
        guard git_odb_read(&object, database, &oid) == 0, let object else { return nil }
        defer { git_odb_object_free(object) }
        guard git_odb_object_type(object) == type else { return nil }
        let size = git_odb_object_size(object)
        guard size > 0, let data = git_odb_object_data(object) else { return [] }
        return Array(UnsafeRawBufferPointer(start: data, count: size))
    }
}

/// Repository-relative paths as this module accepts them: '/' separators, no leading or trailing slash.
enum RepositoryPath {
    /// `meta/work` → `meta/work/`; "" or "." (the whole tree) → "".
    static func folderPrefix(_ folder: String) -> String {
        let components = folder.split(separator: "/").filter { $0 != "." }
        return components.isEmpty ? "" : components.joined(separator: "/") + "/"
    }

    /// Nil when the path is fine, else why not: a file path to write must stay inside the working tree and out of
    /// `.git`. Read as bytes: a sync commit asks it of every path.
    static func problem(with path: String) -> String? {
        let bytes = path.utf8
        if bytes.isEmpty || bytes.contains(0) { return "is empty or contains NUL" }
        let components = bytes.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        if components.contains(where: { $0.isEmpty || $0.elementsEqual(".".utf8) || $0.elementsEqual("..".utf8) }) {
            return "is not a plain repository-relative path"
        }
        if components.contains(where: isDotGit) { return "is inside .git" }
        return nil
    }

    /// ".git" in any case: `lowercased() == ".git"`, as only İ (to i and a combining dot) and the Kelvin sign (to
    /// k) lower into ASCII, and neither into ".git".
    private static func isDotGit(_ component: some Collection<UInt8>) -> Bool {
        let lower = { (byte: UInt8) in (0x41...0x5A).contains(byte) ? byte | 0x20 : byte }
        return component.count == 4 && component.map(lower).elementsEqual(".git".utf8)
    }

    /// Every folder holding one of `paths`, the root ("") included: "a/b/c.md" is held by "", "a" and "a/b".
    static func enclosingFolders(of paths: [String]) -> Set<String> {
        let slash = UInt8(ascii: "/")
        var folders: Set<String> = [""]
        for parent in Set(paths.compactMap { path in path.utf8.lastIndex(of: slash).map { path[..<$0] } }) {
            var folder = parent
            while folders.insert(String(folder)).inserted, let above = folder.utf8.lastIndex(of: slash) {
                folder = folder[..<above]
            }
        }
        return folders
    }
}
