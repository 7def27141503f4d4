import Foundation

/// One end-to-end scenario's world: a tracker harness and a scratch repository configured for it, with the steps
/// scenarios share. Failures are thrown as `HarnessError`s naming what went wrong.
final class Scene {
    let tracker: any TrackerHarness
    let repo: ScratchRepo

    init(_ tracker: any TrackerHarness, narrowedToProject: Bool = false) throws {
        self.tracker = tracker
        repo = try ScratchRepo(testName: tracker.integration)
        try tracker.configure(repo, narrowedToProject: narrowedToProject)
    }

    /// Local items pushed by a first sync, so both sides and the baseline agree; the request log is cleared.
    /// Returns id → remote key.
    @discardableResult
    func establish(_ items: [(id: String, title: String)]) async throws -> [String: String] {
        for item in items {
            try repo.write(path(item.id), workItem(id: item.id, title: item.title,
                extraSections: "\n## Requirements\n\n- First requirement\n- Second requirement\n"))
        }
        try repo.commitAll("Work items")
        let first = try repo.sync("--push-new=all")
        guard first.status == 0 else { throw HarnessError("the first sync failed (\(first.status)): \(first.stdout)\(first.stderr)") }
        var keys: [String: String] = [:]
        for item in items { keys[item.id] = try key(of: path(item.id)) }
        try await tracker.clearRequests()
        return keys
    }

    /// `meta/work/<id>-item.md`, where `establish` and `makeConflicts` put their items.
    func path(_ id: String) -> String { "meta/work/\(id)-item.md" }

    /// The remote key a local file carries (`external_id`, or the older schema's `work_item_id`).
    func key(of relativePath: String) throws -> String {
        let text = try read(relativePath)
        for field in ["external_id:", "work_item_id:"] {
            if let line = text.split(separator: "\n").first(where: { $0.hasPrefix(field) }) {
                let value = line.dropFirst(field.count).trimmingCharacters(in: CharacterSet(charactersIn: " \""))
                if tracker.isKey(value) { return value }
            }
        }
        throw HarnessError("\(relativePath) carries no \(tracker.integration) key:\n\(text)")
    }

    func read(_ relativePath: String) throws -> String {
        guard let text = repo.read(relativePath) else { throw HarnessError("no file \(relativePath)") }
        return text
    }

    /// Replaces `from` by `to` in a local item (not committed).
    func editLocally(_ id: String, _ from: String, _ to: String) throws {
        let text = try read(path(id))
        guard text.contains(from) else { throw HarnessError("\(path(id)) does not contain \(from.debugDescription)") }
        try repo.write(path(id), text.replacingOccurrences(of: from, with: to))
    }

    /// Work files other than those named by `ids`.
    func newFiles(besides ids: [String]) -> [String] {
        repo.files(under: "meta/work").filter { file in !ids.contains { file.hasPrefix($0 + "-") } }
    }

    /// Tracked items whose descriptions then differ on both sides (committed): a conflict each.
    func makeConflicts(_ ids: [String]) async throws -> [String: String] {
        let keys = try await establish(ids.map { ($0, "Item \($0)") })
        for id in ids {
            try await tracker.change(keys[id]!, RemoteFields(description: "## Summary\n\nRemote words for \(id).\n"))
            try editLocally(id, "Something to do.", "Local words for \(id).")
        }
        try repo.commitAll("local edits")
        return keys
    }

    /// The built binary on a pseudo-terminal in the repository.
    func session(_ args: String...) throws -> TerminalSession {
        try TerminalSession(BuiltProducts.syncBinary, args, in: repo.root, environment: repo.environment)
    }

    func remoteDescription(_ key: String) async throws -> String {
        guard let item = try await tracker.item(key) else { throw HarnessError("no remote item \(key)") }
        return item.description
    }
}
