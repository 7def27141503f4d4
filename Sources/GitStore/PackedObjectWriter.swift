import CLibGit2
import Foundation

/// Writes a large sync commit's new objects into one pack instead of a loose file per object, as `git` keeps a big
/// fetch as one pack: a first pull of 10,000 items would otherwise create 10,000 files under `.git/objects` on top
/// of the 10,000 work items. Objects go to an in-memory store (libgit2's mempack) of a second handle on the same
/// repository and working tree, so the main handle's object database is never changed; `write` then stores them
/// as one pack, indexed, before anything refers to them.
final class PackedObjectWriter {
    /// Below this many files a commit writes loose objects, like git keeps a small fetch loose (`fetch.unpackLimit`).
    static let threshold = 100

    /// The handle whose writes land in memory; reads see the repository's objects as well.
    let repository: OpaquePointer
    private let memory: OpaquePointer

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
            var backend: OpaquePointer?
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
    }

    deinit { git_repository_free(repository) }

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

    /// Stores every object written through `repository` as one pack in `main`'s object database (nothing when
    /// none was new), then forgets them from memory.
    func write(into main: GitRepository) throws(GitError) {
        var pack = git_buf()
        defer { git_buf_dispose(&pack) }
        try check(git_mempack_dump(&pack, repository, memory), "cannot pack the sync commit's objects")
        defer { git_mempack_reset(memory) }
        // A pack of no objects is its 12-byte header and 20-byte checksum.
        guard let data = pack.ptr, pack.size > 32 else { return }

        let database = try main.objectDatabase()
        defer { git_odb_free(database) }
        var writer: UnsafeMutablePointer<git_odb_writepack>?
        try check(git_odb_write_pack(&writer, database, nil, nil), "cannot store the sync commit's objects")
        guard let writer else { throw GitError(.libgit2, "cannot store the sync commit's objects") }
        defer { writer.pointee.free(writer) }
        var progress = git_indexer_progress()
        try check(writer.pointee.append(writer, data, pack.size, &progress), "cannot store the sync commit's objects")
        try check(writer.pointee.commit(writer, &progress), "cannot store the sync commit's objects")
        try check(git_odb_refresh(database), "cannot read the sync commit's objects back")
    }
}
