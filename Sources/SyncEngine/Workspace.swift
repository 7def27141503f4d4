import Foundation
import GitStore
import Trackers
import WorkItems

/// The repository, its configuration and the tracker it is configured for.
struct Workspace {
    let repository: GitRepository
    let config: Configuration
    /// The registry's entry for the configured integration.
    let descriptor: TrackerDescriptor
    var integration: String { descriptor.integration }
    let idPattern: IdPattern
    let environment: SyncEnvironment
    /// `last-sync.json` as the working tree has it (usually HEAD's; see `baselineIsUncommitted`).
    let baselineOnDisk: Baseline
    let headNote: String?

    var baselinePath: String { config.integrationsPath + "/" + integration + "/last-sync.json" }
    var decisionLogPath: String { config.integrationsPath + "/" + integration + "/sync.log" }

    /// Whether the baseline on disk differs from HEAD's: a run killed after writing it and before its commit.
    /// Only the sync writes this file, so the next commit must carry it.
    func baselineIsUncommitted() -> Bool {
        guard let disk = FileManager.default.contents(atPath: repository.workdir + "/" + baselinePath) else { return false }
        let folder = (baselinePath as NSString).deletingLastPathComponent
        let head = (try? repository.headFiles(under: folder))?.first { $0.path == baselinePath }?.blobID
        return head != repository.hashBlob(Array(disk))
    }

    static func open(environment: SyncEnvironment) throws(SyncFailure) -> Workspace {
        let repository: GitRepository
        let head: HeadState
        do {
            repository = try GitRepository.open(at: environment.workingDirectory)
            head = try repository.head()
        } catch { throw .from(error) }
        let config: Configuration
        let integration: String
        do {
            config = try Configuration.load(repositoryRoot: repository.workdir)
            integration = try config.integration(among: environment.trackers.map(\.integration))
            try config.validatePaths()
        } catch { throw SyncFailure(exitCode: 73, message: error.message) }
        guard let descriptor = environment.trackers.first(where: { $0.integration == integration }) else {
            throw SyncFailure(exitCode: 73, message: "work.integration is '\(integration)', which this build cannot sync")
        }
        let pattern: IdPattern
        do { pattern = try IdPattern(config.idPattern) } catch {
            throw SyncFailure(exitCode: 73, message: "work.id_pattern '\(config.idPattern)': \(error)")
        }
        let baselinePath = config.integrationsPath + "/" + descriptor.integration + "/last-sync.json"
        let baseline: Baseline
        if let data = FileManager.default.contents(atPath: repository.workdir + "/" + baselinePath) {
            do { baseline = try Baseline.decode(data, path: baselinePath) } catch {
                throw SyncFailure(exitCode: 4, message: error.message)
            }
        } else {
            baseline = Baseline()
        }
        var note: String?
        if case .detached(let commit) = head {
            note = "HEAD is detached at \(commit.prefix(7)): the sync commit will be made on the detached HEAD; create a branch (git switch -c NAME) to keep it"
        }
        return Workspace(repository: repository, config: config, descriptor: descriptor, idPattern: pattern,
            environment: environment, baselineOnDisk: baseline, headNote: note)
    }

    func makeTracker(concurrency: Int) throws(SyncFailure) -> any Tracker {
        let tracker = descriptor
        var settings = TrackerSettings(
            integration: integration, values: settingValues(for: tracker), token: nil,
            originURL: repository.remoteURL("origin"),
            cacheDirectory: URL(fileURLWithPath: repository.gitDir + "/sync-work-items/cache"),
            writeConcurrency: concurrency)
        do {
            settings.token = try CredentialChain(environment: environment.variables)
                .token(for: tracker, configuration: config, host: tracker.credentialHost(settings))
        } catch { throw SyncFailure(exitCode: 74, message: error.message) }
        do { return try tracker.make(settings) } catch let error as TrackerError { throw .from(error) } catch {
            throw SyncFailure(exitCode: 74, message: "\(integration): \(error)")
        }
    }

    /// The configuration, with settings the tracker takes from the environment filled in where the files leave
    /// them out, and passwords written into configured URLs registered as secrets.
    private func settingValues(for tracker: TrackerDescriptor) -> [String: String] {
        var values = config.values
        for (key, variables) in tracker.settingEnvironment where config.value(key) == nil {
            if let value = variables.lazy.compactMap({ self.environment.variables[$0] }).first(where: { !$0.isEmpty }) {
                values[key] = value
            }
        }
        for (key, value) in values where key.hasSuffix("_url") {
            if let password = URLComponents(string: value)?.password { Secrets.register(password) }
        }
        return values
    }
}

/// What an interrupted run left in the journal, checked against the working tree.
struct JournalRecovery {
    struct CreateIntent: Sendable { var marker: String; var time: String }

    var baseline: [String: BaselineEntry] = [:]
    /// Files the run wrote that still hold exactly what it wrote: path → blob id.
    var writtenFiles: [String: String] = [:]
    var createIntents: [String: CreateIntent] = [:]

    static func recover(_ entries: [JournalEntry], repository: GitRepository) -> JournalRecovery {
        var r = JournalRecovery()
        for entry in entries {
            switch entry.kind {
            case .createIntent:
                if let marker = entry.marker { r.createIntents[entry.id] = CreateIntent(marker: marker, time: entry.time ?? "") }
            case .remoteDone:
                if let b = entry.baseline { r.baseline[entry.id] = b }
            case .localWrite:
                guard let path = entry.path, let blob = entry.blob,
                    let data = FileManager.default.contents(atPath: repository.workdir + "/" + path),
                    repository.hashBlob(Array(data)) == blob
                else { continue }
                r.writtenFiles[path] = blob
                if let b = entry.baseline { r.baseline[entry.id] = b }
                r.createIntents[entry.id] = nil
            }
        }
        return r
    }
}

