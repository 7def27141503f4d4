import Foundation

/// What the engine asks a tracker to read in one sync.
public struct RemoteReadRequest: Sendable {
    /// Tracked items changed at or after this instant (the baseline's timestamp); nil on a first sync.
    public var since: Date?
    /// Keys of every item the repository already tracks (they must be returned when changed, whatever the filter).
    public var trackedKeys: Set<String>
    /// Which untracked items to return as candidates for new local items.
    public var discovery: DiscoveryFilter
    /// Untracked candidates changed at or after this instant; nil means all of them (filters changed, `--all`).
    public var discoverySince: Date?

    public init(since: Date?, trackedKeys: Set<String>, discovery: DiscoveryFilter, discoverySince: Date?) {
        self.since = since
        self.trackedKeys = trackedKeys
        self.discovery = discovery
        self.discoverySince = discoverySince
    }
}
