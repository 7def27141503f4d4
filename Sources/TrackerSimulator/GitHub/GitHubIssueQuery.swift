import Foundation

/// The parameters of `GET /repos/{o}/{r}/issues`, checked as GitHub checks them.
struct GitHubIssueQuery: Hashable, Sendable {
    /// What selects and orders the issues; the same filter gives the same order on every page.
    struct Filter: Hashable, Sendable {
        var state = "open"
        var since: Int?
        /// Lower-cased; an issue must carry all of them.
        var labels: [String] = []
        var assignee: String?
        var creator: String?
        var milestone: String?
        var sort = "created"
        var ascending = false
    }

    static let defaultPerPage = 30
    static let maxPerPage = 100

    var filter = Filter()
    var perPage = defaultPerPage
    var page = 1

    init(_ request: SimRequest) throws(GitHubValidationError) {
        for (name, value) in request.query {
            switch name {
            case "state":
                guard ["open", "closed", "all"].contains(value) else { throw .init(field: "state", code: "invalid", value: value) }
                filter.state = value
            case "since":
                guard let seconds = GitHubTime.parse(value) else { throw .init(field: "since", code: "invalid", value: value) }
                filter.since = seconds
            case "labels":
                filter.labels = value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
                    .filter { !$0.isEmpty }
            case "assignee": filter.assignee = value
            case "creator": filter.creator = value
            case "milestone": filter.milestone = value
            case "sort":
                guard ["created", "updated", "comments"].contains(value) else { throw .init(field: "sort", code: "invalid", value: value) }
                filter.sort = value
            case "direction":
                guard ["asc", "desc"].contains(value) else { throw .init(field: "direction", code: "invalid", value: value) }
                filter.ascending = value == "asc"
            case "per_page":
                let n = Int(value) ?? Self.defaultPerPage
                perPage = n < 1 ? Self.defaultPerPage : min(n, Self.maxPerPage)
            case "page":
                page = max(1, Int(value) ?? 1)
            default:
                break
            }
        }
    }

    /// Positions in `repo.issues` of the matching issues, in answer order.
    static func matching(_ filter: Filter, in repo: GitHubStore.Repository) -> [Int] {
        var positions = repo.issues.indices.filter { filter.matches(repo.issues[$0]) }
        let key: (GitHubStore.Issue) -> Int = switch filter.sort {
        case "updated": { $0.updatedAt }
        case "comments": { $0.comments }
        default: { $0.createdAt }
        }
        positions.sort { a, b in
            let (x, y) = (repo.issues[a], repo.issues[b])
            let (kx, ky) = (key(x), key(y))
            if kx != ky { return filter.ascending ? kx < ky : kx > ky }
            return filter.ascending ? x.number < y.number : x.number > y.number
        }
        return positions
    }

    /// `link` as GitHub writes it: prev, next, last, first, each the request's query with `page` last, and
    /// pointing at `/repositories/{id}/issues` whatever path the request used.
    func linkHeader(total: Int, request: SimRequest, repositoryID: Int, apiRoot: String) -> String? {
        let lastPage = max(1, (total + perPage - 1) / perPage)
        let kept = (request.rawQuery ?? "").split(separator: "&").filter { !$0.hasPrefix("page=") && !$0.isEmpty }
        func url(_ page: Int) -> String {
            "<\(apiRoot)/repositories/\(repositoryID)/issues?\((kept + ["page=\(page)"]).joined(separator: "&"))>"
        }
        var links: [String] = []
        if page > 1 { links.append(url(min(page - 1, lastPage)) + "; rel=\"prev\"") }
        if page < lastPage {
            links.append(url(page + 1) + "; rel=\"next\"")
            links.append(url(lastPage) + "; rel=\"last\"")
        }
        if page > 1 { links.append(url(1) + "; rel=\"first\"") }
        return links.isEmpty ? nil : links.joined(separator: ", ")
    }
}

extension GitHubIssueQuery.Filter {
    func matches(_ issue: GitHubStore.Issue) -> Bool {
        if state != "all", issue.state.rawValue != state { return false }
        if let since, issue.updatedAt < since { return false }
        if !labels.isEmpty {
            let names = Set(issue.labels.map { $0.lowercased() })
            if !labels.allSatisfy(names.contains) { return false }
        }
        switch assignee {
        case nil: break
        case "none": if !issue.assignees.isEmpty { return false }
        case "*": if issue.assignees.isEmpty { return false }
        case let login?: if !issue.assignees.contains(where: { $0.caseInsensitiveCompare(login) == .orderedSame }) { return false }
        }
        if let creator, issue.user.caseInsensitiveCompare(creator) != .orderedSame { return false }
        // The fake has no milestones: `none` keeps everything, `*` or a number keeps nothing.
        if let milestone, milestone != "none" { return false }
        return true
    }
}

/// Orders of recent list queries, so paging through 10,000 issues filters and sorts once, not once per page.
/// An entry is valid for one repository revision.
struct GitHubListCache {
    private struct Key: Hashable {
        var repository: Int
        var revision: Int
        var filter: GitHubIssueQuery.Filter
    }

    private var entries: [Key: [Int]] = [:]
    private static let capacity = 32

    mutating func positions(_ filter: GitHubIssueQuery.Filter, in repo: GitHubStore.Repository) -> [Int] {
        let key = Key(repository: repo.id, revision: repo.revision, filter: filter)
        if let hit = entries[key] { return hit }
        if entries.count >= Self.capacity { entries.removeAll(keepingCapacity: true) }
        let positions = GitHubIssueQuery.matching(filter, in: repo)
        entries[key] = positions
        return positions
    }

    mutating func clear() { entries.removeAll() }
}
