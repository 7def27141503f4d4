import Foundation
import JSON
import Trackers
import WorkItems

/// GitHub Issues over the REST API (`Accept: application/vnd.github+json`, `X-GitHub-Api-Version: 2022-11-28`).
/// Keys are `owner/repo#123`.
public struct GitHubTracker: Tracker {
    public let integrationName = "github-issues"
    public let displayName = "GitHub Issues"

    let repository: String
    let apiURL: String
    private let token: String
    private let http: TrackerHTTPClient
    private let etags: ETagCache
    let mapping: GitHubMapping

    public init(settings: TrackerSettings) throws(TrackerError) {
        try self.init(settings: settings, pacer: GitHubPacing.pacer())
    }

    /// `pacer` spaces the writes (tests hand in one on a virtual clock).
    init(settings: TrackerSettings, pacer: RequestPacer) throws(TrackerError) {
        guard let repo = settings.value("github.repo") ?? settings.originURL.flatMap(Self.repository(fromRemote:)) else {
            throw .configuration("no GitHub repository: set github.repo (owner/name) in .accelerator/config.md, or add an origin remote on github.com")
        }
        guard repo.split(separator: "/").count == 2 else {
            throw .configuration("github.repo is '\(repo)': use owner/name")
        }
        guard let token = settings.token else {
            throw .configuration("no GitHub token: set GH_TOKEN or ACCELERATOR_GITHUB_TOKEN, or github.token in .accelerator/config.local.md")
        }
        repository = repo
        apiURL = (settings.value("github.api_url") ?? "https://api.github.com").trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        self.token = token
        http = TrackerHTTPClient(concurrency: settings.writeConcurrency, secrets: [token], classify: GitHubResponses.classify,
            pacer: pacer)
        etags = ETagCache(file: settings.cacheDirectory?.appendingPathComponent(Self.etagFile))
        if let folder = settings.cacheDirectory { try? FileManager.default.removeItem(at: folder.appendingPathComponent("github-etags.json")) }
        mapping = GitHubMapping(settings: settings.mapping("github.status_map"), openStatus: settings.value("github.open_status"))
    }

    /// The listings' ETags and pages. The first version, `github-etags.json`, kept full pages, whose 304 could hide
    /// pages added behind them (see `linkedPage`); it is removed, never read.
    static let etagFile = "github-etags-2.json"

    /// `git@github.com:o/r.git`, `https://github.com/o/r`, `ssh://git@github.com/o/r.git` → `o/r`.
    static func repository(fromRemote url: String) -> String? {
        var path: Substring
        if let range = url.range(of: "github.com:") {
            path = url[range.upperBound...]
        } else if let range = url.range(of: "github.com/") {
            path = url[range.upperBound...]
        } else {
            return nil
        }
        if path.hasSuffix(".git") { path = path.dropLast(4) }
        let parts = path.split(separator: "/")
        return parts.count == 2 ? "\(parts[0])/\(parts[1])" : nil
    }

    public func itemNoun(for content: WorkItemContent) -> String { "an issue" }

    public func representable(_ content: WorkItemContent) -> WorkItemContent { mapping.representable(content) }

    public func matches(_ item: RemoteItem, filter: DiscoveryFilter) -> Bool {
        let labels = Set(mapping.fields(for: item.content).labels.map { $0.lowercased() })
        if !filter.all, let project = filter.projectCode, !labels.contains(project.lowercased()) { return false }
        if !filter.labels.allSatisfy({ labels.contains($0.lowercased()) }) { return false }
        if let who = filter.assignee, item.content.assignee?.lowercased() != who.lowercased() { return false }
        if let state = filter.state?.lowercased(), state != "all" {
            let open = mapping.fields(for: item.content).state == "open"
            switch state {
            case "open": if !open { return false }
            case "closed": if open { return false }
            default: if item.content.status?.lowercased() != state { return false }
            }
        }
        return true
    }

    // MARK: Reading

    public func read(_ request: RemoteReadRequest) async throws -> RemoteReadResult {
        let before = http.requestCount
        var items: [RemoteItem] = []
        var seen = Set<String>()
        for query in GitHubReadPlan(request).listings {
            let listed = try await list(query: query, progress: request.progress)
            if items.isEmpty {
                // Most reads are one listing: taken whole, not copied item by item into a growing array.
                items = listed
                seen = Set(listed.map(\.key))
                if seen.count == listed.count { continue }
                items = []
                seen = []
            }
            for item in listed where seen.insert(item.key).inserted { items.append(item) }
        }
        etags.save()
        return RemoteReadResult(items: items, requestCount: http.requestCount - before)
    }

