import Foundation
import GitStore
import Trackers

extension SyncRun {
    /// The report of a run that finds everything as the last settled run left it (`SettledStamp`): no journal, no
    /// `--forget` or `--resolve`, the same settings and filters, HEAD's work folder and baseline the stamp's with
    /// nothing uncommitted in them, and every item the remote read returns tracked with the updated time the
    /// baseline holds. Otherwise nil, with the remote read kept when the full run would make the same request.
    ///
    /// The read is sent before the local side is checked, and the check (a walk of the working tree) runs while it is
    /// on the wire. When the local side has changed, the read is handed on unanswered: the full run reads the local
    /// side meanwhile, and uses it unless its own request differs (a tracked file deleted or given another key).
    func settledReport(tracker: any Tracker, recovery: JournalRecovery) async throws(SyncFailure)
        -> (report: SyncReport?, read: SettledRead?)
    {
        guard recovery.isEmpty, options.forget.isEmpty, options.resolutions.isEmpty,
              let stamp = workspace.settledStampWritten(filters: options)
        else { return (nil, nil) }
        let request = settledReadRequest(stamp)
        let startedAt = environment.now()
        environment.progress(.reading(items: 0))
        let reading = Task { try await tracker.read(request) }
        guard workspace.localSideMatches(stamp, refreshingIndex: !options.preview) else {
            return (nil, SettledRead(request: request, reading: reading, startedAt: startedAt))
        }
        let result: RemoteReadResult
        do { result = try await reading.value } catch let error as TrackerError { throw .from(error) } catch {
            throw SyncFailure(exitCode: 70, message: "\(tracker.displayName): \(error)")
        }
        let read = SettledRead(request: request, reading: reading, startedAt: startedAt)
        guard Self.nothingChanged(in: result.items, since: stamp) else { return (nil, read) }
        environment.progress(.read(items: result.items.count))
        let report = SyncReport(
            integration: tracker.integrationName, trackerName: tracker.displayName, mode: options.mode,
            preview: options.preview, outcomes: [], problems: [], unchangedCount: stamp.tracked.count, commit: nil,
            requestCount: result.requestCount, refusal: nil, interrupted: false, headNote: workspace.headNote)
        return (report, read)
    }

    /// After a run that left both sides in step, the stamp the next run starts from: every planned item done, no
    /// problem, nothing pending in the journal, every tracked item fully recorded in the baseline. Otherwise none.
    /// `tracked`: `trackedAfter` of the same run.
    func recordSettled(report: SyncReport, record: RunRecord, final: Baseline, tracked: [SettledStamp.Tracked]?) {
        removeSettledStamp()
        let applied = options.preview ? record.planIsEmpty
            : report.outcomes.allSatisfy { $0.state == .done && Self.settlingActions.contains($0.action) }
        guard applied, report.refusal == nil, !report.interrupted, report.problems.isEmpty, options.forget.isEmpty,
              options.resolutions.isEmpty, record.missing.deleted.isEmpty, record.restored.isEmpty,
              journal.pendingEntries().isEmpty, let timestamp = final.timestamp,
              Self.recordsFilters(of: record.discovery, final, projectCode: config.defaultProjectCode),
              let tracked,
              let workTree = try? repository.headTreeID(of: config.workPath),
              let baselineBlob = try? repository.blobID(at: workspace.baselinePath)
        else { return }
        // The watermark as the next run reads it back: a baseline written by this run holds whole seconds.
        let written = final != workspace.baselineOnDisk
        let since = written ? ISOTime.parse(ISOTime.format(timestamp)) ?? timestamp : timestamp
        let stamp = SettledStamp(fingerprint: workspace.settledFingerprint(filters: options), workTree: workTree,
            baselineBlob: baselineBlob, since: since, tracked: tracked)
        guard let bytes = stamp.encoded() else { return }
        try? Data(bytes).write(to: URL(fileURLWithPath: workspace.settledStampPath), options: .atomic)
    }

    /// Any run that may change something first removes the stamp, so none can outlive the state it describes.
    func removeSettledStamp() {
        unlink(workspace.settledStampPath)
    }

    /// Whether the baseline records `filters` as its discovery scope: the next run with them discovers from the
    /// watermark and has no new scope to record.
    private static func recordsFilters(of filters: DiscoveryFilter, _ baseline: Baseline, projectCode: String?) -> Bool {
        DiscoveryScope.normalised(DiscoveryScope.recorded(in: baseline, projectCode: projectCode)) == DiscoveryScope.normalised(filters)
    }

    /// Outcomes after which the item is the same on both sides and in the baseline.
    private static let settlingActions: Set<PlanAction> = [.push, .pull, .create, .new, .adopt, .record]

    /// The request the full run would make over the same state (`RemoteSnapshot.read`). A stamp is written only when
    /// the baseline records this run's filters, so discovery reads from the watermark too.
    private func settledReadRequest(_ stamp: SettledStamp) -> RemoteReadRequest {
        RunReadRequest.make(watermark: stamp.since, overlap: SyncSession.readOverlap,
            tracked: stamp.tracked.map { RunReadRequest.Tracked(key: $0.key, remoteID: $0.remoteID, updatedAt: $0.remoteUpdatedAt) },
            discovery: DiscoveryScope.filter(options, projectCode: config.defaultProjectCode), incremental: true,
            progress: environment.progress)
    }

    /// The read overlaps the last one, so it may return items that run already saw: each must be tracked, under the
    /// same key and stable id, with the updated time the baseline holds.
    static func nothingChanged(in items: [RemoteItem], since stamp: SettledStamp) -> Bool {
        if items.isEmpty { return true }
        let tracked = Dictionary(stamp.tracked.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        return items.allSatisfy { item in
            guard let known = tracked[item.key] else { return false }
            return known.remoteUpdatedAt == item.updatedAt && known.remoteID == item.remoteID
        }
    }

    /// `trackedAfter` on another thread, started when the commit is: at 10,000 items it is a tenth of a small sync's
    /// work after its writes, and needs nothing the commit makes.
    static func trackedInBackground(report: SyncReport, record: RunRecord, final: Baseline)
        -> Task<[SettledStamp.Tracked]?, Never>
    {
        Task.detached { trackedAfter(report: report, record: record, final: final) }
    }

    /// The tracked items as this run leaves them (the ones it read, then the keys its outcomes wrote), each with its
    /// baseline record; nil when one is not fully recorded, so a run with the stamp would plan differently.
    static func trackedAfter(report: SyncReport, record: RunRecord, final: Baseline) -> [SettledStamp.Tracked]? {
        var keys: [String: String] = [:]
        for item in record.loadedKeys { keys[item.id] = item.key }
        for item in record.settled { keys[item.id] = item.key }
        for outcome in report.outcomes {
            guard let key = outcome.key else { return nil }
            keys[outcome.id] = key
        }
        var tracked: [SettledStamp.Tracked] = []
        tracked.reserveCapacity(keys.count)
        for (id, key) in keys {
            guard let entry = final.items[id], entry.forgottenKey == nil, entry.remoteHash != nil, entry.localHash != nil,
                  let updated = entry.remoteUpdatedAt
            else { return nil }
            tracked.append(SettledStamp.Tracked(key: key, remoteUpdatedAt: updated, remoteID: entry.remoteID))
        }
        guard Set(keys.values).count == keys.count else { return nil }
        return tracked
    }
}
