import CLibGit2
import Foundation

/// Writes a large sync commit's new objects into one pack instead of a loose file per object, as `git` keeps a big
/// fetch as one pack: a first pull of 10,000 items would otherwise create 10,000 files under `.git/objects` on top
/// of the 10,000 work items. Objects go to an in-memory store (libgit2's mempack) of a second handle on the same
/// repository and working tree, so the main handle's object database is never changed; `write` then stores the new
/// ones as one pack, indexed, before anything refers to them.
final class PackedObjectWriter {
    /// Below this many files a commit writes loose objects, like git keeps a small fetch loose (`fetch.unpackLimit`).
    static let threshold = 100
    /// A file of this size or more is written loose even in a packed commit. In the pack it is held whole in memory,
    /// copied again when packed, and deflated at zlib's default level (libgit2 1.5's packbuilder has no setting); a
    /// loose object is deflated as it is written, at the fastest level. The baseline of 100,000 items is 28 MB: in
    /// the pack it was 56 MB of the first pull's peak and most of a later large sync's 0.9 s of deflating.
    static let looseSize: Int64 = 1 << 20

    /// The handle whose writes land in memory; reads see the repository's objects as well.
    let repository: OpaquePointer
    private let memory: UnsafeMutablePointer<git_odb_backend>
    /// The main handle, which writes loose objects.
    private let main: OpaquePointer

    /// A handle on `main`'s git dir with `main`'s working tree, writing into memory.
    init(beside main: GitRepository) throws(GitError) {
        var opened: OpaquePointer?
        try check(git_repository_open(&opened, main.gitDir), "cannot open the repository to write the sync commit")
        guard let opened else { throw GitError(.libgit2, "cannot open the repository to write the sync commit") }
        do throws(GitError) {
            try check(git_repository_set_workdir(opened, main.workdir, 0), "cannot use the working tree \(main.workdir)")
            Self.skipDeltaSearch(in: opened, settings: main.commonDir + "/sync-work-items/pack.config")
            var database: OpaquePointer?
            try check(git_repository_odb(&database, opened), "cannot open the object database")
            defer { git_odb_free(database) }
            var backend: UnsafeMutablePointer<git_odb_backend>?
            try check(git_mempack_new(&backend), "cannot prepare the sync commit's objects in memory")
            guard let backend else { throw GitError(.libgit2, "cannot prepare the sync commit's objects in memory") }
            // The database owns the backend from here; the highest priority makes it take every write.
            try check(git_odb_add_backend(database, backend, 999), "cannot prepare the sync commit's objects in memory")
            memory = backend
        } catch {
            git_repository_free(opened)
            throw error
        }
        repository = opened
        self.main = main.raw
    }

    deinit { git_repository_free(repository) }

    /// The handle a blob of `size` bytes is written through: the pack's, or the main handle's when it is large.
    func handle(forBlobOf size: Int64) -> OpaquePointer {
        size >= Self.looseSize ? main : repository
    }

    /// libgit2's packbuilder tries every object against ten others as a delta base and keeps up to 256 MB of
    /// deltas in memory: for a first pull's thousands of small files that cost a fifth of the pack's time and about
    /// 20 MB, to save a third of a pack `git gc` deltifies later anyway (as after any fetch git keeps unpacked). It
    /// has no window setting, but it leaves out of the search every object above its big-file threshold, which it
    /// reads from `pack.deltaCacheSize` (a corrected libgit2 would read `pack.bigFileThreshold`). A file setting both
    /// to 1 byte is added to this handle's configuration only: the repository's own files are never changed. When
    /// the file cannot be written or read, the pack is made with the search, as before: slower, never wrong.
    private static func skipDeltaSearch(in repository: OpaquePointer, settings path: String) {
        let text = "# git-sync-work-items: no delta search in the packs of its sync commits\n[pack]\n\tdeltaCacheSize = 1\n\tbigFileThreshold = 1\n"
        guard Self.ensureFile(path, holds: text) else { return }
        var config: OpaquePointer?
        guard git_repository_config(&config, repository) == 0 else { return }
        defer { git_config_free(config) }
        _ = git_config_add_file_ondisk(config, path, GIT_CONFIG_LEVEL_APP, repository, 1)
    }

    /// Writes `text` to `path` (through a temporary and a rename) unless it holds it already.
    private static func ensureFile(_ path: String, holds text: String) -> Bool {
        if FileManager.default.contents(atPath: path) == Data(text.utf8) { return true }
        let folder = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let temporary = path + ".tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(text.utf8)) else { return false }
        guard rename(temporary, path) == 0 else {
            unlink(temporary)
            return false
        }
        return true
    }

    /// Stores the objects `commit` added, held in memory, as one pack in `main`'s object database (nothing when none
    /// was new), then forgets them from memory. The new objects are the commit, the trees on the way to the changed
    /// paths and the changed files' blobs; libgit2's own `git_mempack_dump` packs everything the commit's tree
    /// reaches, which would copy every work item already in the repository into each sync's pack.
    func write(into main: GitRepository, commit: git_oid, tree: git_oid, changes: [PathChange]) throws(GitError) {
        defer { git_mempack_reset(memory) }
        let added = try newObjects(commit: commit, tree: tree, changes: changes)
        if added.isEmpty { return }
        let builder = try packBuilder(holding: added)
        defer { git_packbuilder_free(builder) }
        let database = try main.objectDatabase()
        defer { git_odb_free(database) }
        let stream = try PackStream(into: database)
        try stream.write(builder)
        try stream.commit()
        try check(git_odb_refresh(database), "cannot read the sync commit's objects back")
    }

    /// Of the objects the commit can have added, those the in-memory store holds: whatever else it refers to was in
    /// the repository already.
    private func newObjects(commit: git_oid, tree: git_oid, changes: [PathChange]) throws(GitError) -> [git_oid] {
        var candidates = [commit, tree]
        candidates += try folderTrees(of: changes.map(\.path), in: tree)
        candidates += changes.compactMap(\.after?.id)
        return candidates.filter { candidate in
            var id = candidate
            return memory.pointee.exists(memory, &id) == 1
        }
    }

    /// The tree of every folder holding one of `paths` below the root, as `tree` has it.
    private func folderTrees(of paths: [String], in tree: git_oid) throws(GitError) -> [git_oid] {
        var rootID = tree
        var root: OpaquePointer?
        try check(git_tree_lookup(&root, repository, &rootID), "cannot read the sync commit's tree")
        defer { git_tree_free(root) }
        let folders = RepositoryPath.enclosingFolders(of: paths).subtracting([""])
        return folders.compactMap { folder in
            var entry: OpaquePointer?
            guard git_tree_entry_bypath(&entry, root, folder) == 0 else { return nil }
            defer { git_tree_entry_free(entry) }
            return git_tree_entry_id(entry).pointee
        }
    }

    private func packBuilder(holding objects: [git_oid]) throws(GitError) -> OpaquePointer {
        var created: OpaquePointer?
        try check(git_packbuilder_new(&created, repository), "cannot pack the sync commit's objects")
        guard let builder = created else { throw GitError(.libgit2, "cannot pack the sync commit's objects") }
        for object in objects {
            var id = object
            let inserted = git_packbuilder_insert(builder, &id, nil)
            if inserted < 0 {
                git_packbuilder_free(builder)
                try check(inserted, "cannot pack the sync commit's objects")
            }
        }
        return builder
    }
}
