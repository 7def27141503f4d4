import Foundation
import JSON

/// A fake of api.github.com's issues API, shaped after the recorded traffic in shared/api/github/recorded:
/// Link paging through `/repositories/{id}/issues`, `since`, pull requests mixed into `/issues`, ETag/304,
/// `x-ratelimit-*`, 401/404/422 bodies, and `updated_at` bumped (strictly increasing) on every change.
actor GitHubSimulator: SimulatedTracker {
    var store: GitHubStore
    let initial: GitHubStore
    var rateLimit: GitHubRateLimit
    var listCache = GitHubListCache()
    var renderer = GitHubRenderer(apiRoot: "")
    private var requestCount = 0

    init(initial: GitHubStore) {
        store = initial
        self.initial = initial
        rateLimit = GitHubRateLimit(now: initial.wallClock.nowSeconds)
    }

    // MARK: Shared behaviour

    nonisolated func presentedToken(_ request: SimRequest) -> String? {
        guard let value = request.headers["authorization"] else { return nil }
        let parts = value.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, ["bearer", "token"].contains(parts[0].lowercased()) else { return nil }
        return parts[1].trimmingCharacters(in: .whitespaces)
    }

    nonisolated func unauthorizedResponse() -> SimResponse {
        var response = GitHubErrors.badCredentials()
        response.headers += Self.mediaHeaders
        return response
    }

    nonisolated func faultResponse(status: Int, headers: [(String, String)], message: String?) -> SimResponse {
        GitHubErrors.fault(status: status, headers: headers, message: message)
    }

    // MARK: The API

    func handle(_ request: SimRequest, baseURL: String) -> SimResponse {
        requestCount += 1
        var response: SimResponse
        if rateLimit.isExhausted(now: store.wallClock.nowSeconds) {
            response = GitHubErrors.rateLimitExceeded(userID: store.userID(GitHubStore.tokenUser))
        } else {
            response = route(request, apiRoot: baseURL)
            if request.method == "GET", response.status == 200 {
                response = Self.conditional(response, ifNoneMatch: request.headers["if-none-match"])
            }
            // A 304 costs nothing, as GitHub documents for conditional requests.
            if response.status != 304 { rateLimit.spend(now: store.wallClock.nowSeconds) }
        }
        response.headers += rateLimit.headers + Self.mediaHeaders
        response.headers.append(("x-github-request-id", "5E1A:" + String(requestCount, radix: 16, uppercase: true)))
        return response
    }

    private static let mediaHeaders = [
        ("x-github-media-type", "github.v3; format=json"), ("x-github-api-version-selected", "2022-11-28"),
    ]

    private enum Route {
        case currentUser
        case issues(repositoryKey: String)
        case issue(repositoryKey: String, number: Int)
        case unknown
    }

    private func resolve(_ path: String) -> Route {
        let parts = path.split(separator: "/").map(String.init)
        func named(_ owner: String, _ name: String) -> String? { store.repository(named: "\(owner)/\(name)")?.fullName }
        func numbered(_ id: String) -> String? { Int(id).flatMap { store.repository(id: $0)?.fullName } }
        switch parts.count {
        case 1 where parts[0] == "user":
            return .currentUser
        case 3 where parts[0] == "repositories" && parts[2] == "issues":
            return numbered(parts[1]).map { .issues(repositoryKey: $0) } ?? .unknown
        case 4 where parts[0] == "repositories" && parts[2] == "issues":
            guard let repo = numbered(parts[1]), let number = Int(parts[3]) else { return .unknown }
            return .issue(repositoryKey: repo, number: number)
        case 4 where parts[0] == "repos" && parts[3] == "issues":
            return named(parts[1], parts[2]).map { .issues(repositoryKey: $0) } ?? .unknown
        case 5 where parts[0] == "repos" && parts[3] == "issues":
            guard let repo = named(parts[1], parts[2]), let number = Int(parts[4]) else { return .unknown }
            return .issue(repositoryKey: repo, number: number)
        default:
            return .unknown
        }
    }

    private func route(_ request: SimRequest, apiRoot: String) -> SimResponse {
        switch (request.method, resolve(request.path)) {
        case ("GET", .currentUser):
            return .json(200, bytes: render(apiRoot) { renderer, store in renderer.user(GitHubStore.tokenUser, store: store) })
        case ("GET", .issues(let repo)):
            return list(repo, request, apiRoot: apiRoot)
        case ("POST", .issues(let repo)):
            return create(in: repo, request.body, apiRoot: apiRoot)
        case ("GET", .issue(let repo, let number)):
            guard let issue = store.issue(number, in: repo) else { return GitHubErrors.notFound() }
            return .json(200, bytes: single(issue, in: repo, apiRoot: apiRoot))
        case ("PATCH", .issue(let repo, let number)):
            return edit(number, in: repo, request.body, apiRoot: apiRoot)
        default:
            return GitHubErrors.notFound()
        }
    }

    private func list(_ repoName: String, _ request: SimRequest, apiRoot: String) -> SimResponse {
        let query: GitHubIssueQuery
        do {
            query = try GitHubIssueQuery(request)
        } catch {
            return GitHubErrors.validationFailed(error, documentation: Self.docs("list-repository-issues"))
        }
        let repo = store.repository(named: repoName)!
        let positions = listCache.positions(query.filter, in: repo)
        let start = min(positions.count, (query.page - 1) * query.perPage)
        let page = positions[start..<min(positions.count, start + query.perPage)]
        let body = render(apiRoot) { renderer, store in
            var json = JSONWriter(reservingCapacity: page.count * 4096)
            json.array { json in
                for position in page { renderer.write(repo.issues[position], in: repo, store: store, single: false, to: &json) }
            }
            return json.bytes
        }
        var headers: [(String, String)] = []
        if let link = query.linkHeader(total: positions.count, request: request, repositoryID: repo.id, apiRoot: apiRoot) {
            headers.append(("link", link))
        }
        return .json(200, bytes: body, headers: headers)
    }

    private func create(in repo: String, _ body: Data, apiRoot: String) -> SimResponse {
        let documentation = Self.docs("create-an-issue")
        do {
            let new = try GitHubRequestBody(body).newIssue()
            let issue = try store.createIssue(new, in: repo, unknownUsers: .refuse)
            let location = "\(apiRoot)/repos/\(store.repository(named: repo)!.fullName)/issues/\(issue.number)"
            return .json(201, bytes: single(issue, in: repo, apiRoot: apiRoot), headers: [("location", location)])
        } catch let failure as GitHubRequestBody.Failure {
            return Self.response(for: failure, documentation: documentation)
        } catch let error as GitHubStoreError {
            return Self.response(for: error, documentation: documentation)
        } catch {
            return GitHubErrors.notFound()
        }
    }

    private func edit(_ number: Int, in repo: String, _ body: Data, apiRoot: String) -> SimResponse {
        let documentation = Self.docs("update-an-issue")
        do {
            let changes = try GitHubRequestBody(body).changes()
            let issue = try store.editIssue(number, in: repo, changes: changes, by: GitHubStore.tokenUser, unknownUsers: .refuse)
            return .json(200, bytes: single(issue, in: repo, apiRoot: apiRoot))
        } catch let failure as GitHubRequestBody.Failure {
            return Self.response(for: failure, documentation: documentation)
        } catch let error as GitHubStoreError {
            return Self.response(for: error, documentation: documentation)
        } catch {
            return GitHubErrors.notFound()
        }
    }

    // MARK: Helpers

    func render(_ apiRoot: String, _ body: (inout GitHubRenderer, GitHubStore) -> [UInt8]) -> [UInt8] {
        if renderer.apiRoot != apiRoot { renderer = GitHubRenderer(apiRoot: apiRoot) }
        return body(&renderer, store)
    }

    func single(_ issue: GitHubStore.Issue, in repoName: String, apiRoot: String) -> [UInt8] {
        let repo = store.repository(named: repoName)!
        return render(apiRoot) { renderer, store in
            var json = JSONWriter()
            renderer.write(issue, in: repo, store: store, single: true, to: &json)
            return json.bytes
        }
    }

    private static func docs(_ anchor: String) -> String { "https://docs.github.com/rest/issues/issues#\(anchor)" }

    static func key(_ repo: GitHubStore.Repository, _ issue: GitHubStore.Issue) -> String {
        "\(repo.fullName)#\(issue.number)"
    }

    /// `owner/repo#12` → ("owner/repo", 12).
    static func splitKey(_ key: String) -> (String, Int)? {
        guard let hash = key.lastIndex(of: "#"), let number = Int(key[key.index(after: hash)...]) else { return nil }
        return (String(key[..<hash]), number)
    }

    static func object(_ body: Data) -> [String: Any]? {
        (try? JSONSerialization.jsonObject(with: body)) as? [String: Any]
    }

    static func adminError(_ status: Int, _ message: String) -> SimResponse {
        .json(status, ["message": message])
    }

    static func response(for failure: GitHubRequestBody.Failure, documentation: String) -> SimResponse {
        switch failure {
        case .unparsable: GitHubErrors.problemsParsingJSON()
        case .invalid(let error): GitHubErrors.validationFailed(error, documentation: documentation)
        }
    }

    static func response(for error: any Error, documentation: String) -> SimResponse {
        switch error as? GitHubStoreError {
        case .invalid(let error)?: GitHubErrors.validationFailed(error, documentation: documentation)
        default: GitHubErrors.notFound()
        }
    }

    /// A weak ETag over the body; `If-None-Match` naming it turns the answer into an empty 304.
    private static func conditional(_ response: SimResponse, ifNoneMatch: String?) -> SimResponse {
        let tag = "W/\"\(hash(response.body))\""
        let cacheHeaders = [("etag", tag), ("cache-control", "private, max-age=60, s-maxage=60"),
                            ("vary", "Accept, Authorization, Cookie, X-GitHub-OTP")]
        if let ifNoneMatch, matches(ifNoneMatch, tag) {
            return SimResponse(status: 304, headers: cacheHeaders)
        }
        var response = response
        response.headers += cacheHeaders
        return response
    }

    /// Weak comparison, as If-None-Match asks for: `W/` prefixes do not matter; `*` matches anything.
    private static func matches(_ header: String, _ tag: String) -> Bool {
        func opaque(_ s: Substring) -> Substring {
            let trimmed = s.drop(while: { $0 == " " })
            return trimmed.hasPrefix("W/") ? trimmed.dropFirst(2) : trimmed
        }
        let wanted = opaque(Substring(tag))
        return header.split(separator: ",").contains { candidate in
            let value = opaque(candidate).trimmingCharacters(in: .whitespaces)
            return value == "*" || value == wanted
        }
    }

    /// SHA-256 would look more like GitHub's, but any hash that changes with the body does the job.
    private static func hash(_ data: Data) -> String {
        var a: UInt64 = 0xcbf2_9ce4_8422_2325, b: UInt64 = 0x8422_2325_cbf2_9ce4
        for byte in data {
            a = (a ^ UInt64(byte)) &* 0x100_0000_01b3
            b = (b &+ UInt64(byte)) &* 0x9e37_79b9_7f4a_7c15
        }
        return String(format: "%016llx%016llx", a, b)
    }
}
