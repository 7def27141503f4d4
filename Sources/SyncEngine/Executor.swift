import Foundation
import GitStore
import Trackers
import WorkItems

/// Carries out a plan item by item, in the order of safety invariant 1: remote write and read-back, local write
/// (temp file + rename), then the journal entry that carries the item's new baseline.
final class Executor {
    private let tracker: any Tracker
    private let repository: GitRepository
    private let files: WorkFileWriter
    private let journal: Journal
    private let concurrency: Int
    private let stopRequested: @Sendable () -> Bool
    private let progress: @Sendable (ProgressEvent) -> Void
    private let now: @Sendable () -> Date

    private(set) var baseline: Baseline
    private(set) var writtenPaths: [String] = []
    /// Creates sent this run whose outcome is not known to have succeeded: local id → journalled intent.
    private(set) var unsettledCreates: [String: JournalRecovery.CreateIntent] = [:]
    private var outcomes: [Int: ItemOutcome] = [:]
    private var completed = 0

    init(tracker: any Tracker, repository: GitRepository, files: WorkFileWriter, journal: Journal, baseline: Baseline,
         concurrency: Int, stopRequested: @escaping @Sendable () -> Bool,
         progress: @escaping @Sendable (ProgressEvent) -> Void, now: @escaping @Sendable () -> Date) {
        self.tracker = tracker
        self.repository = repository
        self.files = files
        self.journal = journal
        self.baseline = baseline
        self.concurrency = max(1, concurrency)
        self.stopRequested = stopRequested
        self.progress = progress
        self.now = now
    }

