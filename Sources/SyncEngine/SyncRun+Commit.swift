import Foundation
import GitStore

extension SyncRun {
    /// The last phase: state files (`baseline`, the one `finalBaseline` made, and the decision log) written, then the
    /// sync commit, journalled before it is made visible, then the journal cleared down to what the next run still
    /// needs.
    func commit(_ report: inout SyncReport, final baseline: Baseline, record: RunRecord, executor: Executor,
        recovery: JournalRecovery) throws(SyncFailure)
    {
        let decisions = recovery.decisions + executor.decisions + skipDecisions(report.outcomes)
        var paths = Set(recovery.writtenFiles.keys).union(executor.writtenPaths).union(recovery.commitPaths)
        do {
            if try DecisionLog(root: repository.workdir, path: workspace.decisionLogPath, writer: writer).append(decisions) {
                paths.insert(workspace.decisionLogPath)
            }
            if baseline != workspace.baselineOnDisk {
                try writer.write(Array(baseline.encoded().utf8), to: workspace.baselinePath)
                paths.insert(workspace.baselinePath)
            }
            paths.formUnion(workspace.uncommittedStateFiles(besides: paths))
            try journal.sync()
        } catch let stop as SyncFailure {
            throw stop
        } catch {
            throw SyncFailure(exitCode: 1, message: "\(workspace.stateFolder): cannot write the sync state: \(error)")
        }
        if !paths.isEmpty {
            let message = commitMessage(report: report, recovery: recovery, decisions: decisions, record: record)
            report.commit = try makeCommit(paths: paths.sorted(), message: message)
        }
        try keepUnsettledCreates(report: report, executor: executor, recovery: recovery, record: record)
    }

    /// `--resolve ID=skip` changes nothing, so it is journalled by nothing: it is logged when the run gets here.
    private func skipDecisions(_ outcomes: [ItemOutcome]) -> [Decision] {
        let time = ISOTime.format(environment.now())
        return outcomes.filter { $0.reason == .resolvedSkip }.map {
            Decision(id: $0.id, key: $0.key, choice: .skip, who: decider, time: time)
        }
    }

    /// The executor's baseline with forgotten items marked, restored ones unmarked, and the clock (with the discovery
    /// filters it holds for) moved only when everything the plan held was applied.
    func finalBaseline(_ executed: Baseline, report: SyncReport, record: RunRecord) -> Baseline {
        var baseline = executed
        for item in record.missing.deleted where options.forget.contains(item.id) {
            baseline.items[item.id]?.forgottenKey = item.key
        }
        for id in record.restored { baseline.items[id]?.forgottenKey = nil }
        let onDisk = workspace.baselineOnDisk
        let everythingApplied = !report.interrupted && !report.outcomes.contains { $0.state == .failed }
            && !record.leavesRemoteChange
        let recorded = DiscoveryScope.recorded(in: onDisk, projectCode: config.defaultProjectCode)
        let newScope = DiscoveryScope.normalised(recorded) != DiscoveryScope.normalised(record.discovery)
        if everythingApplied && (baseline.items != onDisk.items || onDisk.timestamp == nil || newScope) {
            baseline.timestamp = record.readStarted
            baseline.discovery = record.discovery
        }
        return baseline
    }

    /// What the commit holds, including the items an interrupted run wrote and this one commits.
    private func commitMessage(report: SyncReport, recovery: JournalRecovery, decisions: [Decision], record: RunRecord)
        -> ([StagedChange]) -> String
    {
        // A view, not a copy: at 100,000 pulls the outcomes are 19 MB, held while the commit is made.
        let done = report.outcomes.lazy.filter { $0.state == .done }
        let doneIDs = recovery.writes.isEmpty ? [] : Set(done.map(\.id))
        let trailers = DecisionLog.uncommitted(decisions, committedText: workspace.committedDecisionLog()).compactMap(\.trailer)
        let forgotten = record.missing.deleted.filter { options.forget.contains($0.id) }.map { (id: $0.id, key: $0.key) }
        let logPath = workspace.decisionLogPath
        let tracker = report.trackerName
        return { changes in
            let changed = Set(changes.map(\.path))
            var message = CommitMessage()
            message.lines = done.map { CommitMessage.Line(action: $0.action, id: $0.id, key: $0.key, title: $0.title, recovered: false) }
            message.lines += recovery.writes.filter { changed.contains($0.path) && !doneIDs.contains($0.id) }.map {
                .init(action: $0.action, id: $0.id, key: $0.key, title: $0.title, recovered: true)
            }
            message.forgotten = forgotten
            message.trailers = trailers
            message.decisionsLogged = changed.contains(logPath)
            return message.text(tracker: tracker)
        }
    }

    /// Prepares the commit, journals it, then makes it visible (index, then HEAD).
    private func makeCommit(paths: [String], message: ([StagedChange]) -> String) throws(SyncFailure) -> String? {
        do {
            guard let prepared = try repository.prepareSyncCommit(paths: paths, message: message) else { return nil }
            try journal.append(.commit(prepared))
            try journal.sync()
            let steps = self.steps
            return try repository.finishSyncCommit(prepared) { step in try steps.record(.commit(step)) }.id
        } catch let stop as SyncFailure {
            throw stop
        } catch let error as GitError {
            throw error.code == .libgit2 ? SyncFailure(exitCode: 1, message: error.message) : .from(error)
        } catch {
            throw SyncFailure(exitCode: 1, message: "cannot make the sync commit: \(error)")
        }
    }

    /// The journal shrinks to the create intents whose items are still not settled: a create found remotely whose
    /// key could not be written back yet (dirty file), or one whose answer never came, so the next run adopts it
    /// instead of creating it again. One rename, so no kill can lose them.
    private func keepUnsettledCreates(report: SyncReport, executor: Executor, recovery: JournalRecovery, record: RunRecord)
        throws(SyncFailure)
    {
        let adopted = Set(report.outcomes.filter { $0.action == .adopt && $0.state == .done }.map(\.id))
        var unsettled = executor.unsettledCreates
        for (id, intent) in recovery.createIntents where record.foundCreates[id] != nil && !adopted.contains(id) {
            unsettled[id] = intent
        }
        let kept = unsettled.sorted(by: { $0.key < $1.key }).map { id, intent in
            JournalEntry(kind: .createIntent, id: id, marker: intent.marker, time: intent.time)
        }
        do { try journal.replace(with: kept) } catch let stop as SyncFailure { throw stop } catch {
            throw SyncFailure(exitCode: 1, message: "cannot rewrite the journal \(journal.path): \(error)")
        }
    }
}
