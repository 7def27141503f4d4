import Foundation
import WorkItems

/// A tracker the engine can sync with. Implementations live in their own targets (GitHubTracker, JiraTracker, …);
/// the engine only ever sees this protocol.
public protocol Tracker: Sendable {
    /// The `work.integration` value: `github-issues`, `jira`, `linear`, `trello`.
    var integrationName: String { get }
    /// For people: "GitHub Issues", "Jira".
    var displayName: String { get }
    /// What the tracker calls a new item of this kind, for prompts ("issue", "Story").
    func itemNoun(for content: WorkItemContent) -> String

    /// Reads what changed. Must not write anything remotely.
    func read(_ request: RemoteReadRequest) async throws -> RemoteReadResult
    /// Current state of the given keys (bulk, chunked by the tracker); keys that no longer exist are left out.
    func fetch(keys: [String]) async throws -> [RemoteItem]
    /// Creates an item carrying `marker` and returns it as read back.
    func create(_ content: WorkItemContent, marker: SyncMarker) async throws -> RemoteItem
    /// Finds an item this tool created with `marker` since `createdAfter`, if the create reached the tracker.
    func findCreated(marker: SyncMarker, createdAfter: Date) async throws -> RemoteItem?
    /// Changes the item to `content` (`previous` is the last synced remote content, so a tracker may send only
    /// what differs) and returns it as read back.
    func update(key: String, to content: WorkItemContent, previous: WorkItemContent?) async throws -> RemoteItem
    /// `content` as it comes back after a round trip through this tracker's mapping: fields the tracker cannot
    /// hold are lost or coarsened (GitHub has open/closed, not draft/ready). The engine keeps a local value when the
    /// remote value equals this projection of it, so a pull never coarsens what the tracker could not express.
    func representable(_ content: WorkItemContent) -> WorkItemContent
    /// Whether an untracked remote item is a candidate for a new local item under `filter`.
    func matches(_ item: RemoteItem, filter: DiscoveryFilter) -> Bool
    /// For `check --online`: proves that the tracker answers, the credentials work and the configured scope
    /// (repository, project, team, board) exists; one line per fact checked. Throws what is wrong.
    func verify(scope: DiscoveryFilter) async throws -> [String]
}

extension Tracker {
    /// A read of nothing new proves reachability and credentials; trackers with more to check say more.
    public func verify(scope: DiscoveryFilter) async throws -> [String] {
        let now = Date()
        let result = try await read(RemoteReadRequest(since: now, trackedKeys: [], discovery: scope, discoverySince: now))
        return ["\(displayName): reachable, \(result.requestCount) request(s)"]
    }
}
