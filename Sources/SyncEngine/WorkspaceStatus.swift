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

    public static func compute(environment: SyncEnvironment) throws(SyncFailure) -> StatusReport {
        let workspace = try Workspace.open(environment: environment)
        let repository = workspace.repository
        let baseline = workspace.baselineOnDisk
        let files: [TreeFile]
        let dirty: Set<String>
        do {
            files = try repository.headFiles(under: workspace.config.workPath).filter { $0.path.hasSuffix(".md") }
            dirty = try repository.dirtyPaths(under: [workspace.config.workPath])
        } catch { throw .from(error) }
        let syncedBlobs = Set(baseline.items.values.compactMap(\.localBlob))

        var entries: [Entry] = []
        var problems: [ItemProblem] = []
        var unchanged = 0
        for file in files {
            let name = (file.path as NSString).lastPathComponent
            if name.hasPrefix(".") || name.uppercased() == "README.MD" { continue }
            let fallbackID = workspace.idPattern.id(inFileName: name) ?? name
            if dirty.contains(file.path) {
                entries.append(Entry(id: fallbackID, path: file.path, key: nil, state: .uncommitted))
                continue
            }
            if syncedBlobs.contains(file.blobID) {
                unchanged += 1
                continue
            }
            let document: WorkItemDocument
            do {
                document = try WorkItemDocument(bytes: file.contents)
                try document.validate()
            } catch {
                problems.append(ItemProblem(path: file.path, line: error.line, message: error.message))
                continue
            }
            let identity = WorkItemIdentity(document: document)
            let id = identity.localID ?? fallbackID
            guard let key = identity.remoteKey else {
                entries.append(Entry(id: id, path: file.path, key: nil, state: .unpushed))
                continue
            }
            guard let entry = baseline.items[id] else {
                entries.append(Entry(id: id, path: file.path, key: key, state: .unsynced))
                continue
            }
            if entry.localHash == document.localContent().contentHash() {
                unchanged += 1
            } else {
                entries.append(Entry(id: id, path: file.path, key: key, state: .modified))
            }
        }
        let inHead = Set(files.map(\.path))
        for path in dirty.sorted() where !inHead.contains(path) && path.hasSuffix(".md") {
            let name = (path as NSString).lastPathComponent
            entries.append(Entry(id: workspace.idPattern.id(inFileName: name) ?? name, path: path, key: nil, state: .uncommitted))
        }
        return StatusReport(integration: workspace.integration, lastSync: baseline.timestamp,
            entries: entries.sorted { $0.path < $1.path }, unchangedCount: unchanged, problems: problems)
    }
}