    func execute(_ plan: Plan) async -> (outcomes: [ItemOutcome], interrupted: Bool) {
        let items = plan.items
        let total = items.filter { ![.skip, .conflict].contains($0.action) }.count
        var interrupted = false

        for (index, item) in items.enumerated() {
            switch item.action {
            case .skip, .conflict:
                outcomes[index] = Self.outcome(item, state: item.needsHuman ? .blocked : .skipped)
            case .pull, .new, .adopt, .record:
                if stopRequested() { interrupted = true; outcomes[index] = Self.outcome(item, state: .notRun); continue }
                outcomes[index] = applyLocally(item)
                tick(total)
            case .push, .create:
                continue
            }
        }

        let remoteWrites = items.indices.filter { [.push, .create].contains(items[$0].action) }
        await withTaskGroup(of: (Int, Result<RemoteItem, TrackerError>).self) { group in
            var queue = remoteWrites[...]
            var inFlight = 0
            func startNext() {
                while inFlight < concurrency, let index = queue.popFirst() {
                    if stopRequested() {
                        interrupted = true
                        outcomes[index] = Self.outcome(items[index], state: .notRun)
                        continue
                    }
                    let item = items[index]
                    let tracker = self.tracker
                    let content = item.content!
                    if item.action == .create {
                        let marker = SyncMarker(UUID().uuidString.lowercased())
                        let intent = JournalRecovery.CreateIntent(marker: marker.value, time: ISOTime.format(now()))
                        do {
                            try journal.append(JournalEntry(kind: .createIntent, id: item.id, marker: intent.marker, time: intent.time))
                            unsettledCreates[item.id] = intent
                        } catch {
                            outcomes[index] = Self.outcome(item, state: .failed, message: "cannot write the journal: \(error)")
                            continue
                        }
                        group.addTask { (index, await Self.capture { try await tracker.create(content, marker: marker) }) }
                    } else {
                        let key = item.key!
                        let previous = item.previous
                        group.addTask {
                            (index, await Self.capture { try await tracker.update(key: key, to: content, previous: previous) })
                        }
                    }
                    inFlight += 1
                }
            }
            startNext()
            while let (index, result) = await group.next() {
                inFlight -= 1
                outcomes[index] = finishRemoteWrite(items[index], result: result)
                tick(total)
                startNext()
            }
        }
        return (items.indices.compactMap { outcomes[$0] }, interrupted)
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

    private func finishRemoteWrite(_ item: PlannedItem, result: Result<RemoteItem, TrackerError>) -> ItemOutcome {
        switch result {
        case .failure(let error):
            var o = Self.outcome(item, state: .failed, message: error.description)
            o.error = error
            return o
        case .success(let remote):
            var outcome: ItemOutcome
            if item.action == .create {
                unsettledCreates[item.id] = nil
                var done = item
                done.key = remote.key
                done.remote = remote
                outcome = writeKeyBack(done, remote: remote)
            } else {
                let local = item.local!
                let entry = BaselineEntry(remoteUpdatedAt: remote.updatedAt, remoteHash: remote.content.contentHash(),
                    localHash: local.content.contentHash(), localBlob: local.blobID)
                outcome = record(item, entry: entry)
            }
            if outcome.state == .done, !remote.notices.isEmpty {
                outcome.message = remote.notices.map(TerminalText.sanitise).joined(separator: "; ")
            }
            return outcome
        }
    }

    private func applyLocally(_ item: PlannedItem) -> ItemOutcome {
        let remote = item.remote!
        switch item.action {
        case .record:
            let local = item.local!
            return record(item, entry: BaselineEntry(remoteUpdatedAt: remote.updatedAt,
                remoteHash: remote.content.contentHash(), localHash: local.content.contentHash(), localBlob: local.blobID))
        case .adopt:
            return writeKeyBack(item, remote: remote)
        case .pull:
            var document = item.local!.document
            document.apply(item.content!, id: item.id)
            return write(document, for: item, remote: remote)
        case .new:
            let document = WorkItemDocument.newItem(id: item.id, content: item.content!,
                date: remote.createdAt ?? ISOTime.format(now()), author: remote.author, externalID: remote.key)
            return write(document, for: item, remote: remote, mustNotExist: true)
        default:
            return Self.outcome(item, state: .skipped)
        }
    }

    private func writeKeyBack(_ item: PlannedItem, remote: RemoteItem) -> ItemOutcome {
        var document = item.local!.document
        document.setRemoteKey(remote.key)
        return write(document, for: item, remote: remote)
    }

    /// Journals the write before making it: a run killed between the two leaves a file that the next run can
    /// recognise (its blob is in the journal) as the sync's own work, not as an uncommitted edit.
    private func write(_ document: WorkItemDocument, for item: PlannedItem, remote: RemoteItem, mustNotExist: Bool = false) -> ItemOutcome {
        let bytes = Array(document.text.utf8)
        let blob = repository.hashBlob(bytes)
        let entry = BaselineEntry(remoteUpdatedAt: remote.updatedAt, remoteHash: remote.content.contentHash(),
            localHash: document.localContent().contentHash(), localBlob: blob)
        do {
            try journal.append(JournalEntry(kind: .localWrite, id: item.id, path: item.path, blob: blob, key: remote.key, baseline: entry))
        } catch {
            return Self.outcome(item, state: .failed, message: "cannot write the journal: \(error)")
        }
        do {
            try files.write(bytes, to: item.path, mustNotExist: mustNotExist)
        } catch {
            return Self.outcome(item, state: .failed, message: "\(item.path): \(error)")
        }
        writtenPaths.append(item.path)
        baseline.items[item.id] = entry
        return Self.outcome(item, state: .done)
    }

    private func record(_ item: PlannedItem, entry: BaselineEntry) -> ItemOutcome {
        do {
            try journal.append(JournalEntry(kind: .remoteDone, id: item.id, key: item.key, baseline: entry))
        } catch {
            return Self.outcome(item, state: .failed, message: "cannot write the journal: \(error)")
        }
        baseline.items[item.id] = entry
        return Self.outcome(item, state: .done)
    }

    static func outcome(_ item: PlannedItem, state: ItemOutcome.State, message: String? = nil) -> ItemOutcome {
        ItemOutcome(id: item.id, key: item.key, path: item.path, title: item.title, action: item.action, state: state,
            reason: item.reason, message: message, diff: item.diff, error: nil)
    }
}

public enum ProgressEvent: Sendable {
    case reading
    case read(items: Int)
    case executed(Int, Int)
}
