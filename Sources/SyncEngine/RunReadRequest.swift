import Foundation
import Trackers

/// The remote read of a run, built one way for the settled check (from its stamp) and for the full run (from the
/// baseline): the full run uses the settled check's answer when the two requests are the same (`SettledRead`).
enum RunReadRequest {
    /// One tracked item as the last sync left it: its key, stable remote id and the updated time held for it.
    struct Tracked {
        var key: String
        var remoteID: String?
        var updatedAt: String?
    }

    /// The changes since `watermark` less `overlap`; every tracked item by key, with the first remote id held for
    /// it and the updated time all its records agree on (`KnownUpdates.agreeing`); discovery with `discovery`'s
    /// filters, from the same moment when the last run recorded them (`incremental`), else in full.
    static func make(watermark: Date?, overlap: TimeInterval, tracked: [Tracked], discovery: DiscoveryFilter, incremental: Bool,
                     progress: @escaping @Sendable (ProgressEvent) -> Void) -> RemoteReadRequest {
        let since = watermark?.addingTimeInterval(-overlap)
        var remoteIDs: [String: String] = [:]
        for item in tracked {
            if let id = item.remoteID, remoteIDs[item.key] == nil { remoteIDs[item.key] = id }
        }
        return RemoteReadRequest(since: since, trackedKeys: Set(tracked.map(\.key)), remoteIDs: remoteIDs,
            knownUpdatedAt: KnownUpdates.agreeing { tracked.map { (key: $0.key, time: $0.updatedAt) } },
            discovery: discovery, discoverySince: incremental ? since : nil,
            progress: ReadProgress { progress(.reading(items: $0)) })
    }
}
