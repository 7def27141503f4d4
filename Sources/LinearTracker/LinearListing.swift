import JSON
import Trackers

/// One `issues(filter:)` listing, page by page (`pageInfo.endCursor` to the last page); each page is handed on and
/// let go of, so a read of thousands of issues never holds them all as JSON. Linear's cursors only go forward, so a
/// long listing (more than its first page) is read as ranges of issue numbers side by side, each range paged by its
/// own cursor once the first page shows it is long.
struct LinearListing: Sendable {
    struct Page: Sendable {
        var nodes: [JSONValue]
        var nextCursor: String?
    }

    let api: LinearAPI
    let pageSize: Int
    /// Ranges read side by side at most.
    let ranges: Int

    /// Every issue of the listing, one page after another (from `after`, when the first page was read already).
    func forEachIssue(_ filter: JSONObject, from after: String? = nil, _ body: (JSONValue) async throws -> Void) async throws {
        var after = after
        repeat {
            let page = try await read(filter, after: after)
            for issue in page.nodes { try await body(issue) }
            after = page.nextCursor
        } while after != nil
    }

    /// Every issue of the listing, each once. The first page comes with the newest issue's number; when at least
    /// `fewestRanges` ranges of numbers follow, the whole listing is read again as ranges side by side (an issue of
    /// the first page is not handed on twice), else the first page's cursor is followed.
    func forEachIssueInRanges(_ filter: JSONObject, _ body: (JSONValue) async throws -> Void) async throws {
        let (first, newest) = try await readFirst(filter)
        for issue in first.nodes { try await body(issue) }
        guard let after = first.nextCursor else { return }
        let bounds = Self.rangeFilters(newestNumber: newest, pageSize: pageSize, ranges: ranges)
        if bounds.count < Self.fewestRanges { return try await forEachIssue(filter, from: after, body) }
        let handed = Set(first.nodes.compactMap { $0["id"]?.string })
        try await forEachIssue(inRanges: bounds.map { Self.both(filter, $0) }, skipping: handed, body)
    }

    /// Each range paged by its own cursor, the ranges side by side; `body` is called on this task, one issue at a
    /// time, as pages arrive.
    private func forEachIssue(inRanges filters: [JSONObject], skipping handed: Set<String>,
                              _ body: (JSONValue) async throws -> Void) async throws {
        try await withThrowingTaskGroup(of: (Int, Page).self) { group in
            for (index, rangeFilter) in filters.enumerated() {
                group.addTask { (index, try await read(rangeFilter, after: nil)) }
            }
            while let (index, page) = try await group.next() {
                if let cursor = page.nextCursor {
                    let rangeFilter = filters[index]
                    group.addTask { (index, try await read(rangeFilter, after: cursor)) }
                }
                for issue in page.nodes where !handed.contains(issue["id"]?.string ?? "") { try await body(issue) }
            }
        }
    }

    /// Below this many ranges, reading the first page again costs more than following its cursor.
    static let fewestRanges = 3

    /// Number bounds that cut 1…`newestNumber` into at most `ranges` ranges of about a page or more each; the first
    /// is open below and the last open above, so an issue numbered past the newest one (moved in from another team
    /// after it was made) is still in one. One range, unbounded, when the listing is short.
    static func rangeFilters(newestNumber: Int, pageSize: Int, ranges: Int) -> [JSONObject] {
        let count = max(1, min(ranges, (newestNumber + pageSize - 1) / pageSize))
        guard count > 1 else { return [[:]] }
        let span = (newestNumber + count - 1) / count
        return (0..<count).map { index in
            var number: JSONObject = [:]
            if index > 0 { number["gte"] = .int(1 + index * span) }
            if index < count - 1 { number["lt"] = .int(1 + (index + 1) * span) }
            return ["number": .object(number)]
        }
    }

    private static func both(_ filter: JSONObject, _ bound: JSONObject) -> JSONObject {
        filter.isEmpty ? bound : ["and": [.object(filter), .object(bound)]]
    }

    private func read(_ filter: JSONObject, after: String?) async throws -> Page {
        var variables: JSONObject = ["first": .int(pageSize)]
        if !filter.isEmpty { variables["filter"] = .object(filter) }
        if let after { variables["after"] = .string(after) }
        return Self.page(try await api.run(LinearDocuments.issues, variables)["issues"])
    }

    private func readFirst(_ filter: JSONObject) async throws -> (Page, newestNumber: Int) {
        var variables: JSONObject = ["first": .int(pageSize)]
        if !filter.isEmpty { variables["filter"] = .object(filter) }
        let answer = try await api.run(LinearDocuments.issuesAndNewest, variables)
        return (Self.page(answer["issues"]), answer["newest"]?["nodes"]?.array?.first?["number"]?.int ?? 0)
    }

    private static func page(_ connection: JSONValue?) -> Page {
        let hasNext = connection?["pageInfo"]?["hasNextPage"]?.bool == true
        return Page(nodes: connection?["nodes"]?.array ?? [], nextCursor: hasNext ? connection?["pageInfo"]?["endCursor"]?.string : nil)
    }
}
