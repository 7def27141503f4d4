import CLibGit2
import Foundation

/// Writes a large sync commit's new blobs into one pack instead of a loose file per object, as `git` keeps a big
/// fetch as one pack: a first pull of 10,000 items would otherwise create 10,000 files under `.git/objects` on top
/// of the 10,000 work items. Files are read, hashed and deflated on every core, a batch at a time, and appended to
/// the pack in order. `finish` puts the pack in place before anything refers to its blobs; the trees and the commit
/// that do are then written loose, like a small commit's.
final class PackedBlobWriter {
    /// Below this many files a commit writes loose objects, like git keeps a small fetch loose (`fetch.unpackLimit`).
    static let threshold = 100
    /// Files read and deflated ahead of appending them: enough to keep every core busy, few enough that real-size
    /// items at 100,000 do not sit in memory.
    static let batch = 256

    private let pack: PackFileWriter
    private let database: OpaquePointer

    /// Nil when the object folder is not the repository's own (`GIT_OBJECT_DIRECTORY`): libgit2 writes there loose.
    init?(beside repository: GitRepository) throws(GitError) {
        guard let objects = repository.ownObjectsFolder else { return nil }
        let folder = objects + "/pack"
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        database = try repository.objectDatabase()
        do throws(GitError) {
            pack = try PackFileWriter(folder: folder)
        } catch {
            git_odb_free(database)
            throw error
        }
    }

    deinit { git_odb_free(database) }

    /// The blob id of each of `count` sources, in order, as `git hash-object` gives it; `source` is asked for them a
    /// batch at a time. Blobs the repository or the pack holds already are not packed again.
    func store(_ count: Int, source: (Int) throws(GitError) -> BlobSource) throws(GitError) -> [git_oid] {
        var ids: [git_oid] = []
        ids.reserveCapacity(count)
        for start in stride(from: 0, to: count, by: Self.batch) {
            var sources: [BlobSource] = []
            for position in start..<min(start + Self.batch, count) { sources.append(try source(position)) }
            for entry in try Self.entries(for: sources) {
                var id = entry.id
                if !pack.holds(id), git_odb_exists_ext(database, &id, GIT_ODB_LOOKUP_NO_REFRESH.rawValue) != 1 {
                    try pack.append(entry)
                }
                ids.append(entry.id)
            }
        }
        return ids
    }

    /// Puts the pack in place and lets the repository's readers see it; nothing when it holds no object.
    func finish() throws(GitError) {
        guard try pack.finish() != nil else { return }
        try check(git_odb_refresh(database), "cannot read the sync commit's objects back")
    }

    /// The batch's entries, made on every core.
    private static func entries(for sources: [BlobSource]) throws(GitError) -> [PackEntry] {
        let lanes = max(1, min(ProcessInfo.processInfo.activeProcessorCount, sources.count / 16))
        let batch = PackEntryBatch()
        DispatchQueue.concurrentPerform(iterations: lanes) { lane in
            do throws(GitError) {
                let deflater = try Deflater()
                var made: [(Int, PackEntry)] = []
                for position in stride(from: lane, to: sources.count, by: lanes) {
                    made.append((position, try entry(for: sources[position], deflater: deflater)))
                }
                batch.add(made)
            } catch {
                batch.fail(error)
            }
        }
        return try batch.inOrder(count: sources.count)
    }

    private static func entry(for source: BlobSource, deflater: Deflater) throws(GitError) -> PackEntry {
        switch source {
        case .filtered(let bytes, _):
            return try bytes.withUnsafeBytes { raw in Result { () throws(GitError) in try PackEntry.blob(raw, deflater: deflater) } }.get()
        case .file(let absolute, let path):
            guard let bytes = FileManager.default.contents(atPath: absolute) else {
                throw GitError(.libgit2, "cannot store '\(path)' in the object database: cannot read it")
            }
            return try bytes.withUnsafeBytes { raw in Result { () throws(GitError) in try PackEntry.blob(raw, deflater: deflater) } }.get()
        }
    }
}
