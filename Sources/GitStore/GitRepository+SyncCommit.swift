import CLibGit2
import Foundation

extension GitRepository {
    /// Commits exactly `paths` as they are in the working tree (a missing file is a deletion) on top of HEAD, and
    /// nothing else: the tree is HEAD's tree plus these changes, never the index, so whatever else the user staged
    /// stays staged and out of the commit. Returns nil and changes nothing when the tree would equal HEAD's.
    /// `prepareSyncCommit` and `finishSyncCommit` in one call, for callers with nothing to journal in between.
    public func commitSync(paths: [String], message: String) throws(GitError) -> SyncCommit? {
        guard let prepared = try prepareSyncCommit(paths: paths, message: { _ in message }) else { return nil }
        do {
            return try finishSyncCommit(prepared) { _ in }
        } catch let error as GitError {
            throw error
        } catch {
            throw GitError(.libgit2, "cannot finish the sync commit: \(error)")
        }
    }

    /// Reads `paths` from the working tree (writing their blobs) and writes the commit object on top of HEAD, with
    /// the message `message` makes from the changes. Moves nothing: returns nil when the tree would equal HEAD's.
    /// Author and committer are resolved first. Refuses while a rebase, merge, cherry-pick, revert, bisect or am is
    /// in progress. Runs no hooks and signs nothing.
    public func prepareSyncCommit(paths: [String], message: ([StagedChange]) -> String) throws(GitError)
        -> PreparedSyncCommit?
    {
        if let operation = RepositoryOperation(state: git_repository_state(raw)) { throw operation.error }
        let requested = Array(Set(paths)).sorted()
        for path in requested {
            if let problem = RepositoryPath.problem(with: path) {
                throw GitError(.libgit2, "cannot commit '\(path)': the path \(problem)")
            }
        }
        let author = try makeSignature(try authorIdentity(), role: .author)
        defer { git_signature_free(author) }
        let committer = try makeSignature(try committerIdentity(), role: .committer)
        defer { git_signature_free(committer) }

        let headReference = try headReference()
        defer { git_reference_free(headReference) }
        let referenceName =
            git_repository_head_detached(raw) == 1 ? "HEAD" : String(cString: git_reference_name(headReference))
        let parent = try headCommit()
        defer { git_commit_free(parent) }
        let parentTree = try headTree()
        defer { git_tree_free(parentTree) }

        // Many files: their blobs go into one pack rather than a loose file each.
        let packed = requested.count >= PackedBlobWriter.threshold ? try PackedBlobWriter(beside: self) : nil
        let reading = WorkingTreeReading(
            filters: ContentFilters(repository: self, paths: requested), trustFileMode: configBool("core.filemode") ?? true)
        let changes = try snapshot(requested, before: TreeEntryLookup(repository: self, root: parentTree), packed: packed,
            reading: reading)
        try packed?.finish()
        let treeChanges = changes.filter(\.changesTree)
        if treeChanges.isEmpty { return nil }
        var treeID = try updatedTree(parentTree, with: treeChanges)
        if git_oid_equal(&treeID, git_tree_id(parentTree)) == 1 { return nil }

        let text = message(treeChanges.map(\.staged))
        let subject = text.split(maxSplits: 1, whereSeparator: \.isNewline).first.map(String.init) ?? ""
        guard !subject.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw GitError(.libgit2, "cannot make the sync commit: its message must start with a non-empty line")
        }
        var commitID = try createCommit(tree: &treeID, parent: git_commit_id(parent), author: author, committer: committer,
            message: text)
        return PreparedSyncCommit(
            id: hexString(&commitID), parent: hexString(git_commit_id(parent)), reference: referenceName,
            pathChanges: changes, subject: subject)
    }

    /// Makes a prepared commit real in `git commit`'s order: takes the index lock, points the synced paths' index
    /// entries at the committed blobs (every other entry, staged or not, is kept), moves the reference, releases
    /// the lock. A run killed at any point leaves the index either as it was or ahead of HEAD with exactly the
    /// journalled blobs, never behind it. `observe` hears each step; whatever it throws stops the commit there.
    public func finishSyncCommit(_ prepared: PreparedSyncCommit, observe: (CommitStep) throws -> Void) throws -> SyncCommit {
        if let operation = RepositoryOperation(state: git_repository_state(raw)) { throw operation.error }
        let indexPath = indexFilePath()
        let lock = try IndexLock.acquire(indexPath: indexPath)
        defer { lock.release() }
        try observe(.indexLocked)

        let advice = "cannot update the index for the sync commit \(prepared.id.prefix(12)); nothing was committed"
        let previous = try replaceIndex(at: indexPath, failure: advice) { index throws(GitError) in
            try stage(prepared.pathChanges, in: index, failure: advice)
        }
        try observe(.indexWritten)

        do {
            try moveReference(prepared)
        } catch {
            try? restoreIndex(previous, at: indexPath)
            throw error
        }
        try observe(.referenceMoved)
        return SyncCommit(id: prepared.id, paths: prepared.changes.map(\.path))
    }

    private func moveReference(_ prepared: PreparedSyncCommit) throws(GitError) {
        guard var commitID = parseObjectID(prepared.id), var parentID = parseObjectID(prepared.parent) else {
            throw GitError(.libgit2, "cannot move \(prepared.reference): the prepared commit id is malformed")
        }
        var updated: OpaquePointer?
        let moved = git_reference_create_matching(
            &updated, raw, prepared.reference, &commitID, 1, &parentID, "sync-work-items: \(prepared.subject)")
        git_reference_free(updated)
        if moved == GIT_EMODIFIED.rawValue {
            throw GitError(.libgit2, "HEAD moved while the sync commit was being made: run the sync again")
        }
        try check(moved, "cannot move \(prepared.reference) to the sync commit")
    }

    /// Reads the requested paths from the working tree, each paired with HEAD's entry: stat data first, then the
    /// blobs, into `packed` for regular files when the commit is packed, else loose.
    private func snapshot(_ paths: [String], before lookup: TreeEntryLookup, packed: PackedBlobWriter?,
                          reading: WorkingTreeReading) throws(GitError) -> [PathChange]
    {
        var found: [(path: String, before: TreeEntryState?, status: WorkingFile?)] = []
        found.reserveCapacity(paths.count)
        for path in paths {
            found.append((path, try lookup.state(at: path), try WorkingFile.status(workdir + "/" + path, path: path)))
        }
        var packedIDs: [Int: git_oid] = [:]
        if let packed {
            let regular = found.indices.filter { found[$0].status?.isRegularFile == true }
            let ids = try packed.store(regular.count) { position throws(GitError) in
                try blobSource(found[regular[position]].path, filtered: reading.filters.mayApply)
            }
            packedIDs = Dictionary(uniqueKeysWithValues: zip(regular, ids))
        }
        return try found.indices.map { position throws(GitError) in
            let (path, before, status) = found[position]
            guard let status else { return PathChange(path: path, before: before, after: nil, stat: nil) }
            let blobID: git_oid
            if let packedID = packedIDs[position] {
                blobID = packedID
            } else {
                blobID = try storeBlob(path, status: status, filtered: reading.filters.mayApply)
            }
            let mode = status.fileMode(keepingExecutableBitFrom: before, trustFileMode: reading.trustFileMode)
            return PathChange(path: path, before: before, after: TreeEntryState(id: blobID, mode: mode), stat: status)
        }
    }

    /// A regular file's bytes as they go into the object database: the file itself when no filter applies to it,
    /// else what libgit2's filters make of it, as `git_blob_create_from_workdir` would.
    private func blobSource(_ path: String, filtered: Bool) throws(GitError) -> BlobSource {
        let file = BlobSource.file(absolute: workdir + "/" + path, path: path)
        guard filtered else { return file }
        let failure = "cannot store '\(path)' in the object database"
        var list: OpaquePointer?
        try check(git_filter_list_load(&list, raw, nil, path, GIT_FILTER_TO_ODB, GIT_FILTER_DEFAULT.rawValue), failure)
        guard let list else { return file }
        defer { git_filter_list_free(list) }
        var buffer = git_buf()
        defer { git_buf_dispose(&buffer) }
        try check(git_filter_list_apply_to_file(&buffer, list, raw, path), failure)
        return .filtered(Array(UnsafeRawBufferPointer(start: buffer.ptr, count: buffer.size)), path: path)
    }

    /// The file's bytes as a blob when no filter can apply; otherwise through libgit2, which applies the
    /// repository's filters (.gitattributes eol, core.autocrlf) exactly as `git add` would, and reads symlinks.
    private func storeBlob(_ path: String, status: WorkingFile, filtered: Bool) throws(GitError)
        -> git_oid
    {
        var blobID = git_oid()
        let failure = "cannot store '\(path)' in the object database"
        if filtered || !status.isRegularFile {
            try check(git_blob_create_from_workdir(&blobID, raw, path), failure)
            return blobID
        }
        guard let bytes = FileManager.default.contents(atPath: workdir + "/" + path) else {
            throw GitError(.libgit2, "\(failure): cannot read it")
        }
        if bytes.count >= LooseBlobWriter.threshold, let folder = ownObjectsFolder {
            let database = try objectDatabase()
            defer { git_odb_free(database) }
            let writer = LooseBlobWriter(objectsFolder: folder, database: database)
            if let id = try bytes.withUnsafeBytes({ raw in Result { () throws(GitError) in try writer.store(raw) } }).get() {
                return id
            }
        }
        let stored = bytes.withUnsafeBytes { git_blob_create_from_buffer(&blobID, raw, $0.baseAddress, $0.count) }
        try check(stored, failure)
        return blobID
    }

    private func updatedTree(_ parentTree: OpaquePointer, with changes: [PathChange]) throws(GitError) -> git_oid {
        let paths = CStringArray(changes.map(\.path))
        var treeID = git_oid()
        try paths.withStrArray { strings throws(GitError) in
            var updates = changes.enumerated().map { position, change in
                var update = git_tree_update()
                update.path = UnsafePointer(strings.strings[position])
                if let after = change.after {
                    update.action = GIT_TREE_UPDATE_UPSERT
                    update.id = after.id
                    update.filemode = after.mode
                } else {
                    update.action = GIT_TREE_UPDATE_REMOVE
                }
                return update
            }
            try check(
                git_tree_create_updated(&treeID, raw, parentTree, updates.count, &updates),
                "cannot build the sync commit's tree")
        }
        return treeID
    }

    private func createCommit(
        tree treeID: inout git_oid, parent parentID: UnsafePointer<git_oid>, author: UnsafeMutablePointer<git_signature>,
        committer: UnsafeMutablePointer<git_signature>, message: String
    ) throws(GitError) -> git_oid {
        var tree: OpaquePointer?
        try check(git_tree_lookup(&tree, raw, &treeID), "cannot read the sync commit's tree")
        defer { git_tree_free(tree) }
        var parent: OpaquePointer?
        try check(git_commit_lookup(&parent, raw, parentID), "cannot read HEAD's commit")
        defer { git_commit_free(parent) }
        var parents: [OpaquePointer?] = [parent]
        var commitID = git_oid()
        let fullMessage = message.hasSuffix("\n") ? message : message + "\n"
        try check(
            git_commit_create(&commitID, raw, nil, author, committer, nil, fullMessage, tree, 1, &parents),
            "cannot create the sync commit")
        return commitID
    }

    /// Points the synced paths' index entries at what is committed, keeping every other entry.
    private func stage(_ changes: [PathChange], in index: OpaquePointer, failure: String) throws(GitError) {
        for change in changes {
            _ = git_index_conflict_remove(index, change.path)
            if let after = change.after, let stat = change.stat {
                let added = change.path.withCString { path in
                    var entry = stat.indexEntry(id: after.id, mode: after.mode)
                    entry.path = path
                    return git_index_add(index, &entry)
                }
                try check(added, failure)
            } else {
                let removed = git_index_remove_bypath(index, change.path)
                if removed != GIT_ENOTFOUND.rawValue { try check(removed, failure) }
            }
        }
    }
}