/// The remote side of one run: what changed, which untracked items are candidates, and creates found again.
struct RemoteSnapshot {
    var items: [RemoteItem]
    var discoveryKeys: Set<String>
    var foundCreates: [String: RemoteItem]
    var requestCount: Int
    var startedAt: Date?

    static func read(
        tracker: any Tracker, tracked: [(id: String, key: String)], baseline: Baseline, intents: [String: JournalRecovery.CreateIntent],
        options: SyncOptions, config: Configuration, progress: @Sendable (ProgressEvent) -> Void, overlap: TimeInterval
    ) async throws -> RemoteSnapshot {
        let startedAt = Date()
        progress(.reading)
        var found: [String: RemoteItem] = [:]
        for (id, intent) in intents.sorted(by: { $0.key < $1.key }) {
            let after = (ISOTime.parse(intent.time) ?? startedAt).addingTimeInterval(-300)
            if let item = try await tracker.findCreated(marker: SyncMarker(intent.marker), createdAfter: after) {
                found[id] = item
            }
        }
        let trackedKeys = Set(tracked.map(\.key))
        let since = baseline.timestamp?.addingTimeInterval(-overlap)
        let filter = DiscoveryFilter(projectCode: config.defaultProjectCode, all: options.all, assignee: options.assignee,
            labels: options.labels, state: options.state)
        let result = try await tracker.read(RemoteReadRequest(since: since, trackedKeys: trackedKeys, discovery: filter,
            discoverySince: filter.isDefaultScope ? since : nil))
        var items = result.items
        var seen = Set(items.map(\.key))

        // Tracked items the baseline knows too little about need their current remote state even if unchanged.
        let needed = tracked.compactMap { item -> String? in
            guard !seen.contains(item.key) else { return nil }
            let entry = baseline.items[item.id]
            return entry?.remoteHash == nil || entry?.localHash == nil ? item.key : nil
        }
        if !needed.isEmpty {
            for item in try await tracker.fetch(keys: needed) where seen.insert(item.key).inserted { items.append(item) }
        }
        progress(.read(items: items.count))

        let markers = Set(intents.values.map(\.marker))
        let foundKeys = Set(found.values.map(\.key))
        let discovery = Set(items.filter { item in
            !trackedKeys.contains(item.key) && !foundKeys.contains(item.key)
                && !(item.marker.map { markers.contains($0.value) } ?? false) && tracker.matches(item, filter: filter)
        }.map(\.key))
        return RemoteSnapshot(items: items, discoveryKeys: discovery, foundCreates: found,
            requestCount: result.requestCount, startedAt: startedAt)
    }
}

enum CommitMessage {
    static func make(report: SyncReport, tracker: String) -> String {
        let done = report.outcomes.filter { $0.state == .done }
        func count(_ actions: [PlanAction]) -> Int { done.filter { actions.contains($0.action) }.count }
        var parts: [String] = []
        if count([.pull]) > 0 { parts.append("\(count([.pull])) pulled") }
        if count([.new]) > 0 { parts.append("\(count([.new])) new") }
        if count([.push]) > 0 { parts.append("\(count([.push])) pushed") }
        if count([.create, .adopt]) > 0 { parts.append("\(count([.create, .adopt])) created") }
        let summary = parts.isEmpty ? "update baseline" : parts.joined(separator: ", ")
        var lines = ["sync-work-items: \(summary) (\(tracker))", ""]
        for outcome in done where outcome.action != .record {
            lines.append("\(outcome.action.rawValue) \(outcome.id) \(outcome.key ?? "") \(TerminalText.sanitise(outcome.title))")
        }
        let resolved = report.outcomes.filter { [.resolvedLocal, .resolvedRemote].contains($0.reason) && $0.state == .done }
        if !resolved.isEmpty {
            lines.append("")
            for outcome in resolved {
                lines.append("Sync-Resolved: \(outcome.id) \(outcome.reason == .resolvedLocal ? "local" : "remote")")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// Remote text shown in a terminal or a commit message: control characters escaped (safety invariant 5).
public enum TerminalText {
    public static func sanitise(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x09: out += " "
            case 0..<0x20, 0x7f, 0x80..<0xa0:
                out += String(format: "\\x%02x", scalar.value)
            case 0x202a...0x202e, 0x2066...0x2069:  // bidirectional overrides
                out += String(format: "\\u%04x", scalar.value)
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

/// `<paths.integrations>/<tracker>/sync.log`: one line per conflict decision (time, item, choice, who), appended and
/// committed with the sync, so overrides stay on record.
struct DecisionLog {
    let root: String
    let path: String

    /// Returns the path when it appended anything.
    func append(outcomes: [ItemOutcome], who: String, at time: Date) throws -> String? {
        let lines = outcomes.compactMap { o -> String? in
            let choice: String
            switch (o.reason, o.state) {
            case (.resolvedLocal, .done): choice = "local"
            case (.resolvedRemote, .done): choice = "remote"
            case (.resolvedSkip, _): choice = "skip"
            default: return nil
            }
            return [ISOTime.format(time), o.id, o.key ?? "-", choice, TerminalText.sanitise(who)].joined(separator: "\t")
        }
        guard !lines.isEmpty else { return nil }
        let full = root + "/" + path
        var text = FileManager.default.contents(atPath: full).map { String(decoding: $0, as: UTF8.self) } ?? ""
        if !text.isEmpty && !text.hasSuffix("\n") { text += "\n" }
        text += lines.joined(separator: "\n") + "\n"
        let folder = (path as NSString).deletingLastPathComponent
        try WorkFileWriter(root: root, allowedFolders: [folder]).write(Array(text.utf8), to: path)
        return path
    }
}
