import Foundation
import Synchronization

/// Remembers the ETag and body of listing responses (by URL, never by credentials) in a file under
/// `.git/sync-work-items/cache/`, so an unchanged listing costs a 304 that most trackers do not count.
public final class ETagCache: Sendable {
    private struct Entry: Codable, Sendable {
        var etag: String
        var body: [UInt8]
    }

    private let path: String?
    private let entries: Mutex<[String: Entry]>
    private let dirty = Mutex(false)

    public init(file: URL?) {
        path = file?.path
        let loaded = file.flatMap { FileManager.default.contents(atPath: $0.path) }
            .flatMap { try? JSONDecoder().decode([String: Entry].self, from: $0) } ?? [:]
        entries = Mutex(loaded)
    }

    public func etag(for url: String) -> String? { entries.withLock { $0[url]?.etag } }

    public func body(for url: String) -> [UInt8]? { entries.withLock { $0[url]?.body } }

    public func store(url: String, etag: String, body: [UInt8]) {
        entries.withLock { $0[url] = Entry(etag: etag, body: body) }
        dirty.withLock { $0 = true }
    }

    /// Writes the cache atomically when it changed; a cache that cannot be written is simply not kept.
    public func save() {
        guard let path, dirty.withLock({ $0 }) else { return }
        let snapshot = entries.withLock { $0 }
        guard let data = try? JSONEncoder().encode(snapshot) else { return }
        let folder = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let temp = path + ".tmp-\(getpid())"
        if FileManager.default.createFile(atPath: temp, contents: data) { _ = rename(temp, path) }
    }
}
