import Foundation

/// A fake of api.github.com's issues API, shaped after the recorded traffic in shared/api/github/recorded:
/// Link paging through `/repositories/{id}/issues`, `since`, pull requests mixed into `/issues`, ETag/304,
/// `x-ratelimit-*`, 401/404/422 bodies, and `updated_at` bumped (strictly increasing) on every change.
actor GitHubService: SimulatedService {
    struct Issue: Codable, Sendable {
        var number: Int
        var id: Int
        var title: String
        var body: String?
        var state: String
        var stateReason: String?
        var labels: [String]
        var assignees: [String]
        var user: String
        var createdAt: Int
        var updatedAt: Int
        var closedAt: Int?
        var isPullRequest: Bool
        var comments: Int
        var locked: Bool
    }

    struct Repository: Codable, Sendable {
        var id: Int
        var fullName: String
        var issues: [Issue]
        var labels: [String: Int]
    }

    struct State: Codable, Sendable {
        var repositories: [String: Repository] = [:]
        var users: [String] = ["sim-user", "octocat", "ana", "ben"]
        var clock: Int = 0
        var nextID: Int = 1_000_000
    }

    private let token: String
    private var state = State()
    private var initial = State()
    private var rateLimitRemaining = 5000
    private var rateLimitReset = Int(Date().timeIntervalSince1970) + 3600
    static let docs = "https://docs.github.com/rest"

    init(token: String) {
        self.token = token
    }

    // MARK: Clock and ids

    /// Seconds since 1970; every change moves it forward by at least one second, so `updated_at` is strictly
    /// increasing across changes like a real clock watched at second precision.
    private func tick() -> Int {
        state.clock = max(state.clock + 1, Int(Date().timeIntervalSince1970))
        return state.clock
    }

    private func newID() -> Int {
        state.nextID += 1
        return state.nextID
    }

    private func repository(_ fullName: String, create: Bool) -> Repository? {
        if let repo = state.repositories[fullName] { return repo }
        guard create else { return nil }
        let repo = Repository(id: 500_000_000 + state.repositories.count + 1, fullName: fullName, issues: [], labels: [:])
        state.repositories[fullName] = repo
        return repo
    }

    // MARK: Seeding

    func seedDemo() {
        let repo = "demo-org/demo-repo"
        _ = repository(repo, create: true)
        let demo: [(String, String, [String], String, String?, Bool)] = [
            ("Login fails after a session times out", "## Summary\n\nUsers see a blank page after their session expires.\n\n## Acceptance Criteria\n\n- [ ] Expired sessions redirect to the login page\n- [ ] The original page is restored after login\n", ["kind: bug", "priority: high"], "open", nil, false),
            ("Export reports as CSV", "## Summary\n\nFinance wants monthly reports as CSV files.\n", ["kind: story", "priority: medium", "reports"], "open", nil, false),
            ("Upgrade the database driver", "## Summary\n\nThe driver we use is out of support.\n", ["kind: task", "priority: low"], "closed", "completed", false),
            ("Dark mode", "## Summary\n\nA dark colour scheme that follows the system setting.\n", ["kind: story"], "open", nil, false),
            ("Bump dependencies", "Automated pull request.", [], "open", nil, true),
        ]
        for item in demo {
            _ = addIssue(repo: repo, title: item.0, body: item.1, labels: item.2, assignees: [], user: "octocat",
                state: item.3, stateReason: item.4, pullRequest: item.5)
        }
        initial = state
    }

    func seed(count: Int, repository fullName: String) {
        _ = repository(fullName, create: true)
        var repo = state.repositories[fullName]!
        let now = tick()
        repo.issues.reserveCapacity(count)
        for n in 1...count {
            let labels = ["kind: story", n % 3 == 0 ? "priority: high" : "priority: medium"]
            for label in labels where repo.labels[label] == nil { repo.labels[label] = newID() }
            repo.issues.append(Issue(
                number: repo.issues.count + 1, id: newID(), title: "Generated issue \(n)",
                body: "## Summary\n\nGenerated issue number \(n) for benchmarks.\n\n## Acceptance Criteria\n\n- [ ] It works\n",
                state: "open", stateReason: nil, labels: labels, assignees: [], user: "octocat",
                createdAt: now - count + n, updatedAt: now - count + n, closedAt: nil, isPullRequest: false, comments: 0, locked: false))
        }
        state.repositories[fullName] = repo
        initial = state
    }

    func setRateLimitRemaining(_ n: Int) { rateLimitRemaining = n }

    // MARK: Mutations

    private func addIssue(repo fullName: String, title: String, body: String?, labels: [String], assignees: [String],
                          user: String, state issueState: String, stateReason: String?, pullRequest: Bool) -> Issue {
        var repo = repository(fullName, create: true)!
        for label in labels where repo.labels[label] == nil { repo.labels[label] = newID() }
        for a in assignees + [user] where !state.users.contains(a) { state.users.append(a) }
        let now = tick()
        let issue = Issue(number: repo.issues.count + 1, id: newID(), title: title, body: body?.isEmpty == true ? nil : body,
            state: issueState, stateReason: issueState == "closed" ? (stateReason ?? "completed") : nil, labels: labels,
            assignees: assignees, user: user, createdAt: now, updatedAt: now, closedAt: issueState == "closed" ? now : nil,
            isPullRequest: pullRequest, comments: 0, locked: false)
        repo.issues.append(issue)
        state.repositories[fullName] = repo
        return issue
    }

    /// Applies an edit as PATCH /issues/{n} does; returns a 422 body when the input is invalid.
    private func edit(repo fullName: String, number: Int, fields: [String: Any], strictUsers: Bool) -> (Issue?, SimResponse?) {
        guard var repo = state.repositories[fullName], let index = repo.issues.firstIndex(where: { $0.number == number }) else {
            return (nil, Self.notFound())
        }
        var issue = repo.issues[index]
        if let title = fields["title"] {
            guard let t = title as? String, !t.isEmpty else { return (nil, Self.invalid("title", code: "missing_field")) }
            issue.title = t
        }
        if fields.keys.contains("body") { issue.body = (fields["body"] as? String).flatMap { $0.isEmpty ? nil : $0 } }
        if let labels = fields["labels"] {
            guard let list = labels as? [Any] else { return (nil, Self.invalid("labels")) }
            issue.labels = list.compactMap { ($0 as? String) ?? (($0 as? [String: Any])?["name"] as? String) }
            for label in issue.labels where repo.labels[label] == nil { repo.labels[label] = newID() }
        }
        if let assignees = fields["assignees"] {
            guard let list = assignees as? [String] else { return (nil, Self.invalid("assignees")) }
            for a in list where !state.users.contains(a) {
                if strictUsers { return (nil, Self.invalid("assignees", value: a)) }
                state.users.append(a)
            }
            issue.assignees = list
        }
        if let newState = fields["state"] {
            guard let s = newState as? String, ["open", "closed"].contains(s) else { return (nil, Self.invalid("state")) }
            if s != issue.state {
                issue.state = s
                issue.closedAt = s == "closed" ? state.clock + 1 : nil
                issue.stateReason = s == "closed" ? "completed" : "reopened"
            }
        }
        if fields.keys.contains("state_reason") {
            let reason = fields["state_reason"] as? String
            guard reason == nil || ["completed", "not_planned", "reopened"].contains(reason!) else {
                return (nil, Self.invalid("state_reason"))
            }
            issue.stateReason = issue.state == "closed" ? (reason ?? "completed") : (reason == "reopened" ? "reopened" : nil)
        }
        issue.updatedAt = tick()
        if issue.state == "closed" && issue.closedAt != nil && issue.closedAt! > issue.updatedAt { issue.closedAt = issue.updatedAt }
        repo.issues[index] = issue
        state.repositories[fullName] = repo
        return (issue, nil)
    }

    // MARK: API

    func handle(_ r: SimRequest, baseURL: String) -> SimResponse {
        guard authorised(r) else {
            return .json(401, ["message": "Bad credentials", "documentation_url": Self.docs, "status": "401"])
        }
        if rateLimitRemaining <= 0 {
            return .json(403, ["message": "API rate limit exceeded for user ID 1. If you reach out to GitHub Support for help, please include the request ID.",
                "documentation_url": "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api", "status": "403"],
                headers: rateHeaders())
        }
        var response = route(r, baseURL: baseURL)
        if r.method == "GET", response.status == 200 {
            let etag = "W/\"" + Self.hash(response.body) + "\""
            if r.headers["if-none-match"] == etag {
                response = SimResponse(status: 304, headers: [("etag", etag)], countsAgainstLimit: false)
            } else {
                response.headers.append(("etag", etag))
                response.headers.append(("cache-control", "private, max-age=60, s-maxage=60"))
            }
        }
        if response.countsAgainstLimit { rateLimitRemaining -= 1 }
        response.headers += rateHeaders()
        response.headers.append(("x-github-api-version-selected", "2022-11-28"))
        return response
    }

    private func authorised(_ r: SimRequest) -> Bool {
        guard let value = r.headers["authorization"] else { return false }
        return value == "Bearer \(token)" || value == "token \(token)"
    }

    private func rateHeaders() -> [(String, String)] {
        [("x-ratelimit-limit", "5000"), ("x-ratelimit-remaining", String(max(0, rateLimitRemaining))),
         ("x-ratelimit-used", String(5000 - max(0, rateLimitRemaining))), ("x-ratelimit-reset", String(rateLimitReset)),
         ("x-ratelimit-resource", "core")]
    }

    private func route(_ r: SimRequest, baseURL: String) -> SimResponse {
        let parts = r.path.split(separator: "/").map(String.init)
        switch (r.method, parts.count) {
        case ("GET", 1) where parts[0] == "user":
            return .json(200, userJSON("sim-user", baseURL: baseURL))
        case ("GET", 4) where parts[0] == "repos" && parts[3] == "issues":
            guard let repo = state.repositories["\(parts[1])/\(parts[2])"] else { return Self.notFound() }
            return list(repo, r, baseURL: baseURL)
        case ("GET", 3) where parts[0] == "repositories" && parts[2] == "issues":
            guard let id = Int(parts[1]), let repo = state.repositories.values.first(where: { $0.id == id }) else { return Self.notFound() }
            return list(repo, r, baseURL: baseURL)
        case ("GET", 5) where parts[0] == "repos" && parts[3] == "issues":
            guard let repo = state.repositories["\(parts[1])/\(parts[2])"], let n = Int(parts[4]),
                let issue = repo.issues.first(where: { $0.number == n }) else { return Self.notFound() }
            return .json(200, issueJSON(issue, repo: repo, baseURL: baseURL))
        case ("POST", 4) where parts[0] == "repos" && parts[3] == "issues":
            guard state.repositories["\(parts[1])/\(parts[2])"] != nil else { return Self.notFound() }
            guard let fields = (try? JSONSerialization.jsonObject(with: r.body)) as? [String: Any] else { return Self.badJSON() }
            guard let title = fields["title"] as? String, !title.isEmpty else { return Self.invalid("title", code: "missing_field") }
            let assignees = fields["assignees"] as? [String] ?? []
            if let unknown = assignees.first(where: { !state.users.contains($0) }) { return Self.invalid("assignees", value: unknown) }
            let labels = (fields["labels"] as? [Any] ?? []).compactMap { ($0 as? String) ?? (($0 as? [String: Any])?["name"] as? String) }
            let fullName = "\(parts[1])/\(parts[2])"
            let issue = addIssue(repo: fullName, title: title, body: fields["body"] as? String, labels: labels,
                assignees: assignees, user: "sim-user", state: "open", stateReason: nil, pullRequest: false)
            return .json(201, issueJSON(issue, repo: state.repositories[fullName]!, baseURL: baseURL),
                headers: [("location", "\(baseURL)/repos/\(fullName)/issues/\(issue.number)")])
        case ("PATCH", 5) where parts[0] == "repos" && parts[3] == "issues":
            let fullName = "\(parts[1])/\(parts[2])"
            guard let n = Int(parts[4]) else { return Self.notFound() }
            guard let fields = (try? JSONSerialization.jsonObject(with: r.body)) as? [String: Any] else { return Self.badJSON() }
            let (issue, error) = edit(repo: fullName, number: n, fields: fields, strictUsers: true)
            if let error { return error }
            return .json(200, issueJSON(issue!, repo: state.repositories[fullName]!, baseURL: baseURL))
        default:
            return Self.notFound()
        }
    }

    private func list(_ repo: Repository, _ r: SimRequest, baseURL: String) -> SimResponse {
        let stateFilter = r.parameter("state") ?? "open"
        guard ["open", "closed", "all"].contains(stateFilter) else { return Self.invalid("state") }
        var since: Int?
        if let s = r.parameter("since") {
            guard let date = Self.parseDate(s) else { return Self.invalid("since") }
            since = Int(date.timeIntervalSince1970)
        }
        let labels = r.parameter("labels").map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() } } ?? []
        let assignee = r.parameter("assignee")
        let creator = r.parameter("creator")
        let perPage = min(100, max(1, Int(r.parameter("per_page") ?? "30") ?? 30))
        let page = max(1, Int(r.parameter("page") ?? "1") ?? 1)
        let sort = r.parameter("sort") ?? "created"
        let ascending = (r.parameter("direction") ?? "desc") == "asc"

        var matching = repo.issues.filter { issue in
            if stateFilter != "all" && issue.state != stateFilter { return false }
            if let since, issue.updatedAt < since { return false }
            let names = Set(issue.labels.map { $0.lowercased() })
            if !labels.allSatisfy({ names.contains($0) }) { return false }
            switch assignee {
            case nil: break
            case "none": if !issue.assignees.isEmpty { return false }
            case "*": if issue.assignees.isEmpty { return false }
            case let login?: if !issue.assignees.contains(login) { return false }
            }
            if let creator, issue.user != creator { return false }
            return true
        }
        let key: (Issue) -> Int = sort == "updated" ? { $0.updatedAt } : sort == "comments" ? { $0.comments } : { $0.createdAt }
        matching.sort { a, b in
            let (ka, kb) = (key(a), key(b))
            if ka != kb { return ascending ? ka < kb : ka > kb }
            return ascending ? a.number < b.number : a.number > b.number
        }
        let pages = max(1, (matching.count + perPage - 1) / perPage)
        let slice = matching.dropFirst((page - 1) * perPage).prefix(perPage)
        let items = slice.map { issueJSON($0, repo: repo, baseURL: baseURL) }

        var headers: [(String, String)] = []
        var links: [String] = []
        func url(_ p: Int) -> String {
            var query = r.query.filter { $0.0 != "page" }.map { "\($0.0)=\(Self.encode($0.1))" }
            query.append("page=\(p)")
            return "<\(baseURL)/repositories/\(repo.id)/issues?\(query.joined(separator: "&"))>"
        }
        if page > 1 {
            links.append(url(page - 1) + "; rel=\"prev\"")
            links.append(url(1) + "; rel=\"first\"")
        }
        if page < pages {
            links.append(url(page + 1) + "; rel=\"next\"")
            links.append(url(pages) + "; rel=\"last\"")
        }
        if !links.isEmpty { headers.append(("link", links.joined(separator: ", "))) }
        return .json(200, items, headers: headers)
    }

    private func userJSON(_ login: String, baseURL: String) -> [String: Any] {
        let id = 31_898_000 + (state.users.firstIndex(of: login) ?? 0)
        return ["login": login, "id": id, "node_id": "MDQ6VXNlcj\(id)", "avatar_url": "https://avatars.githubusercontent.com/u/\(id)?v=4",
                "gravatar_id": "", "url": "\(baseURL)/users/\(login)", "html_url": "https://github.com/\(login)",
                "type": "User", "site_admin": false]
    }

    private func issueJSON(_ issue: Issue, repo: Repository, baseURL: String) -> [String: Any] {
        let api = "\(baseURL)/repos/\(repo.fullName)/issues/\(issue.number)"
        var json: [String: Any] = [
            "url": api, "repository_url": "\(baseURL)/repos/\(repo.fullName)", "labels_url": api + "/labels{/name}",
            "comments_url": api + "/comments", "events_url": api + "/events", "timeline_url": api + "/timeline",
            "html_url": "https://github.com/\(repo.fullName)/\(issue.isPullRequest ? "pull" : "issues")/\(issue.number)",
            "id": issue.id, "node_id": "I_kwDO\(issue.id)", "number": issue.number, "title": issue.title,
            "user": userJSON(issue.user, baseURL: baseURL),
            "labels": issue.labels.map { name -> [String: Any] in
                let id = repo.labels[name] ?? 0
                return ["id": id, "node_id": "LA_\(id)", "url": "\(baseURL)/repos/\(repo.fullName)/labels/\(Self.encode(name))",
                        "name": name, "color": "ededed", "default": false, "description": NSNull()]
            },
            "state": issue.state, "state_reason": issue.stateReason ?? NSNull(), "locked": issue.locked,
            "assignee": issue.assignees.first.map { userJSON($0, baseURL: baseURL) } ?? NSNull(),
            "assignees": issue.assignees.map { userJSON($0, baseURL: baseURL) }, "milestone": NSNull(),
            "comments": issue.comments, "created_at": Self.format(issue.createdAt), "updated_at": Self.format(issue.updatedAt),
            "closed_at": issue.closedAt.map(Self.format) ?? NSNull(), "author_association": "MEMBER",
            "active_lock_reason": NSNull(), "body": issue.body ?? NSNull(), "performed_via_github_app": NSNull(),
            "reactions": ["url": api + "/reactions", "total_count": 0, "+1": 0, "-1": 0, "laugh": 0, "hooray": 0,
                          "confused": 0, "heart": 0, "rocket": 0, "eyes": 0],
        ]
        if issue.isPullRequest {
            json["pull_request"] = ["url": "\(baseURL)/repos/\(repo.fullName)/pulls/\(issue.number)",
                "html_url": "https://github.com/\(repo.fullName)/pull/\(issue.number)",
                "diff_url": "https://github.com/\(repo.fullName)/pull/\(issue.number).diff",
                "patch_url": "https://github.com/\(repo.fullName)/pull/\(issue.number).patch", "merged_at": NSNull()]
        }
        return json
    }

    // MARK: Admin

    func adminItems() -> SimResponse {
        var all: [[String: Any]] = []
        for repo in state.repositories.values.sorted(by: { $0.fullName < $1.fullName }) {
            for issue in repo.issues {
                var json = issueJSON(issue, repo: repo, baseURL: "")
                json["key"] = "\(repo.fullName)#\(issue.number)"
                all.append(json)
            }
        }
        return .json(200, all)
    }

    func adminSetup(_ body: Data) -> SimResponse {
        guard let f = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] else { return Self.badJSON() }
        for name in f["repositories"] as? [String] ?? [] where name.split(separator: "/").count == 2 {
            _ = repository(name, create: true)
        }
        for user in f["users"] as? [String] ?? [] where !state.users.contains(user) { state.users.append(user) }
        return SimResponse(status: 204)
    }

    func adminAdd(_ body: Data) -> SimResponse {
        guard let f = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] else { return Self.badJSON() }
        guard let repo = f["repository"] as? String, repo.split(separator: "/").count == 2 else {
            return .json(422, ["message": "\"repository\": \"owner/name\" is required"])
        }
        guard let title = f["title"] as? String, !title.isEmpty else { return Self.invalid("title", code: "missing_field") }
        let issueState = f["state"] as? String ?? "open"
        let issue = addIssue(repo: repo, title: title, body: f["body"] as? String, labels: f["labels"] as? [String] ?? [],
            assignees: f["assignees"] as? [String] ?? [], user: f["user"] as? String ?? "octocat", state: issueState,
            stateReason: f["state_reason"] as? String, pullRequest: f["pull_request"] as? Bool ?? false)
        var json = issueJSON(issue, repo: state.repositories[repo]!, baseURL: "")
        json["key"] = "\(repo)#\(issue.number)"
        return .json(201, json)
    }

    func adminPatch(key: String, _ body: Data) -> SimResponse {
        guard let (repo, number) = Self.splitKey(key) else { return Self.notFound() }
        guard let fields = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] else { return Self.badJSON() }
        let (issue, error) = edit(repo: repo, number: number, fields: fields, strictUsers: false)
        if let error { return error }
        var json = issueJSON(issue!, repo: state.repositories[repo]!, baseURL: "")
        json["key"] = key
        return .json(200, json)
    }

    func adminDelete(key: String) -> SimResponse {
        guard let (fullName, number) = Self.splitKey(key), var repo = state.repositories[fullName],
            let index = repo.issues.firstIndex(where: { $0.number == number }) else { return Self.notFound() }
        repo.issues.remove(at: index)
        state.repositories[fullName] = repo
        return SimResponse(status: 204)
    }

    func reset() {
        state = initial
        rateLimitRemaining = 5000
    }

    func exportState() -> Data {
        (try? JSONEncoder().encode(state)) ?? Data()
    }

    func importState(_ data: Data) throws {
        state = try JSONDecoder().decode(State.self, from: data)
        initial = state
    }

    // MARK: Helpers

    private static func splitKey(_ key: String) -> (String, Int)? {
        let parts = key.split(separator: "#")
        guard parts.count == 2, let n = Int(parts[1]) else { return nil }
        return (String(parts[0]), n)
    }

    static func notFound() -> SimResponse {
        .json(404, ["message": "Not Found", "documentation_url": docs, "status": "404"])
    }

    static func badJSON() -> SimResponse {
        .json(400, ["message": "Problems parsing JSON", "documentation_url": docs, "status": "400"])
    }

    static func invalid(_ field: String, code: String = "invalid", value: String? = nil) -> SimResponse {
        var error: [String: Any] = ["resource": "Issue", "code": code, "field": field]
        if let value { error["value"] = value }
        return .json(422, ["message": "Validation Failed", "errors": [error],
            "documentation_url": "https://docs.github.com/rest/issues/issues", "status": "422"])
    }

    static func format(_ seconds: Int) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }

    static func parseDate(_ s: String) -> Date? {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        if let d = f.date(from: s) { return d }
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return f.date(from: s)
    }

    static func encode(_ s: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return s.addingPercentEncoding(withAllowedCharacters: allowed) ?? s
    }

    static func hash(_ data: Data) -> String {
        // FNV-1a 64: an ETag only has to change when the body does.
        var h: UInt64 = 0xcbf29ce484222325
        for b in data { h = (h ^ UInt64(b)) &* 0x100000001b3 }
        return String(h, radix: 16)
    }
}
