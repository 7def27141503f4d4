import Foundation

/// The one run the kill harness interrupts, the same for every tracker and set up only through the harness's neutral
/// admin calls and local commits. Eight items pushed and in sync (one at a time, so every setup gives them the same
/// keys), then, in one run of `command`: two local edits pushed (one also starts its item: a transition where the
/// tracker has workflows), two remote edits pulled,
/// two conflicts resolved `local` and two `remote`, two never-pushed items created and three new remote items pulled,
/// and the sync commit.
struct KillScenario {
    static let pushed = ["0001", "0002"]
    /// The pushed item whose status changes too, to `startedStatus`.
    static let started = "0002"
    static let startedStatus = "in-progress"
    static let pulled = ["0003", "0004"]
    static let keptLocal = ["0005", "0006"]
    static let keptRemote = ["0007", "0008"]
    static let created = ["0009", "0010"]
    static let discovered = ["Remote new one", "Remote new two", "Remote new three"]
    static var established: [String] { pushed + pulled + keptLocal + keptRemote }

    /// What the interrupted run, and the run after it, are asked to do.
    static let command = ["--push-new=all"] + keptLocal.flatMap { ["--resolve", "\($0)=local"] }
        + keptRemote.flatMap { ["--resolve", "\($0)=remote"] } + ["--no-input"]

    let scene: Scene
    /// Local id → remote key of the established items.
    let keys: [String: String]

    static func prepare(_ scene: Scene) async throws -> KillScenario {
        let keys = try await establish(scene)
        for id in pushed { try scene.editLocally(id, "Something to do.", "Local words for \(id).") }
        try scene.editLocally(started, "status: ready", "status: \(startedStatus)")
        for id in keptLocal { try scene.editLocally(id, "Something to do.", "Mine wins \(id).") }
        for id in keptRemote { try scene.editLocally(id, "Something to do.", "Mine loses \(id).") }
        for id in created {
            try scene.repo.write(scene.path(id), workItem(id: id, title: "Created \(id)", summary: "Created locally \(id)."))
        }
        try scene.repo.commitAll("Local edits and new items")

        let tracker = scene.tracker
        for id in pulled { try await tracker.change(keys[id]!, RemoteFields(description: remoteBody("Remote words for \(id)."))) }
        for id in keptLocal { try await tracker.change(keys[id]!, RemoteFields(description: remoteBody("Theirs loses \(id)."))) }
        for id in keptRemote { try await tracker.change(keys[id]!, RemoteFields(description: remoteBody("Theirs wins \(id)."))) }
        for (n, title) in discovered.enumerated() {
            try await tracker.add(tracker.inProject(RemoteFields(title: title, description: remoteBody("Pulled new \(n + 1)."))))
            // A creation second of its own: new items are numbered by creation time, and items made in the same
            // second by key, which on Trello (a random shortLink) would number them differently in each replay and
            // rename the work files a kill point names.
            try await tracker.advanceClock(seconds: 1)
        }
        try await tracker.clearRequests()
        return KillScenario(scene: scene, keys: keys)
    }

    private static func establish(_ scene: Scene) async throws -> [String: String] {
        for id in established {
            try scene.repo.write(scene.path(id), workItem(id: id, title: "Item \(id)",
                extraSections: "\n## Requirements\n\n- First requirement\n- Second requirement\n"))
        }
        try scene.repo.commitAll("Work items")
        let first = try await scene.repo.syncOnItsOwnThread(["--push-new=all", "--concurrency", "1", "--no-input"])
        guard first.status == 0 else { throw HarnessError("the establishing sync failed (\(first.status)): \(first.output)") }
        var keys: [String: String] = [:]
        for id in established { keys[id] = try scene.key(of: scene.path(id)) }
        return keys
    }

    private static func remoteBody(_ words: String) -> String {
        "## Summary\n\n\(words)\n\n## Requirements\n\n- First requirement\n- Second requirement\n"
    }

    /// The step's kind, for choosing a spread of steps: a journal line of each type, a remote create and a remote
    /// update, a work file's temp file and rename, and each step of the commit phase (state files, journalled
    /// commit, index lock, index write, ref move, journal rewrite) on its own.
    static func kind(of step: String, workPath: String = "meta/work") -> String {
        let parts = step.split(separator: ":", maxSplits: 2).map(String.init)
        switch parts.first {
        case "journal" where parts.count == 3: return "journal:\(parts[1])"
        case "remote": return created.contains(parts.last ?? "") ? "remote:create" : "remote:update"
        case "temp", "rename": return parts[1].hasPrefix(workPath + "/") ? "\(parts[0]):work-item" : step
        default: return step
        }
    }

    // MARK: Checks

    /// Every item once on each side, every key in one file, every edit where the plan or the resolution puts it,
    /// and every decision once in `sync.log` and once in a `Sync-Resolved:` trailer.
    func check(into result: inout Convergence) async throws {
        let remote = try await scene.tracker.items()
        let local = try localFiles()
        try checkNoDuplicates(remote: remote, local: local, into: &result)
        try await checkEdits(remote: remote, local: local, into: &result)
        try checkDecisions(into: &result)
    }

