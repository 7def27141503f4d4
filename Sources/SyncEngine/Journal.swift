import Foundation

/// The write-ahead record of a run under `.git/sync-work-items/journal.jsonl`, so that a run killed at any point
/// can be finished by the next one: every remote write and local file write is appended here as it completes, and
/// every remote create is appended *before* it is sent (safety invariant 2). Removed after the sync commit.
public struct JournalEntry: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable {
        /// A remote create is about to be sent with this marker.
        case createIntent = "create-intent"
        /// The item's remote side is done (update, create, or found converged); `baseline` is its new entry.
        case remoteDone = "remote-done"
        /// A file was written (atomically) with blob `blob`; `baseline` is the item's new entry.
        case localWrite = "local-write"
    }

    public var kind: Kind
    public var id: String
    public var path: String?
    public var blob: String?
    public var key: String?
    public var marker: String?
    public var time: String?
    public var remoteUpdatedAt: String?
    public var remoteHash: String?
    public var localHash: String?
    public var localBlob: String?

    public init(kind: Kind, id: String, path: String? = nil, blob: String? = nil, key: String? = nil, marker: String? = nil,
                time: String? = nil, baseline: BaselineEntry? = nil) {
        self.kind = kind
        self.id = id
        self.path = path
        self.blob = blob
        self.key = key
        self.marker = marker
        self.time = time
        self.remoteUpdatedAt = baseline?.remoteUpdatedAt
        self.remoteHash = baseline?.remoteHash
        self.localHash = baseline?.localHash
        self.localBlob = baseline?.localBlob
    }

    public var baseline: BaselineEntry? {
        guard remoteUpdatedAt != nil || remoteHash != nil || localHash != nil || localBlob != nil else { return nil }
        return BaselineEntry(remoteUpdatedAt: remoteUpdatedAt, remoteHash: remoteHash, localHash: localHash, localBlob: localBlob)
    }

    enum CodingKeys: String, CodingKey {
        case kind = "type", id, path, blob, key, marker, time
        case remoteUpdatedAt = "remote_updated_at", remoteHash = "remote_hash", localHash = "local_hash", localBlob = "local_blob"
    }
}

public final class Journal {
    public let path: String
    private var handle: FileHandle?

    public init(directory: String) {
        path = directory + "/journal.jsonl"
    }

    /// Entries of an earlier run that did not finish; a torn last line (killed mid-write) is ignored.
    public func pendingEntries() -> [JournalEntry] {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        let decoder = JSONDecoder()
        return data.split(separator: UInt8(ascii: "\n")).compactMap { try? decoder.decode(JournalEntry.self, from: Data($0)) }
    }

    public func append(_ entry: JournalEntry) throws {
        if handle == nil {
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            if !FileManager.default.fileExists(atPath: path) {
                _ = FileManager.default.createFile(atPath: path, contents: nil)
            }
            handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
            try handle?.seekToEnd()
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var line = try encoder.encode(entry)
        line.append(UInt8(ascii: "\n"))
        try handle?.write(contentsOf: line)
    }

    /// Flushes to disk; called before the sync commit so that the commit never gets ahead of the journal.
    public func sync() throws { try handle?.synchronize() }

    public func remove() {
        try? handle?.close()
        handle = nil
        try? FileManager.default.removeItem(atPath: path)
    }
}
