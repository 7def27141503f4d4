import Foundation

/// One run of `git sync-work-items` (sync or preview): the orchestration around the pure planner.
public enum SyncSession {
    /// Seconds subtracted from the baseline timestamp when asking for changes, for clock skew and trackers whose
    /// query dates have minute precision.
    static let readOverlap: TimeInterval = 120

    public static func run(_ options: SyncOptions, environment: SyncEnvironment) async throws(SyncFailure) -> SyncReport {
        let run = SyncRun(workspace: try Workspace.open(environment: environment, deferringBaseline: true), options: options,
            environment: environment)
        defer { releaseInBackground(run) }
        return options.preview ? try await run.preview() : try await run.sync()
    }

    /// What a run holds (the baseline and the item cache, 10,000 entries each at 10,000 items) is freed on another
    /// thread: the report need not wait for it, and a process that exits meanwhile never has to free it at all.
    private static func releaseInBackground(_ run: SyncRun) {
        let last = LastReference(run)
        Task.detached { withExtendedLifetime(last) {} }
    }
}

/// The last reference to a finished run, handed to the task that drops it. Unchecked: the run is not used again
/// (its report is a value), and all that happens to it there is its release.
private struct LastReference: @unchecked Sendable {
    let run: SyncRun
    init(_ run: SyncRun) { self.run = run }
}
