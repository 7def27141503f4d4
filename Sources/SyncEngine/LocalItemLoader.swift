import Foundation
import GitStore
import WorkItems

/// A file that could not be used, reported as `path:line: what is wrong`.
public struct ItemProblem: Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var line: Int?
    public var message: String
    public var description: String { line.map { "\(path):\($0): \(message)" } ?? "\(path): \(message)" }
}

/// A tracked item known to be unchanged since the last sync and untouched remotely, so it was never parsed:
/// the planner only needs its id and key (parent links, key ownership, id allocation).
public struct SettledItem: Sendable, Equatable {
    public var id: String
    public var path: String
    public var key: String
}

/// One work-item file from HEAD (or the working tree, for a file an interrupted run wrote), scanned for its
/// identity but not yet parsed.
struct ScannedFile {
    var path: String
    var blobID: String
    /// nil until needed: a file whose identity the cache knew was not read.
    var contents: [UInt8]?
    var identity: WorkItemIdentity?
    var id: String?
    var isDirty: Bool
}

struct LoadedItems {
    var items: [LocalItem]
    var settled: [SettledItem]
    var problems: [ItemProblem]
    /// Ids named by every file, readable or not, so a new item never takes the id of a broken one.
    var reservedIDs: Set<String>
}

/// Reads every work item from HEAD's tree in one walk. Reading and parsing are the expensive parts at 10,000 items,
/// so they happen in two steps: `scan` learns ids and keys (from the blob cache, else from the text), and
/// `materialise` parses only the files that may matter.
struct LocalItemLoader {
    let repository: GitRepository
    let workPath: String
    let idPattern: IdPattern
    /// What earlier runs learnt of each blob; nil reads every blob.
    var cache: ItemBlobCache? = nil
    /// Whether the walk of the working tree may refresh the index's stat data (not in a preview).
    var refreshesIndex = false

    /// `overrides`: files an interrupted run wrote and journalled (path → blob id), read from the working tree so
    /// the sync's own uncommitted writes are not mistaken for the user's edits.
    func scan(overrides: [String: String]) async throws -> (files: [ScannedFile], reservedIDs: Set<String>) {
        let dirtyPaths = repository.dirtyPathsOnItsOwnThread(under: [workPath], refreshingIndex: refreshesIndex)
        let head = try repository.headEntries(under: workPath).filter { $0.path.hasSuffix(".md") }
        var candidates = head.filter { !overrides.keys.contains($0.path) }.map { (path: $0.path, blobID: $0.blobID, contents: [UInt8]?.none) }
        for (path, blob) in overrides {
            guard let data = FileManager.default.contents(atPath: repository.workdir + "/" + path) else { continue }
            candidates.append((path, blob, Array(data)))
        }
        candidates = candidates.filter { file in
            let name = Self.fileName(file.path)
            return !name.hasPrefix(".") && !Self.isReadme(name)
        }
        candidates.sort { $0.path < $1.path }
        let cached = candidates.map { $0.contents == nil ? knownIdentity($0.blobID) : nil }
        let unknown = candidates.indices.filter { candidates[$0].contents == nil && cached[$0] == nil }.map { candidates[$0].blobID }
        let read = Dictionary(zip(unknown, repository.blobs(unknown)), uniquingKeysWith: { a, _ in a })

        var files: [ScannedFile] = []
        files.reserveCapacity(candidates.count)
        var reserved = Set<String>()
        for (file, cachedIdentity) in zip(candidates, cached) {
            let fromName = idPattern.id(inFileName: String(Self.fileName(file.path)))
            if let fromName { reserved.insert(fromName) }
            var contents = file.contents
            let identity: WorkItemIdentity?
            if let cachedIdentity {
                identity = cachedIdentity
            } else {
                guard let bytes = contents ?? read[file.blobID] ?? nil else {
                    throw GitError(.libgit2, "cannot read the blob of '\(file.path)': the object is missing")
                }
                contents = bytes
                // A file that is not UTF-8 still names its key here (identity fields are ASCII), so its remote item is
                // not taken for an untracked one; parsing it reports the problem and it is never rewritten.
                identity = WorkItemIdentity.scan(String(decoding: bytes, as: UTF8.self))
                if file.contents == nil, let identity { cache?.remember(.scanned(identity), for: file.blobID) }
            }
            files.append(ScannedFile(path: file.path, blobID: file.blobID, contents: contents, identity: identity,
                id: identity?.localID ?? fromName, isDirty: false))
        }
        cache?.keep(head.map(\.blobID))
        // Only now: the walk of the working tree runs on its own thread while the files above are worked out.
        let dirty = try await dirtyPaths.value.get()
        if dirty.isEmpty { return (files, reserved) }
        for index in files.indices where overrides[files[index].path] == nil && dirty.contains(files[index].path) {
            files[index].isDirty = true
        }
        // Work items not committed yet still hold their ids.
        let known = Set(head.map(\.path)).union(candidates.map(\.path))
        for path in dirty where !known.contains(path) && path.hasSuffix(".md") {
            if let id = idPattern.id(inFileName: String(Self.fileName(path))) { reserved.insert(id) }
        }
        return (files, reserved)
    }

