import Foundation
import GitStore
import WorkItems

/// `git sync-work-items status`: what changed locally since the last sync, offline. Items whose blob is the one
/// recorded at the last sync are known to be unchanged without being parsed, which keeps 10,000 items fast.
public struct StatusReport: Sendable {
    public enum State: String, Sendable, CaseIterable {
        /// Committed changes not yet synced.
        case modified
        /// Never pushed to the tracker.
        case unpushed
        /// Uncommitted edits (the sync will not touch or push it until they are committed).
        case uncommitted
        /// Has a remote key but no record in the baseline (first sync pending).
        case unsynced
    }

    public struct Entry: Sendable {
        public var id: String
        public var path: String
        public var key: String?
        public var state: State
    }

    public var integration: String
    public var lastSync: Date?
    public var entries: [Entry]
    public var unchangedCount: Int
    public var problems: [ItemProblem]

    /// Like `git status`: names and blob ids from HEAD's tree, dirtiness from the index's stat data. A file whose
    /// blob the baseline recorded is unchanged without being read; any other blob is parsed once and remembered in
    /// the blob cache, so the next run reads nothing it has seen.
    public static func compute(environment: SyncEnvironment) throws(SyncFailure) -> StatusReport {
        let workspace = try Workspace.open(environment: environment, deferringBaseline: true)
        // As the last sync left it (with the default filters): every tracked item unchanged, nothing else to read.
        if let stamp = workspace.settledStamp(filters: SyncOptions()) {
            return StatusReport(integration: workspace.integration, lastSync: stamp.since, entries: [],
                unchangedCount: stamp.tracked.count, problems: [])
        }
        let repository = workspace.repository
        let baseline = try workspace.baselineFile.load()
        let files: [TreeEntry]
        let dirty: Set<String>
        do {
            files = try repository.headEntries(under: workspace.config.workPath).filter { $0.path.hasSuffix(".md") }
            dirty = try repository.dirtyPaths(under: [workspace.config.workPath], refreshingIndex: true)
        } catch { throw .from(error) }
        let syncedBlobs = Set(baseline.items.values.compactMap(\.localBlob))
        let cache = ItemBlobCache(path: workspace.itemCachePath)

        var entries: [Entry] = []
        var problems: [ItemProblem] = []
        var unchanged = 0
        var unknown: [TreeEntry] = []
        for file in files {
            let name = String(LocalItemLoader.fileName(file.path))
            if name.hasPrefix(".") || LocalItemLoader.isReadme(name) { continue }
            if dirty.contains(file.path) {
                entries.append(Entry(id: workspace.idPattern.id(inFileName: name) ?? name, path: file.path, key: nil, state: .uncommitted))
            } else if syncedBlobs.contains(file.blobID) {
                unchanged += 1
            } else {
                unknown.append(file)
            }
        }
        let facts = learn(unknown, into: cache, repository: repository)
        for file in unknown {
            let name = String(LocalItemLoader.fileName(file.path))
            let fallbackID = workspace.idPattern.id(inFileName: name) ?? name
            switch facts[file.blobID] {
            case .parsed(let identity, let hash)?:
                let id = identity.localID ?? fallbackID
                guard let key = identity.remoteKey else {
                    entries.append(Entry(id: id, path: file.path, key: nil, state: .unpushed))
                    continue
                }
                guard let entry = baseline.items[id] else {
                    entries.append(Entry(id: id, path: file.path, key: key, state: .unsynced))
                    continue
                }
                if entry.localHash == hash {
                    unchanged += 1
                } else {
                    entries.append(Entry(id: id, path: file.path, key: key, state: .modified))
                }
            case .problem(let line, let message)?:
                problems.append(ItemProblem(path: file.path, line: line, message: message))
            case .scanned?, nil:
                problems.append(ItemProblem(path: file.path, line: nil, message: "cannot read its blob \(file.blobID) from the object database"))
            }
        }
        cache.keep(files.map(\.blobID))
        cache.save()
        let inHead = Set(files.map(\.path))
        for path in dirty.sorted() where !inHead.contains(path) && path.hasSuffix(".md") {
            let name = String(LocalItemLoader.fileName(path))
            entries.append(Entry(id: workspace.idPattern.id(inFileName: name) ?? name, path: path, key: nil, state: .uncommitted))
        }
        return StatusReport(integration: workspace.integration, lastSync: baseline.timestamp,
            entries: entries.sorted { $0.path < $1.path }, unchangedCount: unchanged, problems: problems)
    }

    /// What each blob holds (blob id → parsed or problem): from the cache, else parsed now and remembered.
    private static func learn(_ files: [TreeEntry], into cache: ItemBlobCache, repository: GitRepository) -> [String: ItemBlobCache.Fact] {
        var facts: [String: ItemBlobCache.Fact] = [:]
        var missing: [TreeEntry] = []
        for file in files {
            switch cache.fact(for: file.blobID) {
            case let fact? where fact.isParsed: facts[file.blobID] = fact
            default: missing.append(file)
            }
        }
        for (file, contents) in zip(missing, repository.blobs(missing.map(\.blobID))) {
            guard let contents else { continue }
            let fact: ItemBlobCache.Fact
            do {
                let document = try WorkItemDocument(bytes: contents)
                try document.validate()
                fact = .parsed(WorkItemIdentity(document: document), contentHash: document.localContent().contentHash())
            } catch {
                fact = .problem(line: error.line, message: error.message)
            }
            facts[file.blobID] = fact
            cache.remember(fact, for: file.blobID)
        }
        return facts
    }
}
