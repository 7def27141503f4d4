import Foundation
import WorkItems

/// What each work-item blob holds, remembered by blob id in `.git/sync-work-items/cache/items`, so a blob is read
/// and parsed once per clone instead of once per run: `status` and the sync's scan then read nothing for a file
/// they have seen before, as git's index spares `git status` from hashing unchanged files. A blob id names its
/// content, so an entry cannot go stale; the header names the binary that wrote the file (a new build may parse
/// differently, so it starts afresh). Entries are kept for the blobs a run saw in the tree or wrote itself.
final class ItemBlobCache {
    enum Fact: Equatable, Sendable {
        /// The identity a scan of the frontmatter's id lines found: all a settled item needs.
        case scanned(WorkItemIdentity)
        /// Parsed in full: the identity and the hash of the local content (what `status` compares).
        case parsed(WorkItemIdentity, contentHash: String)
        /// The document could not be parsed.
        case problem(line: Int?, message: String)

        /// Whether the document was parsed (to a content hash or a problem), not only scanned.
        var isParsed: Bool {
            if case .scanned = self { return false }
            return true
        }
    }

    static let fileName = "items"
    private static let format = "git-sync-work-items item cache 1"

    private let path: String?
    /// Read from the file on first use: a run that asks nothing (every file synced) never reads it.
    private var loaded: [String: Fact]?
    /// Blobs of the tree this run read, and those it wrote: what `save` keeps.
    private var live = Set<String>()
    private var changed = false
    /// The entries went to a save (which pruned them): until something is remembered, there is nothing to save.
    private var pruned = false

    /// `path` nil: remember nothing between runs.
    init(path: String?) { self.path = path }

    /// The facts, read from the file the first time they are needed.
    private func load() -> [String: Fact] {
        if let loaded { return loaded }
        let read = path.flatMap { FileManager.default.contents(atPath: $0) }.map { Self.parse(Array($0)) } ?? [:]
        loaded = read
        return read
    }

    func fact(for blob: String) -> Fact? { load()[blob] }

    func remember(_ fact: Fact, for blob: String) {
        live.insert(blob)
        guard Self.storable(fact), load()[blob] != fact else { return }
        loaded?[blob] = fact
        changed = true
    }

    /// The blobs of the tree this run reads: their entries outlive the run.
    func keep(_ blobs: some Sequence<String>) { live.formUnion(blobs) }

    /// Writes the cache, when anything changed, with the entries of the blobs kept or remembered this run;
    /// atomically, and a cache that cannot be written is simply not kept. A cache never read is left as it is.
    func save() {
        takeWhatToSave()?.write()
    }

    /// `save()` on another thread: the entries are taken now, and the task prunes and writes them. nil when there is
    /// nothing to write. Nothing remembered after this call is saved by it.
    func saveInBackground() -> Task<Void, Never>? {
        guard let contents = takeWhatToSave() else { return nil }
        return Task.detached { contents.write() }
    }

    /// The entries and the blobs to keep, when anything may have changed; a later `save` then writes nothing unless
    /// more is remembered. The pruning itself is left to `Contents` (a fifth of a small sync's work after its
    /// writes, at 10,000 items), so `loaded` keeps the unused entries for the rest of this run.
    private func takeWhatToSave() -> Contents? {
        guard let path, let facts = loaded, changed || !pruned else { return nil }
        let contents = Contents(path: path, facts: facts, live: live, changed: changed)
        pruned = true
        changed = false
        return contents
    }

    /// The cache file's path and entries, pruned and written away from the run's thread.
    private struct Contents: Sendable {
        let path: String
        let facts: [String: Fact]
        /// The blobs whose entries are kept.
        let live: Set<String>
        /// Whether an entry was added or changed: otherwise the file is written only when pruning drops one.
        let changed: Bool

        func write() {
            let kept = facts.filter { live.contains($0.key) }
            guard changed || kept.count != facts.count else { return }
            write(kept)
        }

