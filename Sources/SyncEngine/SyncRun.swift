import Foundation
import GitStore
import Trackers
import WorkItems

/// One sync or preview, phase by phase. `sync` reads as the list of what a run does; each phase is a method.
final class SyncRun {
    let workspace: Workspace
    let options: SyncOptions
    let environment: SyncEnvironment
    let steps: StepRecorder
    let journal: Journal
    let writer: WorkFileWriter
    /// What each work-item blob holds, kept between runs: read in the scan, added to by every file written.
    let itemCache: ItemBlobCache
    var repository: GitRepository { workspace.repository }
    var config: Configuration { workspace.config }

    init(workspace: Workspace, options: SyncOptions, environment: SyncEnvironment) {
        self.workspace = workspace
        self.options = options
        self.environment = environment
        steps = StepRecorder(environment: environment)
        let repository = workspace.repository
        journal = Journal(directory: repository.gitDir + "/sync-work-items", steps: steps)
        writer = WorkFileWriter(root: repository.workdir, allowedFolders: [workspace.config.workPath, workspace.config.integrationsPath],
            gitDirs: [repository.gitDir, repository.commonDir], steps: steps)
        itemCache = ItemBlobCache(path: workspace.itemCachePath)
    }

    func sync() async throws(SyncFailure) -> SyncReport {
        try refuseOperationInProgress()
        let lock = try takeSyncLock()
        defer { lock.release() }
        defer { itemCache.save() }
        try checkFolders()
        try clearAbandonedIndexLock()
        var recovery = recoverJournal()
        try repairIndex(recovery)

        let tracker = try workspace.makeTracker(concurrency: options.concurrency)
        let settled = try await settledReport(tracker: tracker, recovery: recovery)
        defer { settled.read?.reading.cancel() }
        if let report = settled.report { return report }
        removeSettledStamp()
        sweepTemporaries()
        let run = try await readDecideAndExecute(tracker: tracker, recovery: &recovery, reusing: settled.read)
        guard let executor = run.executor else { return run.report }
        let savingItemCache = itemCache.saveInBackground()
        var report = run.report
        let final = finalBaseline(executor.baseline, report: report, record: run.record)
        let tracking = Self.trackedInBackground(report: report, record: run.record, final: final)
        do { try commit(&report, final: final, record: run.record, executor: executor, recovery: recovery) } catch {
            await savingItemCache?.value
            throw error
        }
        recordSettled(report: report, record: run.record, final: final, tracked: await tracking.value)
        await savingItemCache?.value
        return report
    }

    /// The run up to the commit. The plan and both sides end with this call: the commit needs only their record.
    /// No executor when the blast-radius gate refused the plan.
    private func readDecideAndExecute(tracker: any Tracker, recovery: inout JournalRecovery, reusing earlier: SettledRead?)
        async throws(SyncFailure) -> (report: SyncReport, executor: Executor?, record: RunRecord)
    {
        let sides = try await readBothSides(tracker: tracker, recovery: recovery, reusing: earlier)
        recovery.confirmPushes(seen: sides.remote.items, representable: tracker.representable)
        try checkForget(sides)
        let plan = await decide(sides, tracker: tracker, asking: true)
        var report = makeReport(plan, sides: sides, tracker: tracker)
        if let refusal = BlastRadiusGate(maxPulls: options.maxPulls, maxPushes: options.maxPushes).check(plan) {
            report.refusal = refusal
            report.outcomes = plan.items.map { Executor.outcome($0, state: $0.needsHuman ? .blocked : .notRun) }
            return (report, nil, RunRecord(plan: plan, sides: sides))
        }
        let executor = try await execute(plan, sides: sides, tracker: tracker, into: &report)
        return (report, executor, RunRecord(plan: plan, sides: sides))
    }

    /// The same run with the executor left out: nothing is locked, repaired or written.
    func preview() async throws(SyncFailure) -> SyncReport {
        defer { itemCache.save() }
        let tracker = try workspace.makeTracker(concurrency: options.concurrency)
        let recovery = recoverJournal()
        let settled = try await settledReport(tracker: tracker, recovery: recovery)
        defer { settled.read?.reading.cancel() }
        if let report = settled.report { return report }
        let sides = try await readBothSides(tracker: tracker, recovery: recovery, reusing: settled.read)
        let plan = await decide(sides, tracker: tracker, asking: false)
        var report = makeReport(plan, sides: sides, tracker: tracker)
        report.refusal = BlastRadiusGate(maxPulls: options.maxPulls, maxPushes: options.maxPushes).check(plan)
        report.outcomes = plan.items.map { Executor.outcome($0, state: .planned) }
        if plan.items.isEmpty {
            let record = RunRecord(plan: plan, sides: sides)
            recordSettled(report: report, record: record, final: sides.baseline,
                tracked: Self.trackedAfter(report: report, record: record, final: sides.baseline))
        }
        return report
    }

    // MARK: Guarding the repository

