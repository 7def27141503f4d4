import Foundation

/// What the engine asks a tracker to read in one sync.
public struct RemoteReadRequest: Sendable {
    /// Tracked items changed at or after this instant (the baseline's timestamp); nil on a first sync.
    public var since: Date?
    /// Keys of every item the repository already tracks (they must be returned when changed, whatever the filter).
    public var trackedKeys: Set<String>
    /// The tracker's stable ids of tracked items whose keys can change (`RemoteItem.remoteID`, kept in the
    /// baseline): key → id. A tracker whose keys change reads tracked items by these, so an item that moved (a Linear
    /// issue to another team) comes back under its new key.
    public var remoteIDs: [String: String]
    /// The updated time the baseline holds for each tracked item. The engine counts an item read again with that
    /// time as unchanged, so a tracker whose change feed names items without their state need not read again one
    /// whose every change in the feed is no later (and may leave it out).
    public var knownUpdatedAt: KnownUpdates
    /// Which untracked items to return as candidates for new local items.
    public var discovery: DiscoveryFilter
    /// Untracked candidates changed at or after this instant; nil means all of them (the filters are not the last
    /// run's, or there was none).
    public var discoverySince: Date?
    /// Told how many items have arrived, page by page, when someone is watching.
    public var progress: ReadProgress?

    /// Whether a listing of what changed since `since` holds every discovery candidate changed since
    /// `discoverySince` (a read from the beginning holds everything), so one listing can serve both.
    public var changesSinceReachDiscovery: Bool {
        guard let since else { return true }
        guard let discoverySince else { return false }
        return since <= discoverySince
    }

    public init(since: Date?, trackedKeys: Set<String>, remoteIDs: [String: String] = [:], knownUpdatedAt: KnownUpdates = KnownUpdates(),
                discovery: DiscoveryFilter, discoverySince: Date?, progress: ReadProgress? = nil) {
        self.since = since
        self.trackedKeys = trackedKeys
        self.remoteIDs = remoteIDs
        self.knownUpdatedAt = knownUpdatedAt
        self.discovery = discovery
        self.discoverySince = discoverySince
        self.progress = progress
    }
}
