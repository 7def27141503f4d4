import Foundation

/// One run of `git sync-work-items` (sync or preview): the orchestration around the pure planner.
public enum SyncSession {
    /// Seconds subtracted from the baseline timestamp when asking for changes, for clock skew and trackers whose
    /// query dates have minute precision.
    static let readOverlap: TimeInterval = 120

    public static func run(_ options: SyncOptions, environment: SyncEnvironment) async throws(SyncFailure) -> SyncReport {
        let workspace = try Workspace.open(environment: environment, deferringBaseline: true)
        let run = SyncRun(workspace: workspace, options: options, environment: environment)
        return options.preview ? try await run.preview() : try await run.sync()
    }
}
