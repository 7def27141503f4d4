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

/// Reads every work item from HEAD's tree in one walk, parses it, and marks files with uncommitted edits.
struct LocalItemLoader {
    let repository: GitRepository
    let workPath: String
    let idPattern: IdPattern

    /// `overrides`: files an interrupted run wrote and journalled, read from the working tree instead of HEAD
    /// (path → blob id written), so the sync's own uncommitted writes are not mistaken for the user's edits.
    func load(overrides: [String: String]) throws -> LoadedItems {
        var files = try repository.headFiles(under: workPath).filter { $0.path.hasSuffix(".md") }
        let dirty = try repository.dirtyPaths(under: [workPath])
        var byPath = Dictionary(files.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        for (path, blob) in overrides {
            guard let data = FileManager.default.contents(atPath: repository.workdir + "/" + path) else { continue }
            byPath[path] = TreeFile(path: path, blobID: blob, contents: Array(data))
        }
        files = byPath.values.sorted { $0.path < $1.path }

        var items: [LocalItem] = []
        var problems: [ItemProblem] = []
        var reserved = Set<String>()
        for file in files {
            let name = (file.path as NSString).lastPathComponent
            if name.hasPrefix(".") || name.uppercased() == "README.MD" { continue }
            if let id = idPattern.id(inFileName: name) { reserved.insert(id) }
            let text = String(decoding: file.contents, as: UTF8.self)
            let document: WorkItemDocument
            do {
                document = try WorkItemDocument(text: text)
            } catch {
                problems.append(ItemProblem(path: file.path, line: error.line, message: error.message))
                continue
            }
            let identity = WorkItemIdentity(document: document)
            guard let id = identity.localID ?? idPattern.id(inFileName: name) else {
                problems.append(ItemProblem(path: file.path, line: 1, message: "no id: add `id: \"NNNN\"` to the frontmatter"))
                continue
            }
            items.append(LocalItem(
                id: id, path: file.path, document: document, blobID: file.blobID, identity: identity,
                isDirty: overrides[file.path] == nil && dirty.contains(file.path), content: document.localContent()))
        }

        // Work items not committed yet still hold their ids.
        for path in dirty where byPath[path] == nil && path.hasSuffix(".md") {
            if let id = idPattern.id(inFileName: (path as NSString).lastPathComponent) { reserved.insert(id) }
        }

        // Duplicate ids: report every file after the first and leave all of them out of the sync.
        let groups = Dictionary(grouping: items, by: \.id)
        var excluded = Set<String>()
        for (id, group) in groups where group.count > 1 {
            excluded.insert(id)
            let first = group[0].path
            for other in group.dropFirst() {
                problems.append(ItemProblem(path: other.path, line: 1,
                    message: "duplicate id \"\(id)\" (also in \(first)): give one of them a new id"))
            }
        }
        return LoadedItems(items: items.filter { !excluded.contains($0.id) }, problems: problems, reservedIDs: reserved)
    }
}

struct LoadedItems {
    var items: [LocalItem]
    var problems: [ItemProblem]
    /// Ids named by every file, readable or not, so a new item never takes the id of a broken one.
    var reservedIDs: Set<String>
}
