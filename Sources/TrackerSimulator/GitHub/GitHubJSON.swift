import Foundation
import JSON

/// Issues, users and labels in api.github.com's JSON shape and key order (see shared/api/github/recorded).
/// Users and labels never change once made, so their renderings are cached.
struct GitHubRenderer {
    /// The API root that URLs in bodies point at (`https://api.github.com` on the real thing).
    let apiRoot: String
    static let webRoot = "https://github.com"
    private var users: [String: [UInt8]] = [:]
    private var labels: [Int: [UInt8]] = [:]

    init(apiRoot: String) { self.apiRoot = apiRoot }

    /// `closed_by` appears in single-issue answers (create, get, edit) but not in lists, as on GitHub.
    mutating func write(_ issue: GitHubStore.Issue, in repo: GitHubStore.Repository, store: GitHubStore, single: Bool,
                        to json: inout JSONWriter) {
        let repoURL = "\(apiRoot)/repos/\(repo.fullName)"
        let url = "\(repoURL)/issues/\(issue.number)"
        let web = "\(Self.webRoot)/\(repo.fullName)"
        json.object { json in
            json.key("url"); json.string(url)
            json.key("repository_url"); json.string(repoURL)
            json.key("labels_url"); json.string(url + "/labels{/name}")
            json.key("comments_url"); json.string(url + "/comments")
            json.key("events_url"); json.string(url + "/events")
            json.key("html_url"); json.string("\(web)/\(issue.isPullRequest ? "pull" : "issues")/\(issue.number)")
            json.key("id"); json.int(issue.id)
            json.key("node_id"); json.string(Self.nodeID(prefix: issue.isPullRequest ? "PR_kwDO" : "I_kwDO", issue.id))
            json.key("number"); json.int(issue.number)
            json.key("title"); json.string(issue.title)
            json.key("user"); json.raw(user(issue.user, store: store))
            json.key("labels")
            json.array { json in
                for name in issue.labels {
                    if let label = repo.labels.first(where: { $0.name == name }) { json.raw(self.label(label, in: repo)) }
                }
            }
            json.key("state"); json.string(issue.state.rawValue)
            json.key("locked"); json.bool(issue.locked)
            json.key("assignee")
            if let first = issue.assignees.first { json.raw(user(first, store: store)) } else { json.null() }
            json.key("assignees")
            json.array { json in for login in issue.assignees { json.raw(user(login, store: store)) } }
            json.key("milestone"); json.null()
            json.key("comments"); json.int(issue.comments)
            json.key("created_at"); json.string(GitHubTime.format(issue.createdAt))
            json.key("updated_at"); json.string(GitHubTime.format(issue.updatedAt))
            json.key("closed_at"); json.string(issue.closedAt.map(GitHubTime.format))
            json.key("author_association"); json.string(issue.user == GitHubStore.tokenUser ? "OWNER" : "MEMBER")
            json.key("active_lock_reason"); json.null()
            if issue.isPullRequest {
                json.key("draft"); json.bool(false)
                json.key("pull_request")
                json.object { json in
                    json.key("url"); json.string("\(repoURL)/pulls/\(issue.number)")
                    json.key("html_url"); json.string("\(web)/pull/\(issue.number)")
                    json.key("diff_url"); json.string("\(web)/pull/\(issue.number).diff")
                    json.key("patch_url"); json.string("\(web)/pull/\(issue.number).patch")
                    json.key("merged_at"); json.null()
                }
            }
            json.key("body"); json.string(issue.body)
            if single {
                json.key("closed_by")
                if let closer = issue.closedBy { json.raw(user(closer, store: store)) } else { json.null() }
            }
            json.key("reactions")
            json.object { json in
                json.key("url"); json.string(url + "/reactions")
                for name in ["total_count", "+1", "-1", "laugh", "hooray", "confused", "heart", "rocket", "eyes"] {
                    json.key(name); json.int(0)
                }
            }
            json.key("timeline_url"); json.string(url + "/timeline")
            json.key("performed_via_github_app"); json.null()
            json.key("state_reason"); json.string(issue.stateReason)
        }
    }

