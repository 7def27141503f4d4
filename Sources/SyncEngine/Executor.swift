import Foundation
import GitStore
import Trackers
import WorkItems

/// Carries out a plan item by item, in the order of safety invariant 1: remote write and read-back, local write
/// (journalled, then temp file + rename), then the item's new baseline. A conflict decision is journalled just
/// before the write that carries it out, so a killed run's decision still reaches `sync.log`.
final class Executor {
    private let tracker: any Tracker
    private let files: WorkFileWriter
    private let journal: Journal
    private let hashBlob: @Sendable ([UInt8]) -> String
    private let concurrency: Int
    private let stopRequested: @Sendable () -> Bool
    private let progress: @Sendable (ProgressEvent) -> Void
    private let now: @Sendable () -> Date
    private let steps: StepRecorder
    /// Who makes this run's decisions (`user.name`), for `sync.log`.
    private let decider: String
    /// Told what each written file holds, so the next run need not read it again.
    private let itemCache: ItemBlobCache?

    private(set) var baseline: Baseline
    private(set) var writtenPaths: [String] = []
    /// Creates sent this run whose outcome is not known to have succeeded: local id → journalled intent.
    private(set) var unsettledCreates: [String: JournalRecovery.CreateIntent] = [:]
    /// Decisions carried out this run (their writes took effect).
    private(set) var decisions: [Decision] = []
    private var pendingDecisions: [String: Decision] = [:]
    private var outcomes: [Int: ItemOutcome] = [:]
    private var completed = 0

    init(tracker: any Tracker, files: WorkFileWriter, journal: Journal, hashBlob: @escaping @Sendable ([UInt8]) -> String,
         baseline: Baseline, concurrency: Int, stopRequested: @escaping @Sendable () -> Bool,
         progress: @escaping @Sendable (ProgressEvent) -> Void, now: @escaping @Sendable () -> Date,
         steps: StepRecorder = .none, decider: String = "unknown", itemCache: ItemBlobCache? = nil) {
        self.tracker = tracker
        self.files = files
        self.journal = journal
        self.hashBlob = hashBlob
        self.baseline = baseline
        self.concurrency = max(1, concurrency)
        self.stopRequested = stopRequested
        self.progress = progress
        self.now = now
        self.steps = steps
        self.decider = decider
        self.itemCache = itemCache
    }

    /// Throws only a `SyncFailure` that an observer raised to stop the run after a step; every other failure is an
    /// item's outcome.
    func execute(_ plan: Plan) async throws(SyncFailure) -> (outcomes: [ItemOutcome], interrupted: Bool) {
        let items = plan.items
        let total = items.filter { ![.skip, .conflict].contains($0.action) }.count
        var interrupted = false
        progress(.executing(total: total))
        outcomes.reserveCapacity(items.count)

        let batches = stride(from: 0, to: items.count, by: Self.preparedBatch).map { $0..<min($0 + Self.preparedBatch, items.count) }
        var preparing = batches.first.map { preparation(of: items, $0) }
        for (position, batch) in batches.enumerated() {
            let prepared = await preparing?.value ?? [:]
            // The next batch's files are made while this one's are written.
            preparing = position + 1 < batches.count ? preparation(of: items, batches[position + 1]) : nil
            for index in batch {
                let item = items[index]
                switch item.action {
                case .skip, .conflict:
                    outcomes[index] = Self.outcome(item, state: item.needsHuman ? .blocked : .skipped)
                case .pull, .new, .adopt, .record:
                    if stopRequested() { interrupted = true; outcomes[index] = Self.outcome(item, state: .notRun); continue }
                    outcomes[index] = try applyLocally(item, prepared: prepared[index])
                    tick(total)
                case .push, .create:
                    continue
                }
            }
        }
        if try await writeRemotely(items, total: total) { interrupted = true }
        // The outcomes leave with the result: the executor lives through the commit, and at 100,000 items this map
        // is 40 MB the commit does not need.
        defer { outcomes = [:] }
        return (items.indices.compactMap { outcomes[$0] }, interrupted)
    }

