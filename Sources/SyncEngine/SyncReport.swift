import Foundation
import Trackers
import WorkItems

/// What happened to one item; the raw values of `State` are the stable `--porcelain`/`--json` states.
public struct ItemOutcome: Sendable {
    public enum State: String, Sendable, Equatable {
        /// `--preview`: this is what a sync would do.
        case planned
        case done
        case failed
        /// A human must act first (conflict, uncommitted edits).
        case blocked
        case skipped
        /// The run stopped (blast-radius gate, Ctrl-C) before this item.
        case notRun = "not-run"
    }

    public var id: String
    public var key: String?
    public var path: String
    public var title: String
    public var action: PlanAction
    public var state: State
    public var reason: ReasonCode?
    /// One line for people; for failures, what went wrong and what to do.
    public var message: String?
    public var diff: SectionDiff?
    /// For failures: the tracker error (decides exit codes 4/70/71/74); nil for a local failure (exit 4).
    public var error: TrackerError?

    /// The stable code `--porcelain` and `--json` show: the plan's reason, else the failure's.
    public var reasonCode: String? { reason?.rawValue ?? error?.reasonCode }
}

public struct SyncReport: Sendable {
    public var integration: String
    public var trackerName: String
    public var mode: SyncMode
    public var preview: Bool
    public var outcomes: [ItemOutcome]
    public var problems: [ItemProblem]
    public var unchangedCount: Int
    public var commit: String?
    public var requestCount: Int
    /// Set when the blast-radius gate stopped the run before any write (exit 5).
    public var refusal: String?
    /// Ctrl-C: the run stopped after the items in flight.
    public var interrupted: Bool
    public var headNote: String?

    public var exitCode: Int32 {
        if interrupted { return 130 }
        let failures = outcomes.compactMap(\.error)
        if failures.contains(where: { if case .outcomeUnknown = $0 { return true } else { return false } }) { return 71 }
        if failures.contains(where: { if case .unauthorized = $0 { return true }; if case .configuration = $0 { return true }; return false }) { return 74 }
        if failures.contains(where: \.isSafeToRetry) { return 70 }
        // What is left failed for a reason retrying cannot fix: a value the tracker rejected, a missing transition, a
        // local write refused for safety or failed on the file system. The user has to act.
        if outcomes.contains(where: { $0.state == .failed }) { return 4 }
        if refusal != nil && !preview { return 5 }
        let needsHuman = outcomes.contains {
            $0.state == .blocked || ($0.state == .planned && ($0.action == .conflict || [.dirty, .duplicateKey, .deletedLocally].contains($0.reason)))
        }
        if !problems.isEmpty || needsHuman { return 4 }
        return 0
    }
}