    private func refuseOperationInProgress() throws(SyncFailure) {
        if let operation = repository.operationInProgress() {
            throw SyncFailure(exitCode: 4, message: "a \(operation) is in progress: finish or abort it before syncing (git \(operation) --continue / --abort)")
        }
    }

    private func takeSyncLock() throws(SyncFailure) -> SyncLock {
        do { return try SyncLock.acquire(commonDir: repository.commonDir) } catch { throw .from(error) }
    }

    /// Safety invariant 5 before the first write or folder: the work and state folders and every folder above them.
    private func checkFolders() throws(SyncFailure) {
        let safety = FolderSafety(root: repository.workdir, gitDirs: [repository.gitDir, repository.commonDir])
        for folder in [config.workPath, workspace.stateFolder] {
            if let problem = safety.problem(with: folder) { throw SyncFailure(exitCode: 4, message: problem) }
        }
    }

    /// Before anything is written: a lock a live git command holds stops the run; one a killed sync left goes.
    private func clearAbandonedIndexLock() throws(SyncFailure) {
        do { try repository.clearAbandonedIndexLock() } catch { throw .from(error) }
    }

    private func sweepTemporaries() {
        writer.removeLeftTemporaries(in: [config.workPath, workspace.stateFolder])
    }

    private func recoverJournal() -> JournalRecovery {
        JournalRecovery.recover(journal.pendingEntries(), repository: repository)
    }

    /// Points the sync-path index entries a killed run left behind back at HEAD (see `IndexRepair`). Without a
    /// journal no entry can be the sync's, so there is nothing to compare.
    private func repairIndex(_ recovery: JournalRecovery) throws(SyncFailure) {
        if recovery.isEmpty { return }
        do {
            let differences = try repository.indexDifferences(under: [config.workPath, workspace.stateFolder])
            let stale = try IndexRepair(repository: repository).stalePaths(in: differences, recovery: recovery)
            if stale.isEmpty { return }
            try repository.resetIndexEntriesToHEAD(stale)
        } catch { throw .from(error) }
        try steps.record(.indexRepaired)
    }

    // MARK: Reading

    private func readBothSides(tracker: any Tracker, recovery: JournalRecovery, reusing earlier: SettledRead?) async throws(SyncFailure)
        -> BothSides
    {
        let loader = LocalItemLoader(repository: repository, workPath: config.workPath, idPattern: workspace.idPattern,
            cache: itemCache, refreshesIndex: !options.preview)
        let (loadedBaseline, scanned) = try await workspace.baselineFile.load { () throws(SyncFailure) in
            do { return try await loader.scan(overrides: recovery.writtenFiles) } catch let error as GitError { throw .from(error) } catch {
                throw SyncFailure(exitCode: 1, message: "cannot read work items: \(error)")
            }
        }
        var baseline = loadedBaseline
        for (id, entry) in recovery.baseline { baseline.items[id] = entry }
        let tracked = scanned.files.compactMap { f -> (id: String, key: String)? in
            guard let id = f.id, let key = f.identity?.remoteKey else { return nil }
            return (id, key)
        }
        let presentIDs = Set(scanned.files.compactMap(\.id))
        let missing = DeletedItemFinder(repository: repository, workPath: config.workPath, idPattern: workspace.idPattern)
            .find(baseline: baseline, presentIDs: presentIDs, ownedKeys: Set(tracked.map(\.key)))
        let restored = baseline.items.filter { $0.value.forgottenKey != nil && presentIDs.contains($0.key) }.map(\.key).sorted()

        let remote: RemoteSnapshot
        do {
            remote = try await RemoteSnapshot.read(tracker: tracker, tracked: tracked, baseline: baseline,
                intents: recovery.createIntents, options: options, config: config, progress: environment.progress,
                overlap: SyncSession.readOverlap, now: environment.now, reusing: earlier)
        } catch let error as TrackerError { throw .from(error) } catch {
            throw SyncFailure(exitCode: 70, message: "\(tracker.displayName): \(error)")
        }

        // Only files that may have something to do are parsed: changed since the last sync, changed remotely (a
        // remote item read again with the updated time the baseline holds is not: the read overlaps the last one)
        // or moved to another key, never pushed, uncommitted, written by an interrupted run, or sharing a key with
        // another file.
        let remoteUpdated = Dictionary(remote.items.map { ($0.key, $0.updatedAt) }, uniquingKeysWith: { a, _ in a })
        let keysByRemoteID = Dictionary(remote.items.compactMap { item in item.remoteID.map { ($0, item.key) } },
            uniquingKeysWith: { a, _ in a })
        func changedRemotely(_ key: String, _ entry: BaselineEntry?) -> Bool {
            guard let updated = remoteUpdated[key] else { return false }
            return updated != entry?.remoteUpdatedAt || entry?.remoteHash == nil || entry?.localHash == nil
        }
        var keyCounts: [String: Int] = [:]
        for (_, key) in tracked { keyCounts[key, default: 0] += 1 }
        var loaded = loader.materialise(scanned.files, reservedIDs: scanned.reservedIDs) { file in
            guard let id = file.id, let key = file.identity?.remoteKey else { return true }
            let entry = baseline.items[id]
            return file.isDirty || recovery.writtenFiles[file.path] != nil || entry?.localBlob != file.blobID
                || changedRemotely(key, entry) || (keyCounts[key] ?? 0) > 1
                || entry?.remoteID.flatMap { keysByRemoteID[$0] }.map { $0 != key } == true
        }
        loaded.items = loaded.items.map { item in
            var item = item
            item.syncedContent = lastSyncedContent(of: item, baseline: baseline)
            return item
        }
        return BothSides(baseline: baseline, loaded: loaded, remote: remote, missing: missing, restored: restored,
            readStarted: remote.startedAt ?? environment.now())
    }