    /// Pushes and creates, `concurrency` at a time. Returns whether Ctrl-C left some unsent.
    private func writeRemotely(_ items: [PlannedItem], total: Int) async throws(SyncFailure) -> Bool {
        let remoteWrites = items.indices.filter { [.push, .create].contains(items[$0].action) }
        var interrupted = false
        var stop: SyncFailure?
        await withTaskGroup(of: (Int, Result<RemoteItem, TrackerError>).self) { group in
            var queue = remoteWrites[...]
            var inFlight = 0
            func startNext() {
                while stop == nil, inFlight < concurrency, let index = queue.popFirst() {
                    if stopRequested() {
                        interrupted = true
                        outcomes[index] = Self.outcome(items[index], state: .notRun)
                        continue
                    }
                    do throws(SyncFailure) {
                        guard let send = try prepareRemoteWrite(items[index], index: index) else { continue }
                        group.addTask { (index, await send()) }
                        inFlight += 1
                    } catch {
                        stop = error
                    }
                }
            }
            startNext()
            while stop == nil, let (index, result) = await group.next() {
                inFlight -= 1
                do throws(SyncFailure) {
                    outcomes[index] = try finishRemoteWrite(items[index], result: result)
                } catch {
                    stop = error
                    break
                }
                tick(total)
                startNext()
            }
        }
        if let stop { throw stop }
        return interrupted
    }

    /// Journals what must precede the write (a create's intent, a decision) and returns the write to send; nil when
    /// the journal failed (the item's outcome says so).
    private func prepareRemoteWrite(_ item: PlannedItem, index: Int) throws(SyncFailure)
        -> (@Sendable () async -> Result<RemoteItem, TrackerError>)?
    {
        let tracker = self.tracker
        let content = item.content!
        do {
            if item.action == .create {
                let marker = SyncMarker(UUID().uuidString.lowercased())
                let intent = JournalRecovery.CreateIntent(marker: marker.value, time: ISOTime.format(now()))
                try journal.append(JournalEntry(kind: .createIntent, id: item.id, marker: intent.marker, time: intent.time))
                unsettledCreates[item.id] = intent
                return { await Self.capture { try await tracker.create(content, marker: marker) } }
            }
            if item.reason == .resolvedLocal {
                try journalDecision(for: item, choice: .local, sentHash: tracker.representable(content).contentHash())
            }
        } catch let stop as SyncFailure {
            throw stop
        } catch {
            outcomes[index] = Self.outcome(item, state: .failed, message: "cannot write the journal: \(error)")
            return nil
        }
        let key = item.key!
        let previous = item.previous
        return { await Self.capture { try await tracker.update(key: key, to: content, previous: previous) } }
    }

    private func journalDecision(for item: PlannedItem, choice: ConflictChoice, sentHash: String?) throws {
        let decision = Decision(id: item.id, key: item.key, choice: choice, who: decider, time: ISOTime.format(now()))
        try journal.append(.decision(decision, sentHash: sentHash))
        pendingDecisions[item.id] = decision
    }

    private static func capture(_ body: () async throws -> RemoteItem) async -> Result<RemoteItem, TrackerError> {
        do { return .success(try await body()) } catch let error as TrackerError { return .failure(error) } catch {
            return .failure(.unavailable(String(describing: error)))
        }
    }

    private func tick(_ total: Int) {
        completed += 1
        progress(.executed(completed, total))
    }

