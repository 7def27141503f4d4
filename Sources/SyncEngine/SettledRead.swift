import Foundation
import Trackers

/// The remote read a run sent while checking its settled stamp; the full run that follows uses it instead of
/// reading again when it would make the same request. It may still be on the wire: the full run reads its own side
/// first and waits for it only then.
struct SettledRead {
    var request: RemoteReadRequest
    var reading: Task<RemoteReadResult, any Error>
    var startedAt: Date

    /// The same request: the same changes, tracked items and discovery (progress reporting aside).
    func answers(_ other: RemoteReadRequest) -> Bool {
        request.since == other.since && request.trackedKeys == other.trackedKeys && request.remoteIDs == other.remoteIDs
            && request.knownUpdatedAt == other.knownUpdatedAt
            && request.discovery == other.discovery && request.discoverySince == other.discoverySince
    }
}