    /// The item's content at the last sync, read from the blob the baseline recorded, when the file changed since.
    private func lastSyncedContent(of item: LocalItem, baseline: Baseline) -> WorkItemContent? {
        guard let blob = baseline.items[item.id]?.localBlob, blob != item.blobID, let bytes = repository.blob(blob),
            let document = try? WorkItemDocument(text: String(decoding: bytes, as: UTF8.self))
        else { return nil }
        return document.localContent()
    }

    /// `--forget` takes only items deleted in a commit (or already forgotten).
    private func checkForget(_ sides: BothSides) throws(SyncFailure) {
        let deleted = Set(sides.missing.deleted.map(\.id))
        for id in options.forget.sorted() where !deleted.contains(id) && sides.missing.forgotten[id] == nil {
            throw SyncFailure(exitCode: 2, message:
                "--forget \(id): \(id) is not a tracked work item deleted in a commit; only those can be forgotten (delete its file with git rm and commit first)")
        }
    }

    // MARK: Deciding

    /// The plan, with the conflicts and never-pushed items put to the user first when `asking` and a prompt exists.
    private func decide(_ sides: BothSides, tracker: any Tracker, asking: Bool) async -> Plan {
        let forgottenNow = sides.missing.deleted.filter { options.forget.contains($0.id) }
        var input = PlanInput(
            localItems: sides.loaded.items, settledItems: sides.loaded.settled, remoteItems: sides.remote.items,
            baseline: sides.baseline, mode: options.mode, resolutions: options.resolutions,
            discoveryKeys: sides.remote.discoveryKeys, foundCreates: sides.remote.foundCreates,
            representable: { tracker.representable($0) }, reservedIDs: sides.loaded.reservedIDs, idPattern: workspace.idPattern,
            projectCode: config.defaultProjectCode, workPath: config.workPath,
            deletedItems: sides.missing.deleted.filter { !options.forget.contains($0.id) },
            forgottenKeys: Set(sides.missing.forgotten.values).union(forgottenNow.map(\.key)))
        let firstPlan = Planner.plan(input)
        if asking, let ask = environment.resolveConflicts {
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
        let prompted = asking && options.pushNew == .ask && environment.confirmCreates != nil
        switch options.pushNew {
        case .all: input.acceptedCreates = Set(neverPushed.map(\.id))
        case .none: break
        case .ask:
            if prompted, let confirm = environment.confirmCreates, !neverPushed.isEmpty {
                input.acceptedCreates = await confirm(neverPushed, tracker.displayName)
            }
        }
        var plan = Planner.plan(input)
        for i in plan.items.indices where prompted && plan.items[i].reason == .notPushed {
            plan.items[i].reason = .declined
        }
        return plan
    }

    private func makeReport(_ plan: Plan, sides: BothSides, tracker: any Tracker) -> SyncReport {
        SyncReport(
            integration: tracker.integrationName, trackerName: tracker.displayName, mode: options.mode,
            preview: options.preview, outcomes: [], problems: sides.loaded.problems, unchangedCount: plan.unchangedCount,
            commit: nil, requestCount: sides.remote.requestCount, refusal: nil, interrupted: false,
            headNote: workspace.headNote)
    }

    // MARK: Executing

    private func execute(_ plan: Plan, sides: BothSides, tracker: any Tracker, into report: inout SyncReport)
        async throws(SyncFailure) -> Executor
    {
        let executor = Executor(tracker: tracker, files: writer, journal: journal, hashBlob: GitRepository.blobID(of:),
            baseline: sides.baseline, concurrency: options.concurrency, stopRequested: environment.stopRequested,
            progress: environment.progress, now: environment.now, steps: steps, decider: decider, itemCache: itemCache)
        let (outcomes, interrupted) = try await executor.execute(plan)
        report.outcomes = outcomes
        report.interrupted = interrupted
        return executor
    }

    /// Who makes this run's decisions, for `sync.log`.
    var decider: String { repository.configValue("user.name") ?? environment.variables["USER"] ?? "unknown" }
}