    private func finishRemoteWrite(_ item: PlannedItem, result: Result<RemoteItem, TrackerError>) throws(SyncFailure) -> ItemOutcome {
        switch result {
        case .failure(let error):
            var o = Self.outcome(item, state: .failed, message: error.description)
            o.error = error
            return o
        case .success(let remote):
            try steps.record(.remoteWritten(id: item.id))
            var outcome: ItemOutcome
            if item.action == .create {
                var done = item
                done.key = remote.key
                done.remote = remote
                outcome = try writeKeyBack(done, remote: remote)
                // Until the key is in the file, only the journalled intent stops the next run creating it again.
                if outcome.state == .done { unsettledCreates[item.id] = nil }
            } else {
                let local = item.local!
                let entry = BaselineEntry(remoteUpdatedAt: remote.updatedAt, remoteHash: remote.content.contentHash(),
                    localHash: local.content.contentHash(), localBlob: local.blobID, remoteID: remote.remoteID)
                // An item that moved (its key changed) gets its new key written once the push is through.
                outcome = item.movedFrom == nil ? try record(item, entry: entry) : try writeKeyBack(item, remote: remote)
            }
            if outcome.state == .done, !remote.notices.isEmpty {
                outcome.message = remote.notices.map(TerminalText.sanitise).joined(separator: "; ")
            }
            return outcome
        }
    }

    /// How many pulled and new items have their files made ahead of writing, in parallel: enough to keep both
    /// cores busy, few enough that a first pull of real-size items does not hold them all in memory.
    static let preparedBatch = 512

    /// The files of the batch's pulled and new items, made (rendered and hashed) in parallel: the part of a local
    /// write that needs no journal and no order.
    private func preparation(of items: [PlannedItem], _ batch: Range<Int>) -> Task<[Int: PreparedWrite], Never> {
        Self.preparation(of: items, batch, date: ISOTime.format(now()), hashBlob: hashBlob)
    }

    private static func preparation(of items: [PlannedItem], _ batch: Range<Int>, date: String,
                                    hashBlob: @escaping @Sendable ([UInt8]) -> String) -> Task<[Int: PreparedWrite], Never> {
        Task { await prepareLocalWrites(items, batch, date: date, hashBlob: hashBlob) }
    }

    private static func prepareLocalWrites(_ items: [PlannedItem], _ batch: Range<Int>, date: String,
                                           hashBlob: @escaping @Sendable ([UInt8]) -> String) async -> [Int: PreparedWrite] {
        let indices = batch.filter { [.pull, .new].contains(items[$0].action) }
        guard !indices.isEmpty else { return [:] }
        let lanes = min(ProcessInfo.processInfo.activeProcessorCount, max(1, indices.count / 32))
        return await withTaskGroup(of: [(Int, PreparedWrite)].self) { group in
            for lane in 0..<lanes {
                let mine = stride(from: lane, to: indices.count, by: lanes).map { indices[$0] }
                let work = mine.map { (index: $0, item: items[$0]) }
                group.addTask {
                    work.map { ($0.index, Self.prepareWrite(Self.document(for: $0.item, date: date), for: $0.item, hashBlob: hashBlob)) }
                }
            }
            var prepared: [Int: PreparedWrite] = [:]
            for await part in group { for (index, write) in part { prepared[index] = write } }
            return prepared
        }
    }

    /// The document a pull or a new item writes.
    private static func document(for item: PlannedItem, date: String) -> WorkItemDocument {
        let remote = item.remote!
        if item.action == .new {
            return WorkItemDocument.newItem(id: item.id, content: item.content!, date: remote.createdAt ?? date,
                author: remote.author, externalID: remote.key)
        }
        var document = item.local!.document
        document.apply(item.content!, id: item.id)
        if item.movedFrom != nil { document.setRemoteKey(remote.key) }
        return document
    }

    private static func prepareWrite(_ document: WorkItemDocument, for item: PlannedItem, remote: RemoteItem? = nil,
                                     hashBlob: ([UInt8]) -> String) -> PreparedWrite {
        let remote = remote ?? item.remote!
        let bytes = Array(document.text.utf8)
        let blob = hashBlob(bytes)
        let localHash = document.localContent().contentHash()
        let entry = BaselineEntry(remoteUpdatedAt: remote.updatedAt, remoteHash: remote.content.contentHash(),
            localHash: localHash, localBlob: blob, remoteID: remote.remoteID)
        var journalled = JournalEntry(kind: .localWrite, id: item.id, path: item.path, blob: blob, key: remote.key, baseline: entry)
        journalled.action = item.action.rawValue
        journalled.title = item.content?.title ?? item.title
        return PreparedWrite(document: document, bytes: bytes, entry: entry, journal: JournalLine(journalled))
    }

