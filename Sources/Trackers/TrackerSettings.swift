import Foundation

/// Everything a tracker factory gets from the engine: configuration flattened to dotted keys, the resolved
/// credential and where it may keep caches. Built by `SyncEngine`, consumed by concrete trackers.
public struct TrackerSettings: Sendable {
    /// The `work.integration` value.
    public var integration: String
    /// Merged configuration (local file wins key by key), nested mappings flattened with dots:
    /// `github.repo`, `jira.site`, `work.default_project_code`, `github.status_map.done`, …
    /// Lists are joined with ", ".
    public var values: [String: String]
    /// The credential from the chain in DESIGN.md; nil when none was found.
    public var token: String?
    /// URL of the repository's `origin` remote, if any (GitHub derives `owner/repo` from it).
    public var originURL: String?
    /// A private folder under `.git/sync-work-items/` for caches such as ETags; created on demand.
    public var cacheDirectory: URL?
    /// Upper bound on requests in flight at once (`--concurrency`), reads and writes alike.
    public var writeConcurrency: Int

    public init(
        integration: String, values: [String: String], token: String?, originURL: String?, cacheDirectory: URL?,
        writeConcurrency: Int = TrackerHTTPClient.defaultConcurrency
    ) {
        self.integration = integration
        self.values = values
        self.token = token
        self.originURL = originURL
        self.cacheDirectory = cacheDirectory
        self.writeConcurrency = writeConcurrency
    }

    public func value(_ key: String) -> String? {
        guard let v = values[key]?.trimmingCharacters(in: .whitespaces), !v.isEmpty else { return nil }
        return v
    }

    /// All `prefix.*` entries with the prefix removed, e.g. `mapping("github.status_map")`.
    public func mapping(_ prefix: String) -> [String: String] {
        var out: [String: String] = [:]
        let p = prefix + "."
        for (k, v) in values where k.hasPrefix(p) { out[String(k.dropFirst(p.count))] = v }
        return out
    }
}

/// How the executable turns `work.integration` into a tracker: one line per tracker in its registry.
public typealias TrackerFactory = @Sendable (TrackerSettings) throws -> any Tracker