    private var allTitles: [String] {
        Self.established.map { "Item \($0)" } + Self.created.map { "Created \($0)" } + Self.discovered
    }

    private func checkNoDuplicates(remote: [AdminItem], local: [LocalFile], into result: inout Convergence) throws {
        for title in allTitles {
            result.expectOnce(remote.filter { $0.title == title }.count, "remote item \(title.debugDescription)")
            result.expectOnce(local.filter { $0.title == title }.count, "a local file titled \(title.debugDescription)")
        }
        let expected = Set(allTitles)
        for item in remote where !expected.contains(item.title) {
            result.expectOnce(2, "remote item \(item.key) \(item.title.debugDescription) that no one made")
        }
        for file in local {
            result.expect(file.keys.count == 1, "\(file.name) carries \(file.keys.count) keys: \(file.keys)")
        }
        for item in remote {
            result.expectOnce(local.filter { $0.keys.contains(item.key) }.count, "a local file with key \(item.key)")
        }
    }

    private func checkEdits(remote: [AdminItem], local: [LocalFile], into result: inout Convergence) async throws {
        func remoteText(_ id: String) -> String { remote.first { $0.key == keys[id] }?.description ?? "" }
        func localText(_ id: String) -> String { scene.repo.read(scene.path(id)) ?? "" }
        let tracker = scene.tracker

        for id in Self.pushed {
            result.expectEdit(remoteText(id).contains("Local words for \(id)."), "\(id)'s local edit on the tracker")
            result.expectEdit(localText(id).contains("Local words for \(id)."), "\(id)'s local edit in its file")
        }
        let startedState = remote.first { $0.key == keys[Self.started] }?.state
        result.expectEdit(startedState == tracker.remoteState(forLocal: Self.startedStatus),
                          "\(Self.started) \(Self.startedStatus) on the tracker (state \(startedState ?? "none"))")
        for id in Self.pulled {
            result.expectEdit(localText(id).contains("Remote words for \(id)."), "\(id)'s remote edit in its file")
        }
        for id in Self.keptLocal {
            result.expectEdit(remoteText(id).contains("Mine wins \(id).") && !remoteText(id).contains("Theirs loses"),
                              "\(id)=local on the tracker: \(remoteText(id).debugDescription)")
            result.expectEdit(localText(id).contains("Mine wins \(id).") && !localText(id).contains("Theirs loses"),
                              "\(id)=local in its file")
        }
        for id in Self.keptRemote {
            result.expectEdit(localText(id).contains("Theirs wins \(id).") && !localText(id).contains("Mine loses"),
                              "\(id)=remote in its file")
            result.expectEdit(remoteText(id).contains("Theirs wins \(id).") && !remoteText(id).contains("Mine loses"),
                              "\(id)=remote on the tracker")
        }
        for id in Self.created {
            let item = remote.first { $0.title == "Created \(id)" }
            result.expectEdit(item?.description.contains("Created locally \(id).") == true, "\(id) created with its text")
            let file = local.first { $0.name.hasPrefix(id + "-") }
            result.expectEdit(item != nil && file?.keys == [item!.key], "\(id)'s key written back: \(file?.keys ?? [])")
        }
        for (n, title) in Self.discovered.enumerated() {
            let file = local.first { $0.title == title }
            result.expectEdit(file?.text.contains("Pulled new \(n + 1).") == true, "\(title.debugDescription) pulled with its text")
        }
    }

    private func checkDecisions(into result: inout Convergence) throws {
        let logPath = scene.tracker.syncLogPath
        let log = (scene.repo.read(logPath) ?? "").split(separator: "\n")
        let messages = try scene.repo.git("log", "--format=%B")
        for (id, choice) in Self.keptLocal.map({ ($0, "local") }) + Self.keptRemote.map({ ($0, "remote") }) {
            let line = "\t\(id)\t\(keys[id]!)\t\(choice)\t"
            let trailer = "Sync-Resolved: \(id) \(choice)"
            result.expectOnce(log.filter { $0.contains(line) }.count, "\(id)=\(choice) in sync.log")
            result.expectOnce(messages.components(separatedBy: trailer).count - 1, "the trailer \(trailer)")
            let logging = try scene.repo.git("log", "--format=%H", "-S", line, "--", logPath).split(separator: "\n")
            let message = try logging.first.map { try scene.repo.git("show", "-s", "--format=%B", String($0)) } ?? ""
            result.expect(logging.count == 1 && message.contains(trailer),
                          "\(id)=\(choice) is logged by \(logging.count) commits, not by the one with the trailer \(trailer)")
        }
    }

    // MARK: Local files

    struct LocalFile {
        var name: String
        var text: String
        var title: String
        var keys: [String]
    }

    private func localFiles() throws -> [LocalFile] {
        try scene.repo.files(under: "meta/work").map { name in
            let text = try scene.read("meta/work/" + name)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            func values(_ field: String) -> [String] {
                lines.filter { $0.hasPrefix(field + ":") }.map {
                    $0.dropFirst(field.count + 1).trimmingCharacters(in: CharacterSet(charactersIn: " \"'"))
                }
            }
            return LocalFile(name: name, text: text, title: values("title").first ?? "", keys: values("external_id"))
        }
    }
}
