import Foundation
import GitStore

/// The write-ahead record of a run under `.git/sync-work-items/journal.jsonl`, so that a run killed at any point
/// can be finished by the next one: every local file write, every conflict decision and the sync commit are
/// appended here *before* they are made, every remote create before it is sent (safety invariant 2), every remote
/// update once it is answered. Cleared after the sync commit.
public final class Journal {
    public let path: String
    private let steps: StepRecorder
    private var handle: FileHandle?

    public convenience init(directory: String) {
        self.init(directory: directory, steps: .none)
    }

    init(directory: String, steps: StepRecorder) {
        path = directory + "/journal.jsonl"
        self.steps = steps
    }

    /// Entries of an earlier run that did not finish; a torn last line (killed mid-write) is ignored.
    public func pendingEntries() -> [JournalEntry] {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        let decoder = JSONDecoder()
        return data.split(separator: UInt8(ascii: "\n")).compactMap { try? decoder.decode(JournalEntry.self, from: Data($0)) }
    }

    /// Appends one line. Throws the I/O error, or the `SyncFailure` of an observer that stops the run here.
    public func append(_ entry: JournalEntry) throws {
        try append(JournalLine(entry))
    }

    func append(_ line: JournalLine) throws {
        let handle = try openedHandle()
        try line.bytes.withUnsafeBytes { buffer throws in
            var offset = 0
            while offset < buffer.count {
                let written = write(handle.fileDescriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw FileWriteError(description: "cannot append to \(path): \(String(cString: strerror(errno)))")
                }
                offset += written
            }
        }
        try steps.record(.journalAppended(kind: line.entry.kind.rawValue, id: line.entry.id))
    }

    private func openedHandle() throws -> FileHandle {
        if let handle { return handle }
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        if !FileManager.default.fileExists(atPath: path) {
            _ = FileManager.default.createFile(atPath: path, contents: nil)
        }
        let opened = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try opened.seekToEnd()
        handle = opened
        return opened
    }

    /// Flushes to disk; called before the sync commit so that the commit never gets ahead of the journal.
    public func sync() throws { try handle?.synchronize() }

    /// Replaces the whole journal with `entries` in one rename (none: the file goes), so a run killed meanwhile
    /// finds either the old journal or the new one, never a journal without the entries it still needs.
    func replace(with entries: [JournalEntry]) throws {
        try? handle?.close()
        handle = nil
        if entries.isEmpty {
            if unlink(path) != 0 && errno != ENOENT {
                throw FileWriteError(description: "cannot remove \(path): \(String(cString: strerror(errno)))")
            }
        } else {
            let temporary = path + ".tmp"
            var data = Data()
            for entry in entries { data += JournalLine(entry).bytes }
            guard FileManager.default.createFile(atPath: temporary, contents: data), rename(temporary, path) == 0 else {
                unlink(temporary)
                throw FileWriteError(description: "cannot rewrite \(path)")
            }
        }
        try steps.record(.journalReplaced)
    }

    public func remove() {
        try? handle?.close()
        handle = nil
        try? FileManager.default.removeItem(atPath: path)
    }

}
