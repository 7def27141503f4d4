import Foundation
import Trackers

/// The issue listings one read needs. The tracked listing (every issue changed since the watermark, any label, any
/// state) is a superset of the discovery listing whenever it reaches back as far, so it serves both and the engine
/// picks the candidates with `matches`; discovery gets a listing of its own only when it needs older issues than
/// the tracked listing covers (new filters), and is the only listing when nothing is tracked yet.
struct GitHubReadPlan: Equatable {
    /// Query parameters of each listing, in the order they are read.
    var listings: [[String]]

    /// Oldest first by creation, which new issues only ever append to: pages read at the same time cannot shift
    /// under each other when an issue is updated during the read, as they would sorted by `updated`.
    static let order = ["per_page=\(perPage)", "sort=created", "direction=asc"]
    /// The most GitHub gives a page.
    static let perPage = 100

    init(_ request: RemoteReadRequest) {
        let tracked = ["state=all"] + Self.order + Self.since(request.since)
        let discovery = Self.discovery(request.discovery, since: request.discoverySince)
        if request.trackedKeys.isEmpty {
            listings = [discovery]
        } else if request.changesSinceReachDiscovery {
            listings = [tracked]
        } else {
            listings = [tracked, discovery]
        }
    }

    static func discovery(_ filter: DiscoveryFilter, since: Date?) -> [String] {
        let state = filter.state?.lowercased() ?? ""
        var query = ["state=" + (["open", "closed"].contains(state) ? state : "all")] + order
        var labels = filter.labels
        if !filter.all, let project = filter.projectCode { labels.append(project) }
        if !labels.isEmpty { query.append("labels=" + GitHubTracker.encode(labels.joined(separator: ","))) }
        if let who = filter.assignee { query.append("assignee=" + GitHubTracker.encode(who)) }
        return query + Self.since(since)
    }

    private static func since(_ date: Date?) -> [String] {
        date.map { ["since=" + GitHubTracker.format($0)] } ?? []
    }
}