        private func write(_ facts: [String: Fact]) {
            // In the dictionary's order: the file is read whole into a dictionary, so its order says nothing.
            var bytes = Array((ItemBlobCache.header + "\n").utf8)
            bytes.reserveCapacity(facts.count * 120)
            for (blob, fact) in facts {
                bytes += blob.utf8
                bytes.append(0x09)
                bytes += ItemBlobCache.line(fact).utf8
                bytes.append(0x0A)
            }
            let folder = (path as NSString).deletingLastPathComponent
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let temporary = path + ".tmp-\(getpid())"
            if FileManager.default.createFile(atPath: temporary, contents: Data(bytes)) {
                if rename(temporary, path) != 0 { unlink(temporary) }
            }
        }
    }

    // MARK: Format: a header line, then `<blob>\t<kind>\t<fields…>` per blob

    /// The format and the binary that wrote it (size, modification time and inode of the running executable).
    static let header: String = {
        var info = stat()
        guard stat("/proc/self/exe", &info) == 0 else { return format }
        return format + " \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec) \(info.st_ino)"
    }()

    fileprivate static func line(_ fact: Fact) -> String {
        switch fact {
        case .scanned(let identity): return "S\t" + fields(identity)
        case .parsed(let identity, let hash): return "P\t" + fields(identity) + "\t" + hash
        case .problem(let line, let message): return "E\t" + (line.map(String.init) ?? "-") + "\t" + message
        }
    }

    private static func fields(_ identity: WorkItemIdentity) -> String {
        (identity.schema == .workItemID ? "w" : "e") + "\t" + (identity.localID ?? "") + "\t" + (identity.remoteKey ?? "")
    }

    /// Tabs, line breaks and backslashes would need escaping; such rare values are simply not remembered.
    private static func storable(_ fact: Fact) -> Bool {
        let values: [String?]
        switch fact {
        case .scanned(let identity): values = [identity.localID, identity.remoteKey]
        case .parsed(let identity, let hash): values = [identity.localID, identity.remoteKey, hash]
        case .problem(_, let message): values = [message]
        }
        return values.allSatisfy { value in
            value.map { !$0.utf8.contains { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == 0x5C } } ?? true
        }
    }

    static func parse(_ bytes: [UInt8]) -> [String: Fact] {
        bytes.withUnsafeBufferPointer { buffer in
            var facts: [String: Fact] = [:]
            var sawHeader = false
            var fields: [String] = []
            var lineStart = 0
            while lineStart < buffer.count {
                let lineEnd = buffer[lineStart...].firstIndex(of: 0x0A) ?? buffer.count
                let line = UnsafeBufferPointer(rebasing: buffer[lineStart..<lineEnd])
                lineStart = lineEnd + 1
                if line.isEmpty { continue }
                guard sawHeader else {
                    guard String(decoding: line, as: UTF8.self) == header else { return [:] }
                    sawHeader = true
                    facts.reserveCapacity(buffer.count / 64)
                    continue
                }
                Self.split(line, into: &fields)
                guard fields.count >= 3, let fact = fact(fields[1], Array(fields.dropFirst(2))) else { continue }
                facts[fields[0]] = fact
            }
            return facts
        }
    }

    /// The line's tab-separated fields (empty ones kept), without an array of slices in between.
    private static func split(_ line: UnsafeBufferPointer<UInt8>, into fields: inout [String]) {
        fields.removeAll(keepingCapacity: true)
        var fieldStart = 0
        for position in 0...line.count where position == line.count || line[position] == 0x09 {
            fields.append(String(decoding: UnsafeBufferPointer(rebasing: line[fieldStart..<position]), as: UTF8.self))
            fieldStart = position + 1
        }
    }

    private static func fact(_ kind: String, _ fields: [String]) -> Fact? {
        func identity() -> WorkItemIdentity? {
            guard fields.count >= 3, ["e", "w"].contains(fields[0]) else { return nil }
            return WorkItemIdentity(localID: fields[1].isEmpty ? nil : fields[1], remoteKey: fields[2].isEmpty ? nil : fields[2],
                schema: fields[0] == "w" ? .workItemID : .externalID)
        }
        switch kind {
        case "S" where fields.count == 3: return identity().map(Fact.scanned)
        case "P" where fields.count == 4: return identity().map { .parsed($0, contentHash: fields[3]) }
        case "E" where fields.count == 2: return .problem(line: Int(fields[0]), message: fields[1])
        default: return nil
        }
    }
}
