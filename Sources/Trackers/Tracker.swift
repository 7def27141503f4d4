import Foundation
import WorkItems

/// One remote issue/card/ticket as the engine sees it: its key, its tracker-side clock and its content already
/// mapped into the local vocabulary.
public struct RemoteItem: Sendable, Equatable {
    /// Jira `PROJ-123`, Linear `ENG-42`, GitHub `owner/repo#123`, Trello the card's shortLink.
    public var key: String
    /// The tracker's own updated time, verbatim. Compared as a string with the baseline's `remote_updated_at`.
    public var updatedAt: String
    public var createdAt: String?
    /// Who created it (login, display name), for the `author` of a newly pulled local item.
    public var author: String?
    /// A browser URL, for humans.
    public var url: String?
    public var content: WorkItemContent
    /// The create marker this tool left on the item when it created it (see `SyncMarker`), if any.
    public var marker: SyncMarker?
    /// What a write could not carry exactly (a tag slugged into a label, table alignment dropped), one line each.
    public var notices: [String]

    public init(
        key: String, updatedAt: String, createdAt: String? = nil, author: String? = nil, url: String? = nil,
        content: WorkItemContent, marker: SyncMarker? = nil, notices: [String] = []
    ) {
        self.key = key
        self.updatedAt = updatedAt
        self.createdAt = createdAt
        self.author = author
        self.url = url
        self.content = content
        self.marker = marker
        self.notices = notices
    }
}

/// A token this tool attaches to every item it creates, so that an interrupted create is found on the next run
/// instead of being repeated. `value` is `[A-Za-z0-9-]+`; trackers store it where it survives edits
/// (Linear: the client-chosen issue id; Jira: an issue property; GitHub/Trello: a hidden marker in the body).
public struct SyncMarker: Sendable, Hashable, Codable, CustomStringConvertible {
    public let value: String
    public init(_ value: String) { self.value = value }
    public var description: String { value }
}

/// Which untracked remote items a sync should bring in as new local items (`--assignee`, `--label`, `--state`,
/// `--all`, and `work.default_project_code`).
public struct DiscoveryFilter: Sendable, Equatable {
    /// `work.default_project_code`: Jira project key, Linear team key, GitHub label, …; nil means no narrowing.
    public var projectCode: String?
    /// `--all`: ignore `projectCode`.
    public var all: Bool
    public var assignee: String?
    public var labels: [String]
    public var state: String?

    public init(projectCode: String? = nil, all: Bool = false, assignee: String? = nil, labels: [String] = [], state: String? = nil) {
        self.projectCode = projectCode
        self.all = all
        self.assignee = assignee
        self.labels = labels
        self.state = state
    }

    /// True when only the default project scope applies, so discovery can reuse the incremental read.
    public var isDefaultScope: Bool { !all && assignee == nil && labels.isEmpty && state == nil }
}

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

public struct RemoteReadResult: Sendable {
    /// Changed tracked items and matching untracked candidates, each key once.
    public var items: [RemoteItem]
    /// Number of HTTP requests the read took (for `--json` and benchmarks).
    public var requestCount: Int

    public init(items: [RemoteItem], requestCount: Int) {
        self.items = items
        self.requestCount = requestCount
    }
}

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
}

/// Failures a tracker reports; each maps to one exit code and a one-line message naming the item.
public enum TrackerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// 401/403 on authentication: the token is missing, wrong or lacks a scope. Exit 74.
    case unauthorized(String)
    /// Configuration the tracker needs is missing or wrong (repo, site, project). Exit 74.
    case configuration(String)
    /// The item does not exist (404), or is not visible with these credentials.
    case notFound(String)
    /// The tracker refused the input (400/422); `String` says what it said, without secrets.
    case rejected(String)
    /// Rate limited beyond what waiting within the run allowed. Safe to retry later. Exit 70.
    case rateLimited(String)
    /// Network failure, timeout or 5xx on a request that had no effect or was idempotent. Safe to retry. Exit 70.
    case unavailable(String)
    /// A write whose outcome is unknown (connection lost after sending). Exit 71.
    case outcomeUnknown(String)
    /// The workflow cannot reach the wanted state (Jira transitions), or a field cannot be set; a stable reason code.
    case unsupported(code: String, message: String)

    public var description: String {
        switch self {
        case .unauthorized(let m), .configuration(let m), .notFound(let m), .rejected(let m), .rateLimited(let m),
            .unavailable(let m), .outcomeUnknown(let m):
            return m
        case .unsupported(_, let m): return m
        }
    }
}
