import Foundation
import GitStore
import WorkItems
import Trackers

/// What an interrupted run left in the journal, checked against the working tree: which of its writes took effect
/// (a file is trusted only when its blob is the journalled one), which decisions were carried out, and the commit it
/// was making.
struct JournalRecovery {
    struct CreateIntent: Sendable { var marker: String; var time: String }

    /// A file an interrupted run wrote, still holding what it wrote.
    struct RecoveredWrite: Sendable, Equatable {
        var id: String
        var path: String
        var key: String?
        var action: PlanAction
        var title: String
    }

    var entries: [JournalEntry] = []
    var baseline: [String: BaselineEntry] = [:]
    /// Files the run wrote that still hold exactly what it wrote: path → blob id.
    var writtenFiles: [String: String] = [:]
    var writes: [RecoveredWrite] = []
    var createIntents: [String: CreateIntent] = [:]
    /// Decisions whose write took effect.
    var decisions: [Decision] = []
    /// `local` decisions whose push was sent but never answered: carried out if the remote now holds what was sent.
    var unconfirmedPushes: [(decision: Decision, sentHash: String)] = []
    /// The last sync commit the run was making, and its paths whose working files still hold the committed blob
    /// (they belong in this run's commit).
    var commit: JournalEntry?
    var commitPaths: [String] = []

    var isEmpty: Bool { entries.isEmpty }

    static func recover(_ entries: [JournalEntry], repository: GitRepository) -> JournalRecovery {
        var r = JournalRecovery()
        r.entries = entries
        var decided: [String: (decision: Decision, sentHash: String?)] = [:]
        var carriedOut = Set<String>()
        for entry in entries {
            switch entry.kind {
            case .createIntent:
                if let marker = entry.marker { r.createIntents[entry.id] = CreateIntent(marker: marker, time: entry.time ?? "") }
            case .remoteDone:
                if let b = entry.baseline { r.baseline[entry.id] = b }
                carriedOut.insert(entry.id)
            case .localWrite:
                guard let path = entry.path, let blob = entry.blob,
                    let data = FileManager.default.contents(atPath: repository.workdir + "/" + path),
                    repository.hashBlob(Array(data)) == blob
                else { continue }
                r.writtenFiles[path] = blob
                if let b = entry.baseline { r.baseline[entry.id] = b }
                r.createIntents[entry.id] = nil
                carriedOut.insert(entry.id)
                r.writes.append(RecoveredWrite(id: entry.id, path: path, key: entry.key,
                    action: entry.action.flatMap(PlanAction.init(rawValue:)) ?? .pull, title: entry.title ?? ""))
            case .decision:
                if let decision = Decision(entry) { decided[entry.id] = (decision, entry.sentHash) }
            case .commit:
                r.commit = entry
            }
        }
        for (id, pending) in decided.sorted(by: { $0.key < $1.key }) {
            if carriedOut.contains(id) || pending.decision.choice == .skip {
                r.decisions.append(pending.decision)
            } else if pending.decision.choice == .local, let hash = pending.sentHash {
                r.unconfirmedPushes.append((pending.decision, hash))
            }
        }
        r.commitPaths = (r.commit?.changes ?? []).filter { change in
            repository.hashWorkingFile(change.path) == change.after
        }.map(\.path)
        return r
    }

    /// Moves the unanswered pushes that the remote now shows to `decisions`.
    mutating func confirmPushes(seen items: [RemoteItem], representable: (WorkItemContent) -> WorkItemContent) {
        let byKey = Dictionary(items.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        for pending in unconfirmedPushes {
            guard let key = pending.decision.key, let remote = byKey[key],
                representable(remote.content).contentHash() == pending.sentHash
            else { continue }
            decisions.append(pending.decision)
        }
        unconfirmedPushes = []
    }
}
