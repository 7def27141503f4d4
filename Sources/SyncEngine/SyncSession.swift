import Foundation
import GitStore
import Trackers
import WorkItems

public struct SyncOptions: Sendable {
    public var mode: SyncMode = .bidirectional
    public var preview = false
    public var resolutions: [String: ConflictChoice] = [:]
    public var pushNew: PushNewPolicy = .none
    public var assignee: String?
    public var labels: [String] = []
    public var state: String?
    public var all = false
    public var maxPulls = 25
    public var maxPushes = 25
    public var concurrency = 8

    public init() {}
}

/// What the session needs from the outside world; tests and the executable fill it in.
public struct SyncEnvironment: Sendable {
    public var workingDirectory: String?
    public var variables: [String: String]
    /// The registry: every tracker this build can sync with.
    public var trackers: [TrackerDescriptor]
    public var now: @Sendable () -> Date
    public var stopRequested: @Sendable () -> Bool
    public var progress: @Sendable (ProgressEvent) -> Void
    /// Asked with the never-pushed items when `--push-new=ask`; returns the ids to create. Nil: decline all.
    public var confirmCreates: (@Sendable (_ items: [PlannedItem], _ trackerName: String) async -> Set<String>)?
    /// Asked with the conflicts no `--resolve` covers; returns a choice per local id (missing: left unresolved).
    /// Nil (no terminal, `--no-input`): conflicts are reported and left alone.
    public var resolveConflicts: (@Sendable (_ conflicts: [PlannedItem], _ trackerName: String) async -> [String: ConflictChoice])?

    public init(
        workingDirectory: String? = nil, variables: [String: String], trackers: [TrackerDescriptor],
        now: @escaping @Sendable () -> Date = { Date() }, stopRequested: @escaping @Sendable () -> Bool = { false },
        progress: @escaping @Sendable (ProgressEvent) -> Void = { _ in },
        confirmCreates: (@Sendable ([PlannedItem], String) async -> Set<String>)? = nil,
        resolveConflicts: (@Sendable ([PlannedItem], String) async -> [String: ConflictChoice])? = nil
    ) {
        self.workingDirectory = workingDirectory
        self.variables = variables
        self.trackers = trackers
        self.now = now
        self.stopRequested = stopRequested
        self.progress = progress
        self.confirmCreates = confirmCreates
        self.resolveConflicts = resolveConflicts
    }
}

/// A failure that ends the whole run before any item is processed; `exitCode` follows DESIGN.md's table.
public struct SyncFailure: Error, Sendable, CustomStringConvertible {
    public var exitCode: Int32
    public var message: String
    public var description: String { message }

    public init(exitCode: Int32, message: String) {
        self.exitCode = exitCode
        self.message = message
    }

    static func from(_ error: TrackerError) -> SyncFailure {
        switch error {
        case .unauthorized, .configuration, .notFound: return SyncFailure(exitCode: 74, message: error.description)
        case .outcomeUnknown: return SyncFailure(exitCode: 71, message: error.description)
        default: return SyncFailure(exitCode: 70, message: error.description)
        }
    }

    static func from(_ error: GitError) -> SyncFailure {
        switch error.code {
        case .notARepository, .bareRepository: return SyncFailure(exitCode: 2, message: error.message)
        case .unbornBranch, .operationInProgress, .lockHeld, .identityMissing: return SyncFailure(exitCode: 4, message: error.message)
        case .libgit2: return SyncFailure(exitCode: 1, message: error.message)
        }
    }
}

/// One run of `git sync-work-items` (sync or preview): the orchestration around the pure planner.
public enum SyncSession {
    /// Seconds subtracted from the baseline timestamp when asking for changes, for clock skew and trackers whose
    /// query dates have minute precision.
    static let readOverlap: TimeInterval = 120