    mutating func user(_ login: String, store: GitHubStore) -> [UInt8] {
        if let cached = users[login] { return cached }
        let id = store.userID(login)
        let url = "\(apiRoot)/users/\(login)"
        var json = JSONWriter()
        json.object { json in
            json.key("login"); json.string(login)
            json.key("id"); json.int(id)
            json.key("node_id"); json.string(Self.nodeID(prefix: "MDQ6VXNlcj", id))
            json.key("avatar_url"); json.string("https://avatars.githubusercontent.com/u/\(id)?v=4")
            json.key("gravatar_id"); json.string("")
            json.key("url"); json.string(url)
            json.key("html_url"); json.string("\(Self.webRoot)/\(login)")
            for (name, suffix) in [
                ("followers_url", "/followers"), ("following_url", "/following{/other_user}"),
                ("gists_url", "/gists{/gist_id}"), ("starred_url", "/starred{/owner}{/repo}"),
                ("subscriptions_url", "/subscriptions"), ("organizations_url", "/orgs"), ("repos_url", "/repos"),
                ("events_url", "/events{/privacy}"), ("received_events_url", "/received_events"),
            ] {
                json.key(name); json.string(url + suffix)
            }
            json.key("type"); json.string("User")
            json.key("site_admin"); json.bool(false)
        }
        // Unknown logins have id 0 until they become known: only cache known ones.
        if id != 0 { users[login] = json.bytes }
        return json.bytes
    }

    mutating func label(_ label: GitHubStore.Label, in repo: GitHubStore.Repository) -> [UInt8] {
        if let cached = labels[label.id] { return cached }
        var json = JSONWriter()
        json.object { json in
            json.key("id"); json.int(label.id)
            json.key("node_id"); json.string(Self.nodeID(prefix: "LA_kwDO", label.id))
            json.key("url"); json.string("\(apiRoot)/repos/\(repo.fullName)/labels/\(QueryString.encode(label.name))")
            json.key("name"); json.string(label.name)
            json.key("color"); json.string(label.color)
            json.key("default"); json.bool(false)
            json.key("description"); json.string(label.description)
        }
        labels[label.id] = json.bytes
        return json.bytes
    }

    private static func nodeID(prefix: String, _ id: Int) -> String {
        var encoded = Data(String(id).utf8).base64EncodedString()
        while encoded.hasSuffix("=") { encoded.removeLast() }
        return prefix + encoded
    }
}

/// GitHub's error bodies: `{"message": …, "documentation_url": …}`, with `errors` for a 422.
enum GitHubErrors {
    static let docs = "https://docs.github.com/rest"

    static func notFound() -> SimResponse {
        .json(404, ["message": "Not Found", "documentation_url": docs])
    }

    static func badCredentials() -> SimResponse {
        .json(401, ["message": "Bad credentials", "documentation_url": docs])
    }

    static func problemsParsingJSON() -> SimResponse {
        .json(400, ["message": "Problems parsing JSON", "documentation_url": docs])
    }

    static func validationFailed(_ error: GitHubValidationError, documentation: String) -> SimResponse {
        var entry: [String: Any] = ["resource": error.resource, "code": error.code, "field": error.field]
        if let value = error.value { entry["value"] = value }
        return .json(422, ["message": "Validation Failed", "errors": [entry], "documentation_url": documentation])
    }

    static func rateLimitExceeded(userID: Int) -> SimResponse {
        .json(403, [
            "message": "API rate limit exceeded for user ID \(userID). If you reach out to GitHub Support for help, "
                + "please include the request ID 0680:6A2A:111D4F8:26659C5:62D63550.",
            "documentation_url": "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api",
        ])
    }

    /// An injected fault: 403/429 read like GitHub's secondary rate limit, anything else like a server error.
    static func fault(status: Int, headers: [(String, String)], message: String? = nil) -> SimResponse {
        let standard = switch status {
        case 403, 429:
            "You have exceeded a secondary rate limit. Please wait a few minutes before you try again. "
                + "If you reach out to GitHub Support for help, please include the request ID 0680:6A2A:111D4F8:26659C5:62D63551."
        case 500...: "Server Error"
        default: "Simulated fault (\(status))"
        }
        let docs = status == 403 || status == 429
            ? "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits" : docs
        return .json(status, ["message": message ?? standard, "documentation_url": docs], headers: headers)
    }
}

/// `2026-11-25T10:00:00Z`, GitHub's timestamp form, without a date formatter per call (they are slow to make).
enum GitHubTime {
    static func format(_ seconds: Int) -> String {
        var time = time_t(seconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T"
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
    }

    /// ISO 8601 as clients send `since`: with or without fractional seconds, `Z` or an offset, or a bare date.
    static func parse(_ text: String) -> Int? {
        let formatter = ISO8601DateFormatter()
        for options: ISO8601DateFormatter.Options in [
            [.withInternetDateTime], [.withInternetDateTime, .withFractionalSeconds], [.withFullDate],
        ] {
            formatter.formatOptions = options
            if let date = formatter.date(from: text) { return Int(date.timeIntervalSince1970.rounded(.down)) }
        }
        return nil
    }
}
