import CLibGit2
import Foundation

extension GitRepository {
    /// Where the index lives: `GIT_INDEX_FILE` when set (the path the opener gave libgit2), else `index` in this
    /// worktree's git dir, as libgit2 names it. Worked out without loading the index, which at 10,000 entries took
    /// 12 ms before a sync's first request.
    func indexFilePath() -> String {
        environmentValue("GIT_INDEX_FILE") ?? gitDir + "/index"
    }

    /// Who holds the index lock. A lock that a killed sync left (our signature, pid gone) is removed here, with the
    /// half-written index beside it; a lock anyone else holds is a `.lockHeld` error saying so. Returns whether it
    /// removed an abandoned lock.
    @discardableResult
    public func clearAbandonedIndexLock() throws(GitError) -> Bool {
        let indexPath = indexFilePath()
        switch IndexLock.holder(ofIndex: indexPath) {
        case .nobody:
            return false
        case .someoneElse:
            throw GitError(.lockHeld, IndexLock.heldMessage(IndexLock.lockPath(forIndex: indexPath)))
        case .killedSync:
            let replacement = Self.replacementPath(forIndex: indexPath)
            unlink(replacement)
            unlink(replacement + ".lock")
            unlink(IndexLock.lockPath(forIndex: indexPath))
            return true
        }
    }

    /// Paths below `folders` whose index entry differs from HEAD's (blob or mode), with both sides.
    public func indexDifferences(under folders: [String]) throws(GitError) -> [IndexDifference] {
        let prefixes = folders.map(RepositoryPath.folderPrefix)
        if prefixes.isEmpty { return [] }
        let tree = try headTree()
        defer { git_tree_free(tree) }
        let index = try freshIndex()
        defer { git_index_free(index) }

        var options = git_diff_options()
        try check(git_diff_options_init(&options, UInt32(GIT_DIFF_OPTIONS_VERSION)), "cannot set up a diff")
        options.flags = GIT_DIFF_INCLUDE_TYPECHANGE.rawValue | GIT_DIFF_DISABLE_PATHSPEC_MATCH.rawValue
        let wholeTree = prefixes.contains("")
        let pathspec = wholeTree ? [] : prefixes.map { String($0.dropLast()) }
        let diff = try CStringArray(pathspec).withStrArray { strings throws(GitError) -> OpaquePointer in
            options.pathspec = strings
            var diff: OpaquePointer?
            try check(git_diff_tree_to_index(&diff, raw, tree, index, &options), "cannot compare the index with HEAD")
            guard let diff else { throw GitError(.libgit2, "cannot compare the index with HEAD") }
            return diff
        }
        defer { git_diff_free(diff) }

        var differences: [IndexDifference] = []
        for position in 0..<git_diff_num_deltas(diff) {
            guard let delta = git_diff_get_delta(diff, position)?.pointee else { continue }
            let path = String(cString: delta.new_file.path ?? delta.old_file.path)
            guard wholeTree || prefixes.contains(where: { path.hasPrefix($0) }) else { continue }
            differences.append(IndexDifference(
                path: path, head: IndexedBlob(delta.old_file), staged: IndexedBlob(delta.new_file)))
        }
        return differences.sorted { $0.path < $1.path }
    }

    /// Points the index entries of `paths` back at HEAD's blobs (removing those HEAD does not have), under the index
    /// lock. An entry whose working file matches HEAD gets the file's stat data, like `git reset`; otherwise git
    /// re-reads the file when it next looks.
    public func resetIndexEntriesToHEAD(_ paths: [String]) throws(GitError) {
        if paths.isEmpty { return }
        let tree = try headTree()
        defer { git_tree_free(tree) }
        var entries: [(path: String, head: TreeEntryState?, stat: WorkingFile?)] = []
        for path in paths {
            let head = try TreeEntryState(at: path, in: tree)
            var stat: WorkingFile?
            if let head, hashWorkingFile(path) == head.hex { stat = try WorkingFile.status(workdir + "/" + path, path: path) }
            entries.append((path, head, stat))
        }
        let indexPath = indexFilePath()
        let lock = try IndexLock.acquire(indexPath: indexPath)
        defer { lock.release() }
        let failure = "cannot repair the index entries of \(paths.joined(separator: ", "))"
        _ = try replaceIndex(at: indexPath, failure: failure) { index throws(GitError) in
            for entry in entries {
                _ = git_index_conflict_remove(index, entry.path)
                guard let head = entry.head else {
                    let removed = git_index_remove_bypath(index, entry.path)
                    if removed != GIT_ENOTFOUND.rawValue { try check(removed, failure) }
                    continue
                }
                let added = entry.path.withCString { path in
                    var indexEntry = entry.stat?.indexEntry(id: head.id, mode: head.mode) ?? git_index_entry()
                    indexEntry.id = head.id
                    indexEntry.mode = head.mode.rawValue
                    indexEntry.path = path
                    return git_index_add(index, &indexEntry)
                }
                try check(added, failure)
            }
        }
    }

