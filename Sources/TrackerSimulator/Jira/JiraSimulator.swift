import Foundation
import JSON

/// A fake of Jira Cloud's platform REST API v3, shaped after shared/api/jira/platform-v3-subset.json: Basic auth
/// with an API token, `POST /search/jql` with `nextPageToken` paging and a JQL subset read in the user's time
/// zone, issues with ADF descriptions (validated), per-project workflows with transitions, issue properties,
/// the metadata resources, 410 for the removed `/search`, Jira's error collections, and 429 with `Retry-After`.
actor JiraSimulator: SimulatedTracker {
    var store: JiraStore
    let initial: JiraStore
    var searchCache = JiraSearchCache()
    var rateLimit = JiraRateLimit()
    private var requestCount = 0

    static let apiPrefix = "/rest/api/3/"

    init(initial: JiraStore) {
        store = initial
        self.initial = initial
    }

    // MARK: Shared behaviour

    /// Basic `base64(email:apiToken)`: the token is the part after the first colon.
    nonisolated func presentedToken(_ request: SimRequest) -> String? {
        guard let value = request.headers["authorization"] else { return nil }
        let parts = value.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "basic",
              let decoded = Data(base64Encoded: parts[1].trimmingCharacters(in: .whitespaces)),
              let text = String(data: decoded, encoding: .utf8), let colon = text.firstIndex(of: ":") else { return nil }
        return String(text[text.index(after: colon)...])
    }

    nonisolated func unauthorizedResponse() -> SimResponse { JiraErrors.unauthorized() }

    nonisolated func faultResponse(status: Int, headers: [(String, String)], message: String?) -> SimResponse {
        JiraErrors.fault(status: status, headers: headers, message: message)
    }

    // MARK: The API

    func handle(_ request: SimRequest, baseURL: String) -> SimResponse {
        requestCount += 1
        var response: SimResponse
        if let limited = rateLimit.spend(now: store.wallClock.now) {
            response = limited
        } else {
            do {
                response = try route(request, site: baseURL)
            } catch {
                response = error.response
            }
            response.headers += rateLimit.headers
        }
        response.headers.append(("x-arequestid", "5e1a\(String(requestCount, radix: 16))x1"))
        return response
    }

    private func route(_ request: SimRequest, site: String) throws(JiraError) -> SimResponse {
        guard request.path.hasPrefix(Self.apiPrefix) else { throw JiraErrors.noSuchResource(site + request.path) }
        let parts = request.path.dropFirst(Self.apiPrefix.count).split(separator: "/", omittingEmptySubsequences: false)
            .map { $0.removingPercentEncoding ?? String($0) }
        if ["POST", "PUT"].contains(request.method), !request.body.isEmpty {
            let type = request.headers["content-type"]?.lowercased() ?? ""
            guard type.hasPrefix("application/json") else { return SimResponse(status: 415) }
        }
        switch (request.method, JiraRoute(parts)) {
        case (_, .removedSearch):
            throw JiraErrors.searchRemoved
        case ("GET", .search), ("POST", .search):
            return try search(request, site: site)
        case ("POST", .issues):
            return try createIssue(request, site: site)
        case (_, .issue(let idOrKey)):
            let location = try locate(idOrKey)
            switch request.method {
            case "GET": return getIssue(location, request, site: site)
            case "PUT": return try editIssue(location, request, site: site)
            case "DELETE": return try deleteIssue(location, request)
            default: return JiraErrors.methodNotAllowed()
            }
        case (_, .transitions(let idOrKey)):
            let location = try locate(idOrKey)
            switch request.method {
            case "GET": return transitions(location, request, site: site)
            case "POST": return try transition(location, request)
            default: return JiraErrors.methodNotAllowed()
            }
        case ("GET", .propertyKeys(let idOrKey)):
            return propertyKeys(try locate(idOrKey), site: site)
        case (_, .property(let idOrKey, let key)):
            let location = try locate(idOrKey)
            switch request.method {
            case "GET": return try property(key, of: location)
            case "PUT": return try setProperty(key, of: location, request)
            case "DELETE": return try deleteProperty(key, of: location)
            default: return JiraErrors.methodNotAllowed()
            }
        case ("GET", .myself): return myself(site: site)
        case ("GET", .project(let idOrKey)): return try project(idOrKey, site: site)
        case ("GET", .projectStatuses(let idOrKey)): return try projectStatuses(idOrKey, site: site)
        case ("GET", .priorities): return priorities(site: site)
        case ("GET", .issueTypes): return issueTypes(site: site)
        case ("GET", .projectIssueTypes): return try projectIssueTypes(request, site: site)
        case ("GET", .statuses): return statuses(site: site)
        case ("GET", .userSearch): return try userSearch(request, site: site)
        case ("GET", .assignableUsers): return try assignableUsers(request, site: site)
        case ("GET", .labels): return labels(request)
        case ("GET", .fields): return fields()
        default:
            throw JiraErrors.noSuchResource(site + request.path)
        }
    }

    // MARK: Helpers

    func locate(_ idOrKey: String) throws(JiraError) -> JiraStore.Location {
        guard let location = store.locate(idOrKey) else { throw JiraErrors.issueNotFound }
        return location
    }

    /// The request's JSON body; anything else is Jira's "invalid request payload".
    static func jsonBody(_ request: SimRequest) throws(JiraError) -> JSONValue {
        guard !request.body.isEmpty, let value = try? JSONValue(parsing: request.body) else { throw JiraErrors.invalidPayload }
        return value
    }

    func renderer(_ site: String) -> JiraRenderer { JiraRenderer(site: site, store: store) }

    static func json(_ status: Int, _ body: (inout JSONWriter) -> Void) -> SimResponse {
        var json = JSONWriter()
        body(&json)
        return .json(status, bytes: json.bytes)
    }
}

/// The resources under `/rest/api/3/` the simulator serves, from the path's (percent-decoded) segments.
enum JiraRoute: Equatable {
    case removedSearch, search, issues
    case issue(String), transitions(String), propertyKeys(String), property(String, String)
    case myself, project(String), projectStatuses(String), priorities, issueTypes, projectIssueTypes, statuses
    case userSearch, assignableUsers, labels, fields
    case unknown

    init(_ parts: [String]) {
        switch parts.count {
        case 1:
            self = switch parts[0] {
            case "search": .removedSearch
            case "issue": .issues
            case "myself": .myself
            case "priority": .priorities
            case "issuetype": .issueTypes
            case "status": .statuses
            case "label": .labels
            case "field": .fields
            default: .unknown
            }
        case 2:
            self = switch (parts[0], parts[1]) {
            case ("search", "jql"): .search
            case ("issue", let idOrKey) where !idOrKey.isEmpty: .issue(idOrKey)
            case ("project", let idOrKey) where !idOrKey.isEmpty: .project(idOrKey)
            case ("issuetype", "project"): .projectIssueTypes
            case ("user", "search"): .userSearch
            default: .unknown
            }
        case 3:
            self = switch (parts[0], parts[2]) {
            case ("issue", "transitions"): .transitions(parts[1])
            case ("issue", "properties"): .propertyKeys(parts[1])
            case ("project", "statuses"): .projectStatuses(parts[1])
            case ("user", "search") where parts[1] == "assignable": .assignableUsers
            default: .unknown
            }
        case 4 where parts[0] == "issue" && parts[2] == "properties" && !parts[3].isEmpty:
            self = .property(parts[1], parts[3])
        default:
            self = .unknown
        }
    }
}
