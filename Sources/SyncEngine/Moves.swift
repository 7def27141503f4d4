import Trackers
import WorkItems

/// Tracked items that came back under a new key (a Linear issue moved to another team): found by the stable id the
/// baseline keeps, so the item is followed, its file gets the new key, and the new key is never pulled as a new item.
struct Moves {
    /// Remote item by stable id.
    private let byRemoteID: [String: RemoteItem]
    /// Local id → the stable id the baseline recorded.
    private let remoteIDs: [String: String]
    /// New keys that belong to a tracked item.
    let claimedKeys: Set<String>

    init(localItems: [LocalItem], remoteItems: [RemoteItem], baseline: Baseline) {
        byRemoteID = Dictionary(remoteItems.compactMap { item in item.remoteID.map { ($0, item) } }, uniquingKeysWith: { a, _ in a })
        var remoteIDs: [String: String] = [:]
        var claimed = Set<String>()
        for item in localItems {
            guard let key = item.remoteKey, let id = baseline.items[item.id]?.remoteID, let remote = byRemoteID[id],
                remote.key != key
            else { continue }
            remoteIDs[item.id] = id
            claimed.insert(remote.key)
        }
        self.remoteIDs = remoteIDs
        claimedKeys = claimed
    }

    /// The remote item a tracked item moved to, when it did.
    func remote(for item: LocalItem, key: String) -> RemoteItem? {
        remoteIDs[item.id].flatMap { byRemoteID[$0] }
    }

    /// Turns a plan for the item into one that also writes its new key: a push writes it back after the remote
    /// write; an item with nothing else to do (or only a baseline to record) becomes a pull of the remote version.
    func apply(_ moved: RemoteItem, to p: inout PlannedItem, input: PlanInput, links: ParentLinks) {
        p.movedFrom = p.key
        p.key = moved.key
        guard let local = p.local else { return }
        if local.isDirty {
            if p.action == .skip && p.reason == nil { p.reason = .dirty }
            return
        }
        switch p.action {
        case .push, .pull, .conflict:
            return
        case .skip where p.reason != nil:
            return
        default:
            if input.mode == .pushOnly {
                p.action = .skip
                p.reason = .pushOnly
                return
            }
            p.action = .pull
            p.reason = nil
            p.remote = moved
            p.content = Planner.mergePull(local: local.content, remote: moved.content, links: links, representable: input.representable)
        }
    }
}