    /// `README.md` in any case. Only a 9-byte name can be one (no other letter upper-cases to these), so the rest
    /// of 10,000 names are not upper-cased to find out.
    static func isReadme(_ name: some StringProtocol) -> Bool {
        name.utf8.count == 9 && name.uppercased() == "README.MD"
    }

    /// The last component of a repository path (without Foundation's path bridging, which costs at 10,000 files).
    static func fileName(_ path: String) -> Substring {
        path.utf8.lastIndex(of: UInt8(ascii: "/")).map { path[path.index(after: $0)...] } ?? Substring(path)
    }

    private func knownIdentity(_ blob: String) -> WorkItemIdentity? {
        switch cache?.fact(for: blob) {
        case .scanned(let identity)?, .parsed(let identity, _)?: return identity
        default: return nil
        }
    }

    /// Parses the files `mustParse` picks (and any whose identity the scan could not read); the rest are settled.
    func materialise(_ files: [ScannedFile], reservedIDs: Set<String>, mustParse: (ScannedFile) -> Bool) -> LoadedItems {
        var items: [LocalItem] = []
        var settled: [SettledItem] = []
        settled.reserveCapacity(files.count)
        var problems: [ItemProblem] = []
        for file in files {
            if let identity = file.identity, let id = file.id, let key = identity.remoteKey, !mustParse(file) {
                settled.append(SettledItem(id: id, path: file.path, key: key))
                continue
            }
            guard let contents = file.contents ?? repository.blob(file.blobID) else {
                problems.append(ItemProblem(path: file.path, line: nil, message: "cannot read its blob \(file.blobID) from the object database"))
                continue
            }
            let document: WorkItemDocument
            do {
                document = try WorkItemDocument(bytes: contents)
                try document.validate()
            } catch {
                problems.append(ItemProblem(path: file.path, line: error.line, message: error.message))
                continue
            }
            let identity = WorkItemIdentity(document: document)
            guard let id = identity.localID ?? idPattern.id(inFileName: String(LocalItemLoader.fileName(file.path))) else {
                problems.append(ItemProblem(path: file.path, line: 1, message: "no id: add `id: \"NNNN\"` to the frontmatter"))
                continue
            }
            items.append(LocalItem(id: id, path: file.path, document: document, blobID: file.blobID, identity: identity,
                isDirty: file.isDirty, content: document.localContent()))
        }

        // Duplicate ids: report every file after the first and leave all of them out of the sync. Only ids seen
        // twice get a list of paths (a list for each of 10,000 ids was a tenth of this step).
        var firstPath: [String: String] = [:]
        firstPath.reserveCapacity(items.count + settled.count)
        var pathsByID: [String: [String]] = [:]
        for (id, path) in items.lazy.map({ ($0.id, $0.path) }) + settled.lazy.map({ ($0.id, $0.path) }) {
            if let first = firstPath.updateValue(path, forKey: id) {
                firstPath[id] = first
                pathsByID[id, default: [first]].append(path)
            }
        }
        var excluded = Set<String>()
        for (id, paths) in pathsByID where paths.count > 1 {
            excluded.insert(id)
            let sorted = paths.sorted()
            for other in sorted.dropFirst() {
                problems.append(ItemProblem(path: other, line: 1,
                    message: "duplicate id \"\(id)\" (also in \(sorted[0])): give one of them a new id"))
            }
        }
        return LoadedItems(items: items.filter { !excluded.contains($0.id) }, settled: settled.filter { !excluded.contains($0.id) },
            problems: problems, reservedIDs: reservedIDs)
    }

    /// Every file parsed (for `check`).
    func load(overrides: [String: String]) async throws -> LoadedItems {
        let (files, reserved) = try await scan(overrides: overrides)
        return materialise(files, reservedIDs: reserved, mustParse: { _ in true })
    }
}