    /// The blob id `git add` would store for the working file at `path` (filters applied; a symlink's target text),
    /// nil when there is no such file.
    public func hashWorkingFile(_ path: String) -> String? {
        let full = workdir + "/" + path
        var info = stat()
        guard lstat(full, &info) == 0 else { return nil }
        if info.st_mode & S_IFMT == S_IFLNK {
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let length = readlink(full, &buffer, buffer.count - 1)
            guard length >= 0 else { return nil }
            return hashBlob(buffer[0..<length].map { UInt8(bitPattern: $0) })
        }
        guard info.st_mode & S_IFMT == S_IFREG else { return nil }
        var oid = git_oid()
        guard git_repository_hashfile(&oid, raw, full, GIT_OBJECT_BLOB, path) == 0 else { return nil }
        return hexString(&oid)
    }

    /// The repository's index, re-read from disk. Caller frees.
    func freshIndex() throws(GitError) -> OpaquePointer {
        try index(forcingRead: true)
    }

    /// The repository's index as libgit2 holds it, read again only when the file changed since (its size, time or
    /// inode), as git does: the sync commit asks for it after `status` has read it. Caller frees.
    func currentIndex() throws(GitError) -> OpaquePointer {
        try index(forcingRead: false)
    }

    private func index(forcingRead force: Bool) throws(GitError) -> OpaquePointer {
        var index: OpaquePointer?
        try check(git_repository_index(&index, raw), "cannot open the index")
        guard let index else { throw GitError(.libgit2, "cannot open the index") }
        let read = git_index_read(index, force ? 1 : 0)
        if read < 0 {
            git_index_free(index)
            throw GitError.libgit2(read, "cannot read the index")
        }
        return index
    }

    /// With the index lock held: copies the index beside itself, lets `edit` change the copy through libgit2, and
    /// renames the copy over the index (atomic, like git's own `index.lock` → `index`). Returns the bytes the index
    /// had (nil: there was none), so a later failure can put them back.
    func replaceIndex(at indexPath: String, failure: String, editing edit: (OpaquePointer) throws(GitError) -> Void)
        throws(GitError) -> Data?
    {
        let previous = FileManager.default.contents(atPath: indexPath)
        let replacement = Self.replacementPath(forIndex: indexPath)
        unlink(replacement)
        unlink(replacement + ".lock")
        if let previous { try Self.writeFile(replacement, previous, failure: failure) }
        var copy: OpaquePointer?
        try check(git_index_open(&copy, replacement), failure)
        defer { git_index_free(copy) }
        guard let copy else { throw GitError(.libgit2, failure) }
        do {
            try edit(copy)
            try check(git_index_write(copy), failure)
        } catch {
            unlink(replacement)
            throw error
        }
        if rename(replacement, indexPath) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(replacement)
            throw GitError(.libgit2, "\(failure): \(reason)")
        }
        return previous
    }

    /// Puts back the index `replaceIndex` replaced (the lock is still held).
    func restoreIndex(_ previous: Data?, at indexPath: String) throws(GitError) {
        guard let previous else {
            unlink(indexPath)
            return
        }
        let replacement = Self.replacementPath(forIndex: indexPath)
        try Self.writeFile(replacement, previous, failure: "cannot restore the index")
        if rename(replacement, indexPath) != 0 {
            unlink(replacement)
            throw GitError(.libgit2, "cannot restore the index: \(String(cString: strerror(errno)))")
        }
    }

    static func replacementPath(forIndex indexPath: String) -> String { indexPath + ".sync-work-items.tmp" }

    private static func writeFile(_ path: String, _ data: Data, failure: String) throws(GitError) {
        unlink(path)
        guard FileManager.default.createFile(atPath: path, contents: data) else {
            throw GitError(.libgit2, "\(failure): cannot write \(path)")
        }
    }
}