    private func applyLocally(_ item: PlannedItem, prepared: PreparedWrite?) throws(SyncFailure) -> ItemOutcome {
        let remote = item.remote!
        switch item.action {
        case .record:
            let local = item.local!
            return try record(item, entry: BaselineEntry(remoteUpdatedAt: remote.updatedAt,
                remoteHash: remote.content.contentHash(), localHash: local.content.contentHash(), localBlob: local.blobID,
                remoteID: remote.remoteID))
        case .adopt:
            return try writeKeyBack(item, remote: remote)
        case .pull, .new:
            let write = prepared ?? Self.prepareWrite(Self.document(for: item, date: ISOTime.format(now())), for: item,
                hashBlob: hashBlob)
            return try self.write(write, for: item, mustNotExist: item.action == .new)
        default:
            return Self.outcome(item, state: .skipped)
        }
    }

    private func writeKeyBack(_ item: PlannedItem, remote: RemoteItem) throws(SyncFailure) -> ItemOutcome {
        var document = item.local!.document
        document.setRemoteKey(remote.key)
        return try write(Self.prepareWrite(document, for: item, remote: remote, hashBlob: hashBlob), for: item)
    }

    /// Journals the write before making it: a run killed between the two leaves a file that the next run can
    /// recognise (its blob is in the journal) as the sync's own work, not as an uncommitted edit.
    private func write(_ prepared: PreparedWrite, for item: PlannedItem, mustNotExist: Bool = false) throws(SyncFailure)
        -> ItemOutcome
    {
        let (document, bytes, entry) = (prepared.document, prepared.bytes, prepared.entry)
        let blob = entry.localBlob!
        do {
            if item.reason == .resolvedRemote { try journalDecision(for: item, choice: .remote, sentHash: nil) }
            try journal.append(prepared.journal)
        } catch let stop as SyncFailure {
            throw stop
        } catch {
            return Self.outcome(item, state: .failed, message: "cannot write the journal: \(error)")
        }
        do {
            try files.write(bytes, to: item.path, mustNotExist: mustNotExist)
        } catch let stop as SyncFailure {
            throw stop
        } catch {
            return Self.outcome(item, state: .failed, message: "\(item.path): \(error)")
        }
        writtenPaths.append(item.path)
        itemCache?.remember(.parsed(WorkItemIdentity(document: document), contentHash: entry.localHash!), for: blob)
        return settle(item, entry: entry)
    }

    private func record(_ item: PlannedItem, entry: BaselineEntry) throws(SyncFailure) -> ItemOutcome {
        do {
            try journal.append(JournalEntry(kind: .remoteDone, id: item.id, key: item.key, baseline: entry))
        } catch let stop as SyncFailure {
            throw stop
        } catch {
            return Self.outcome(item, state: .failed, message: "cannot write the journal: \(error)")
        }
        return settle(item, entry: entry)
    }

    private func settle(_ item: PlannedItem, entry: BaselineEntry) -> ItemOutcome {
        baseline.items[item.id] = entry
        if let decision = pendingDecisions.removeValue(forKey: item.id) { decisions.append(decision) }
        return Self.outcome(item, state: .done)
    }

    static func outcome(_ item: PlannedItem, state: ItemOutcome.State, message: String? = nil) -> ItemOutcome {
        ItemOutcome(id: item.id, key: item.key, path: item.path, title: item.title, action: item.action, state: state,
            reason: item.reason, message: message ?? item.detail, diff: item.diff, error: nil)
    }
}
