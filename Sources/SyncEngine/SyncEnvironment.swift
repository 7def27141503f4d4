import Foundation
import Trackers

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
    /// Hears every durable step of a run as it completes; whatever it throws ends the run right there, with no
    /// further write (tests stop a run after step k this way and check that the next run finishes the job).
    public var observeStep: (@Sendable (SyncStep) throws(SyncFailure) -> Void)?

    public init(
        workingDirectory: String? = nil, variables: [String: String], trackers: [TrackerDescriptor],
        now: @escaping @Sendable () -> Date = { Date() }, stopRequested: @escaping @Sendable () -> Bool = { false },
        progress: @escaping @Sendable (ProgressEvent) -> Void = { _ in },
        confirmCreates: (@Sendable ([PlannedItem], String) async -> Set<String>)? = nil,
        resolveConflicts: (@Sendable ([PlannedItem], String) async -> [String: ConflictChoice])? = nil,
        observeStep: (@Sendable (SyncStep) throws(SyncFailure) -> Void)? = nil
    ) {
        self.workingDirectory = workingDirectory
        self.variables = variables
        self.trackers = trackers
        self.now = now
        self.stopRequested = stopRequested
        self.progress = progress
        self.confirmCreates = confirmCreates
        self.resolveConflicts = resolveConflicts
        self.observeStep = observeStep
    }
}
