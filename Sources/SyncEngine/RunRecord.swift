import Foundation
import Trackers

/// What the commit and the settled stamp need of a run once its plan is applied. The plan and what the run read
/// are let go before the commit, so the largest run never holds them and the commit's objects at once: at 100,000
/// items they are about 130 MB.
struct RunRecord: Sendable {
    var missing: DeletedItemFinder.Result
    var restored: [String]
    var discovery: DiscoveryFilter
    var foundCreates: [String: RemoteItem]
    var readStarted: Date
    /// A planned item leaves a remote change not applied, so the clock must not move past it.
    var leavesRemoteChange: Bool
    var planIsEmpty: Bool
    /// The parsed items' ids and remote keys, and the items left unparsed as settled: the run's tracked items.
    var loadedKeys: [(id: String, key: String?)]
    var settled: [SettledItem]

    init(plan: Plan, sides: BothSides) {
        missing = sides.missing
        restored = sides.restored
        discovery = sides.remote.discovery
        foundCreates = sides.remote.foundCreates
        readStarted = sides.readStarted
        leavesRemoteChange = plan.items.contains { $0.leavesRemoteChange }
        planIsEmpty = plan.items.isEmpty
        loadedKeys = sides.loaded.items.map { (id: $0.id, key: $0.remoteKey) }
        settled = sides.loaded.settled
    }
}
