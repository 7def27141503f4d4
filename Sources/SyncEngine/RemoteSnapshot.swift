import Foundation
import Trackers

/// The remote side of one run: what changed, which untracked items are candidates, and creates found again.
struct RemoteSnapshot {
    var items: [RemoteItem]
    var discoveryKeys: Set<String>
    var foundCreates: [String: RemoteItem]
    var requestCount: Int
    var startedAt: Date?
    /// The discovery filters of this run, recorded in the baseline when the run completes.
    var discovery: DiscoveryFilter

    static func read(
        tracker: any Tracker, tracked: [(id: String, key: String)], baseline: Baseline, intents: [String: JournalRecovery.CreateIntent],
        options: SyncOptions, config: Configuration, progress: @escaping @Sendable (ProgressEvent) -> Void, overlap: TimeInterval,
        now: @Sendable () -> Date, reusing earlier: SettledRead? = nil
    ) async throws -> RemoteSnapshot {
        var startedAt = now()
        progress(.reading(items: 0))
        var found: [String: RemoteItem] = [:]
        for (id, intent) in intents.sorted(by: { $0.key < $1.key }) {
            let after = (ISOTime.parse(intent.time) ?? startedAt).addingTimeInterval(-300)
            if let item = try await tracker.findCreated(marker: SyncMarker(intent.marker), createdAfter: after) {
                found[id] = item
            }
        }
        let filter = DiscoveryScope.filter(options, projectCode: config.defaultProjectCode)
        let request = RunReadRequest.make(watermark: baseline.timestamp, overlap: overlap,
            tracked: tracked.map { item in
                let entry = baseline.items[item.id]
                return RunReadRequest.Tracked(key: item.key, remoteID: entry?.remoteID, updatedAt: entry?.remoteUpdatedAt)
            },
            discovery: filter,
            incremental: DiscoveryScope.covers(DiscoveryScope.recorded(in: baseline, projectCode: config.defaultProjectCode), filter),
            progress: progress)
        let trackedKeys = request.trackedKeys
        let result: RemoteReadResult
        if let earlier, intents.isEmpty, earlier.answers(request) {
            result = try await earlier.reading.value
            startedAt = earlier.startedAt
        } else {
            earlier?.reading.cancel()
            result = try await tracker.read(request)
        }
        var items = result.items
        var seen = Set(items.map(\.key))

        // Tracked items the baseline knows too little about need their current remote state even if unchanged.
        let needed = tracked.compactMap { item -> String? in
            guard !seen.contains(item.key) else { return nil }
            let entry = baseline.items[item.id]
            return entry?.remoteHash == nil || entry?.localHash == nil ? item.key : nil
        }
        if !needed.isEmpty {
            for item in try await tracker.fetch(keys: needed) where seen.insert(item.key).inserted { items.append(item) }
        }
        progress(.read(items: items.count))

        let markers = Set(intents.values.map(\.marker))
        let foundKeys = Set(found.values.map(\.key))
        let trackedRemoteIDs = Set(request.remoteIDs.values)
        let discovery = Set(items.filter { item in
            !trackedKeys.contains(item.key) && !(item.remoteID.map(trackedRemoteIDs.contains) ?? false) && !foundKeys.contains(item.key)
                && !(item.marker.map { markers.contains($0.value) } ?? false) && tracker.matches(item, filter: filter)
        }.map(\.key))
        return RemoteSnapshot(items: items, discoveryKeys: discovery, foundCreates: found,
            requestCount: result.requestCount, startedAt: startedAt, discovery: filter)
    }
}
