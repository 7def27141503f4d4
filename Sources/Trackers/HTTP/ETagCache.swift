import Foundation
import Synchronization

/// Remembers the ETag and body of listing responses (by URL, never by credentials) in a file under
/// `.git/sync-work-items/cache/`, so an unchanged listing costs a 304 that most trackers do not count.
/// Only the entries a run used are kept, so the file stays the size of one incremental read.
public final class ETagCache: Sendable {
    private struct Entry: Codable, Sendable {
        var etag: String
        var body: Data
    }

    private let path: String?
    private let loaded: [String: Entry]
    private let used = Mutex<[String: Entry]>([:])

    public init(file: URL?) {
        path = file?.path
        loaded = file.flatMap { FileManager.default.contents(atPath: $0.path) }
            .flatMap { try? JSONDecoder().decode([String: Entry].self, from: $0) } ?? [:]
    }

    public func etag(for url: String) -> String? { loaded[url]?.etag }

    /// The cached body for a 304; the entry is kept for the next run.
    public func body(for url: String) -> [UInt8]? {
        guard let entry = loaded[url] else { return nil }
        used.withLock { $0[url] = entry }
        return Array(entry.body)
    }

    public func store(url: String, etag: String, body: [UInt8]) {
        used.withLock { $0[url] = Entry(etag: etag, body: Data(body)) }
    }

    /// Not kept for the next run: it will be asked for without an ETag.
    public func forget(url: String) {
        used.withLock { $0[url] = nil }
    }

    /// Writes what this run used, atomically; a cache that cannot be written is simply not kept.
    public func save() {
        guard let path else { return }
        let snapshot = used.withLock { $0 }
        guard snapshot.keys.sorted() != loaded.keys.sorted() || snapshot.contains(where: { loaded[$0.key]?.etag != $0.value.etag }),
            let data = try? JSONEncoder().encode(snapshot)
        else { return }
        let folder = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let temp = path + ".tmp-\(getpid())"
        if FileManager.default.createFile(atPath: temp, contents: data) { _ = rename(temp, path) }
    }
}