    /// Every page of a listing: the first, then all the others at once when its `Link` header names the last page.
    private func list(query: [String], progress: ReadProgress? = nil) async throws -> [RemoteItem] {
        let first = "\(apiURL)/repos/\(repository)/issues?" + query.joined(separator: "&")
        // Only incremental listings repeat between runs; caching a full read would only grow the cache.
        let cacheable = query.contains { $0.hasPrefix("since=") }
        let response = try await get(first, cached: cacheable)
        var items = try linkedPage(response, url: first, cached: cacheable)
        progress?.add(items.count)
        if let pages = GitHubPageLinks.remainingPages(in: response.header("link")) {
            items += try await concurrentPages(pages, cached: cacheable, progress: progress)
        } else {
            var next = LinkHeader.url(rel: "next", in: response.header("link"))
            while let url = next {
                let page = try await get(url, cached: cacheable)
                let found = try linkedPage(page, url: url, cached: cacheable)
                progress?.add(found.count)
                items += found
                next = LinkHeader.url(rel: "next", in: page.header("link"))
            }
        }
        return items
    }

    /// The issues of a page whose `Link` header the listing follows. A 304 vouches for a page's body, not for the
    /// pages behind it: a page can be added behind a full page that stays as it was, and only a fresh answer's `Link`
    /// header names it. So a full page is not kept for a conditional request; the next run asks for it afresh.
    private func linkedPage(_ response: HTTPResponseData, url: String, cached: Bool) throws -> [RemoteItem] {
        let page = try issues(in: response, url: url)
        if cached, page.count >= GitHubReadPlan.perPage { etags.forget(url: url) }
        return page.items
    }

    /// The pages in their order, read as fast as the client's concurrency allows.
    private func concurrentPages(_ urls: [String], cached: Bool, progress: ReadProgress?) async throws -> [RemoteItem] {
        try await withThrowingTaskGroup(of: (Int, [RemoteItem]).self) { group in
            for (index, url) in urls.enumerated() {
                group.addTask {
                    let found = try self.issues(in: try await self.get(url, cached: cached), url: url).items
                    progress?.add(found.count)
                    return (index, found)
                }
            }
            var pages = [[RemoteItem]](repeating: [], count: urls.count)
            for try await (index, items) in group { pages[index] = items }
            return pages.flatMap { $0 }
        }
    }

    /// The issues of a listing page (pull requests left out), and how many entries the page held.
    private func issues(in response: HTTPResponseData, url: String) throws -> (items: [RemoteItem], count: Int) {
        guard let array = (try? JSONValue(parsing: response.body))?.array else {
            throw TrackerError.unavailable("GitHub answered \(Self.path(url)) with something that is not a list of issues")
        }
        return (array.compactMap { issue in issue["pull_request"] == nil ? remoteItem(issue) : nil }, array.count)
    }

    public func fetch(keys: [String]) async throws -> [RemoteItem] {
        try await withThrowingTaskGroup(of: RemoteItem?.self) { group in
            for key in keys {
                group.addTask {
                    guard let (repo, number) = Self.split(key) else { return nil }
                    do {
                        let response = try await self.get("\(self.apiURL)/repos/\(repo)/issues/\(number)", cached: false)
                        return (try? JSONValue(parsing: response.body)).flatMap { self.remoteItem($0, repository: repo) }
                    } catch TrackerError.notFound {
                        return nil
                    }
                }
            }
            var out: [RemoteItem] = []
            for try await item in group { if let item { out.append(item) } }
            return out
        }
    }

    public func findCreated(marker: SyncMarker, createdAfter: Date) async throws -> RemoteItem? {
        let user = try await get("\(apiURL)/user", cached: false)
        guard let login = (try? JSONValue(parsing: user.body))?["login"]?.string else {
            throw TrackerError.unavailable("GitHub did not say who the token belongs to (GET /user)")
        }
        let candidates = try await list(query: ["state=all", "per_page=100", "creator=" + Self.encode(login),
                                                "since=" + Self.format(createdAfter)])
        return candidates.first { $0.marker == marker }
    }

    // MARK: Writing

    public func create(_ content: WorkItemContent, marker: SyncMarker) async throws -> RemoteItem {
        let f = mapping.fields(for: content)
        var body: [String: Any] = ["title": f.title, "body": SyncMarkerText.append(marker.value, to: f.body), "labels": f.labels]
        if !f.assignees.isEmpty { body["assignees"] = f.assignees }
        let created = try await send("POST", "\(apiURL)/repos/\(repository)/issues", body, idempotent: false)
        guard var item = remoteItem(created), let number = created["number"]?.int else {
            throw TrackerError.outcomeUnknown("GitHub created an issue but its answer could not be read; run the sync again to find it")
        }
        if f.state == "closed" {
            let closed = try await send("PATCH", "\(apiURL)/repos/\(repository)/issues/\(number)",
                ["state": "closed", "state_reason": f.stateReason ?? "completed"], idempotent: true)
            item = remoteItem(closed) ?? item
        }
        return item
    }

    /// Sends only the fields that differ from `previous` (all of them when it is unknown), so a field nobody changed
    /// locally is never rewritten by GitHub's idea of it.
    public func update(key: String, to content: WorkItemContent, previous: WorkItemContent?) async throws -> RemoteItem {
        guard let (repo, number) = Self.split(key) else { throw TrackerError.notFound("\(key) is not a GitHub issue key (owner/repo#123)") }
        let body = mapping.changedFields(from: previous, to: content)
        let url = "\(apiURL)/repos/\(repo)/issues/\(number)"
        let answer = body.isEmpty ? try await getObject(url) : try await send("PATCH", url, body, idempotent: true)
        guard let item = remoteItem(answer, repository: repo) else {
            throw TrackerError.unavailable("GitHub's answer for \(key) could not be read")
        }
        return item
    }