    public static func run(_ options: SyncOptions, environment: SyncEnvironment) async throws(SyncFailure) -> SyncReport {
        let workspace = try Workspace.open(environment: environment)
        let repository = workspace.repository
        if !options.preview, let operation = repository.operationInProgress() {
            throw SyncFailure(exitCode: 4, message: "a \(operation) is in progress: finish or abort it before syncing (git \(operation) --continue / --abort)")
        }
        let lock: SyncLock?
        do { lock = options.preview ? nil : try SyncLock.acquire(commonDir: repository.commonDir) } catch { throw .from(error) }
        defer { lock?.release() }
        if lock != nil {
            WorkFileWriter(root: repository.workdir, allowedFolders: [workspace.config.workPath, workspace.config.integrationsPath])
                .removeLeftTemporaries(in: [workspace.config.workPath, workspace.config.integrationsPath + "/" + workspace.integration])
        }

        let tracker = try workspace.makeTracker(concurrency: options.concurrency)
        let journal = Journal(directory: repository.gitDir + "/sync-work-items")
        let recovery = JournalRecovery.recover(journal.pendingEntries(), repository: repository)
        var baseline = workspace.baselineOnDisk
        for (id, entry) in recovery.baseline { baseline.items[id] = entry }

        let loader = LocalItemLoader(repository: repository, workPath: workspace.config.workPath, idPattern: workspace.idPattern)
        let scanned: (files: [ScannedFile], reservedIDs: Set<String>)
        do { scanned = try loader.scan(overrides: recovery.writtenFiles) } catch let error as GitError { throw .from(error) } catch {
            throw SyncFailure(exitCode: 1, message: "cannot read work items: \(error)")
        }
        let tracked = scanned.files.compactMap { f -> (id: String, key: String)? in
            guard let id = f.id, let key = f.identity?.remoteKey else { return nil }
            return (id, key)
        }

        let remote: RemoteSnapshot
        do {
            remote = try await RemoteSnapshot.read(tracker: tracker, tracked: tracked, baseline: baseline,
                intents: recovery.createIntents, options: options, config: workspace.config, progress: environment.progress,
                overlap: readOverlap)
        } catch let error as TrackerError { throw .from(error) } catch {
            throw SyncFailure(exitCode: 70, message: "\(tracker.displayName): \(error)")
        }

        // Only files that may have something to do are parsed: changed since the last sync, touched remotely,
        // never pushed, uncommitted, written by an interrupted run, or sharing a key with another file.
        let remoteKeys = Set(remote.items.map(\.key))
        var keyCounts: [String: Int] = [:]
        for (_, key) in tracked { keyCounts[key, default: 0] += 1 }
        let loaded = loader.materialise(scanned.files, reservedIDs: scanned.reservedIDs) { file in
            guard let id = file.id, let key = file.identity?.remoteKey else { return true }
            return file.isDirty || recovery.writtenFiles[file.path] != nil || baseline.items[id]?.localBlob != file.blobID
                || remoteKeys.contains(key) || (keyCounts[key] ?? 0) > 1
        }
        let localItems = loaded.items.map { item in
            var item = item
            item.syncedContent = lastSyncedContent(of: item, baseline: baseline, repository: repository)
            return item
        }
        let readStarted = remote.startedAt ?? environment.now()

        var input = PlanInput(
            localItems: localItems, settledItems: loaded.settled, remoteItems: remote.items, baseline: baseline, mode: options.mode,
            resolutions: options.resolutions, discoveryKeys: remote.discoveryKeys, foundCreates: remote.foundCreates,
            representable: { tracker.representable($0) }, reservedIDs: loaded.reservedIDs, idPattern: workspace.idPattern,
            projectCode: workspace.config.defaultProjectCode, workPath: workspace.config.workPath)
        let firstPlan = Planner.plan(input)
        if !options.preview, let ask = environment.resolveConflicts {
            let conflicts = firstPlan.items.filter { $0.action == .conflict }
            if !conflicts.isEmpty {
                input.resolutions.merge(await ask(conflicts, tracker.displayName)) { _, asked in asked }
            }
        }
        let neverPushed = firstPlan.items.filter { $0.reason == .notPushed }.map { item -> PlannedItem in
            var offered = item
            offered.remoteNoun = item.local.map { tracker.itemNoun(for: $0.content) }
            return offered
        }
        switch options.pushNew {
        case .all: input.acceptedCreates = Set(neverPushed.map(\.id))
        case .none: break
        case .ask:
            if !options.preview, let confirm = environment.confirmCreates, !neverPushed.isEmpty {
                input.acceptedCreates = await confirm(neverPushed, tracker.displayName)
            }
        }
        var plan = Planner.plan(input)
        let asked = options.pushNew == .ask && environment.confirmCreates != nil && !options.preview
        for i in plan.items.indices where asked && plan.items[i].reason == .notPushed {
            plan.items[i].reason = .declined
        }

        var report = SyncReport(
            integration: tracker.integrationName, trackerName: tracker.displayName, mode: options.mode,
            preview: options.preview, outcomes: [], problems: loaded.problems, unchangedCount: plan.unchangedCount,
            commit: nil, requestCount: remote.requestCount, refusal: nil, interrupted: false,
            headNote: workspace.headNote)

        let refusal = BlastRadiusGate(maxPulls: options.maxPulls, maxPushes: options.maxPushes).check(plan)
        if options.preview || refusal != nil {
            report.refusal = refusal
            report.outcomes = plan.items.map {
                Executor.outcome($0, state: options.preview && refusal == nil ? .planned : ($0.needsHuman ? .blocked : .notRun))
            }
            if options.preview { report.outcomes = plan.items.map { Executor.outcome($0, state: .planned) } }
            return report
        }

        let writer = WorkFileWriter(root: repository.workdir,
            allowedFolders: [workspace.config.workPath, workspace.config.integrationsPath])
        let executor = Executor(tracker: tracker, repository: repository, files: writer, journal: journal,
            baseline: baseline, concurrency: options.concurrency, stopRequested: environment.stopRequested,
            progress: environment.progress, now: environment.now)
        let (outcomes, interrupted) = await executor.execute(plan)
        report.outcomes = outcomes
        report.interrupted = interrupted

        var finalBaseline = executor.baseline
        let onDisk = workspace.baselineOnDisk
        let everythingApplied = !interrupted && !outcomes.contains { $0.state == .failed }
            && !plan.items.contains { $0.leavesRemoteChange }
        if everythingApplied && (finalBaseline.items != onDisk.items || onDisk.timestamp == nil) {
            finalBaseline.timestamp = readStarted
        }
        let baselineChanged = finalBaseline != onDisk
        var paths = Array(Set(recovery.writtenFiles.keys).union(executor.writtenPaths)).sorted()
        do {
            if let logPath = try DecisionLog(root: repository.workdir, path: workspace.decisionLogPath)
                .append(outcomes: outcomes, who: repository.configValue("user.name") ?? environment.variables["USER"] ?? "unknown", at: environment.now()) {
                paths.append(logPath)
            }
            if baselineChanged {
                let text = finalBaseline.encoded()
                try writer.write(Array(text.utf8), to: workspace.baselinePath)
                paths.append(workspace.baselinePath)
            } else if workspace.baselineIsUncommitted() {
                paths.append(workspace.baselinePath)
            }
            try journal.sync()
        } catch {
            throw SyncFailure(exitCode: 1, message: "\(workspace.baselinePath): cannot write the baseline: \(error)")
        }
        if !paths.isEmpty {
            let message = CommitMessage.make(report: report, tracker: tracker.displayName)
            do {
                report.commit = try repository.commitSync(paths: paths, message: message)?.id
            } catch {
                throw SyncFailure(exitCode: error.code == .identityMissing ? 4 : 1, message: error.message)
            }
        }
        journal.remove()
        // A create found remotely whose key could not be written back yet (dirty file) stays journalled, so the next
        // run adopts it instead of creating it again.
        let adopted = Set(outcomes.filter { $0.action == .adopt && $0.state == .done }.map(\.id))
        var unsettled = executor.unsettledCreates
        for (id, intent) in recovery.createIntents where remote.foundCreates[id] != nil && !adopted.contains(id) {
            unsettled[id] = intent
        }
        for (id, intent) in unsettled.sorted(by: { $0.key < $1.key }) {
            try? journal.append(JournalEntry(kind: .createIntent, id: id, marker: intent.marker, time: intent.time))
        }
        return report
    }
}

/// The item's content at the last sync, read from the blob the baseline recorded, when the file changed since.
private func lastSyncedContent(of item: LocalItem, baseline: Baseline, repository: GitRepository) -> WorkItemContent? {
    guard let blob = baseline.items[item.id]?.localBlob, blob != item.blobID, let bytes = repository.blob(blob),
        let document = try? WorkItemDocument(text: String(decoding: bytes, as: UTF8.self))
    else { return nil }
    return document.localContent()
}

/// The limit of safety invariant 6: more than `--max-pulls`/`--max-pushes` changes stop before any write.
struct BlastRadiusGate {
    let maxPulls: Int
    let maxPushes: Int

    func check(_ plan: Plan) -> String? {
        var over: [String] = []
        if plan.pullCount > maxPulls { over.append("\(plan.pullCount) local writes (limit \(maxPulls); raise it with --max-pulls \(plan.pullCount))") }
        if plan.pushCount > maxPushes { over.append("\(plan.pushCount) remote writes (limit \(maxPushes); raise it with --max-pushes \(plan.pushCount))") }
        return over.isEmpty ? nil : "stopped before writing anything: this sync would make " + over.joined(separator: " and ")
    }
}
