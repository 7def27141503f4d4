import Foundation
import Trackers

/// The remote read a run made while checking its settled stamp; the full run that follows uses it instead of
/// reading again when it would make the same request.
struct SettledRead {
    var request: RemoteReadRequest
    var result: RemoteReadResult
    var startedAt: Date

    /// The same request: the same changes, tracked items and discovery (progress reporting aside).
    func answers(_ other: RemoteReadRequest) -> Bool {
        request.since == other.since && request.trackedKeys == other.trackedKeys && request.remoteIDs == other.remoteIDs
            && request.knownUpdatedAt == other.knownUpdatedAt
            && request.discovery == other.discovery && request.discoverySince == other.discoverySince
    }
}