    // MARK: HTTP

    private var headers: [(String, String)] {
        [("Accept", "application/vnd.github+json"), ("X-GitHub-Api-Version", "2022-11-28"), ("Authorization", "Bearer \(token)")]
    }

    private func get(_ url: String, cached: Bool) async throws -> HTTPResponseData {
        var h = headers
        if cached, let etag = etags.etag(for: url) { h.append(("If-None-Match", etag)) }
        let response = try await http.send(HTTPRequestSpec(method: "GET", url: url, headers: h))
        if response.status == 304, let body = etags.body(for: url) {
            return HTTPResponseData(status: 200, headers: response.headers, body: body)
        }
        try check(response, url: url)
        if cached, let etag = response.header("etag") { etags.store(url: url, etag: etag, body: response.body) }
        return response
    }

    private func getObject(_ url: String) async throws -> JSONValue {
        let response = try await get(url, cached: false)
        guard let json = try? JSONValue(parsing: response.body), json.object != nil else {
            throw TrackerError.unavailable("GitHub answered GET \(Self.path(url)) with something that is not an issue")
        }
        return json
    }

    private func send(_ method: String, _ url: String, _ body: [String: Any], idempotent: Bool) async throws -> JSONValue {
        let data = try JSONSerialization.data(withJSONObject: body, options: [.sortedKeys])
        let response = try await http.send(HTTPRequestSpec(method: method, url: url,
            headers: headers + [("Content-Type", "application/json")], body: Array(data), idempotent: idempotent))
        try check(response, url: url)
        guard let json = try? JSONValue(parsing: response.body), json.object != nil else {
            throw TrackerError.unavailable("GitHub answered \(method) \(Self.path(url)) with something that is not an issue")
        }
        return json
    }

    private func check(_ response: HTTPResponseData, url: String) throws(TrackerError) {
        guard !(200..<300).contains(response.status) else { return }
        let json = try? JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any]
        var message = http.redact(json?["message"] as? String ?? "HTTP \(response.status)")
        if let errors = json?["errors"] as? [[String: Any]], !errors.isEmpty {
            message += ": " + errors.map { e in
                [e["field"] as? String, e["code"] as? String, (e["value"] as? String).map { "'\($0)'" }].compactMap { $0 }.joined(separator: " ")
            }.joined(separator: "; ")
        }
        let path = Self.path(url)
        switch response.status {
        case 401: throw .unauthorized("GitHub rejected the token (\(message)): check GH_TOKEN / ACCELERATOR_GITHUB_TOKEN")
        case 403 where GitHubResponses.isSecondaryRateLimit(response):
            throw .rateLimited("GitHub's secondary rate limit stopped \(path) (\(message)); wait a few minutes, then run the sync again")
        case 403 where response.header("x-ratelimit-remaining") == "0" || response.status == 429:
            throw .rateLimited("GitHub rate limit reached (\(message)); try again after the reset")
        case 403: throw .unauthorized("GitHub refused \(path) (\(message)): the token needs the repo/issues permission")
        case 404, 410: throw .notFound("GitHub has no \(path) (or the token cannot see it)")
        case 400, 422: throw .rejected("GitHub refused \(path): \(message)")
        case 429: throw .rateLimited("GitHub rate limit reached (\(message))")
        default: throw .unavailable("GitHub answered \(response.status) for \(path): \(message)")
        }
    }

    // MARK: JSON → RemoteItem

    private func remoteItem(_ issue: JSONValue, repository repo: String? = nil) -> RemoteItem? {
        guard let number = issue["number"]?.int, let updated = issue["updated_at"]?.string else { return nil }
        let labels = (issue["labels"]?.array ?? []).compactMap { $0["name"]?.string ?? $0.string }
        let assignees = (issue["assignees"]?.array ?? []).compactMap { $0["login"]?.string }
        let body = issue["body"]?.string
        let content = mapping.content(title: issue["title"]?.string ?? "", body: body, state: issue["state"]?.string ?? "open",
            stateReason: issue["state_reason"]?.string, labels: labels, assignees: assignees)
        return RemoteItem(key: "\(repo ?? repository)#\(number)", updatedAt: updated, createdAt: issue["created_at"]?.string,
            author: issue["user"]?["login"]?.string, url: issue["html_url"]?.string,
            content: content, marker: SyncMarkerText.find(in: body).map(SyncMarker.init))
    }

    static func split(_ key: String) -> (String, Int)? {
        let parts = key.split(separator: "#")
        guard parts.count == 2, let n = Int(parts[1]), parts[0].split(separator: "/").count == 2 else { return nil }
        return (String(parts[0]), n)
    }

    static func format(_ date: Date) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: date)
    }

    /// A query value; `,` stays, as GitHub's lists (`labels=a,b`) are comma-separated.
    static func encode(_ s: String) -> String { PercentEncoding.component(s, keeping: ",") }

    static func path(_ url: String) -> String { URLComponents(string: url)?.path ?? url }
}
