import Foundation
import JSON
import Trackers

/// Reads every issue a JQL query matches through `POST /rest/api/3/search/jql`, as fast as Jira's paging allows.
/// Its pages are chained by `nextPageToken`, so they cannot be read side by side; but a page of keys holds 5,000
/// issues where a page of fields holds 100. So: the first page with fields (for a small answer, the only request);
/// when there is more, the keys 5,000 at a time, and the issues behind them 100 keys at a time, concurrently,
/// each batch sent as soon as its keys are known.
struct JiraIssueSearch: Sendable {
    static let pageSize = 100
    static let keyPageSize = 5000

    let api: JiraAPI
    let fields: [String]
    let properties: [String]
    let convert: @Sendable (JSONValue) -> RemoteItem?
    /// Told of each page's issues as they arrive.
    var progress: ReadProgress? = nil

    /// Every issue `jql` matches, each once, in key order.
    func all(_ jql: String) async throws -> [RemoteItem] {
        let first = try await page(jql, token: nil)
        if first.next == nil { return first.items }
        let seen = Set(first.items.map(\.key))
        return try await withThrowingTaskGroup(of: (Int, [RemoteItem]).self) { group in
            var batches = 0
            var token: String?
            repeat {
                let keys = try await keyPage(jql, token: token)
                let unseen = keys.keys.filter { !seen.contains($0) }
                for start in stride(from: 0, to: unseen.count, by: Self.pageSize) {
                    let batch = Array(unseen[start..<min(start + Self.pageSize, unseen.count)])
                    let index = batches
                    group.addTask { (index, try await self.issues(keys: batch)) }
                    batches += 1
                }
                token = keys.next
            } while token != nil
            var results = [[RemoteItem]](repeating: [], count: batches)
            for try await (index, items) in group { results[index] = items }
            var keys = seen
            return first.items + results.joined().filter { keys.insert($0.key).inserted }
        }
    }

    /// The issues with these keys (any number), 100 keys a request, concurrently; keys that no longer exist are
    /// left out.
    func issues(keys: [String]) async throws -> [RemoteItem] {
        if keys.count <= Self.pageSize { return try await batch(keys) }
        return try await withThrowingTaskGroup(of: (Int, [RemoteItem]).self) { group in
            let starts = Array(stride(from: 0, to: keys.count, by: Self.pageSize))
            for (index, start) in starts.enumerated() {
                let batch = Array(keys[start..<min(start + Self.pageSize, keys.count)])
                group.addTask { (index, try await self.batch(batch)) }
            }
            var results = [[RemoteItem]](repeating: [], count: starts.count)
            for try await (index, items) in group { results[index] = items }
            return Array(results.joined())
        }
    }

    /// One `key in (…)` query of at most 100 keys (more pages only if Jira shortens them).
    private func batch(_ keys: [String]) async throws -> [RemoteItem] {
        if keys.isEmpty { return [] }
        var items: [RemoteItem] = []
        var token: String?
        do {
            repeat {
                let page = try await page("key in " + JQL.list(keys), token: token)
                items += page.items
                token = page.next
            } while token != nil
        } catch TrackerError.rejected {
            // Jira refuses the whole query when one key no longer exists: ask for each on its own.
            return try await each(keys)
        }
        return items
    }

    private func each(_ keys: [String]) async throws -> [RemoteItem] {
        try await withThrowingTaskGroup(of: (Int, RemoteItem?).self) { group in
            for (index, key) in keys.enumerated() {
                group.addTask {
                    do { return (index, try await self.issue(key)) } catch TrackerError.notFound { return (index, nil) }
                }
            }
            var found = [RemoteItem?](repeating: nil, count: keys.count)
            for try await (index, item) in group { found[index] = item }
            return found.compactMap { $0 }
        }
    }

    /// `GET /rest/api/3/issue/{key}`: the one read that is never behind a write (search may lag a little).
    func issue(_ key: String) async throws -> RemoteItem {
        let json = try await api.get("/rest/api/3/issue/\(JiraAPI.encode(key))?fields=\(fields.joined(separator: ","))"
            + (properties.isEmpty ? "" : "&properties=\(properties.joined(separator: ","))"))
        guard let item = convert(json) else { throw TrackerError.unavailable("Jira's answer for \(key) could not be read") }
        return item
    }

    private func page(_ jql: String, token: String?) async throws -> (items: [RemoteItem], next: String?) {
        let page = try await search(jql, fields: fields, properties: properties, size: Self.pageSize, token: token)
        let items = (page["issues"]?.array ?? []).compactMap(convert)
        progress?.add(items.count)
        return (items, Self.nextToken(page))
    }

    private func keyPage(_ jql: String, token: String?) async throws -> (keys: [String], next: String?) {
        let page = try await search(jql, fields: ["key"], properties: [], size: Self.keyPageSize, token: token)
        return ((page["issues"]?.array ?? []).compactMap { $0["key"]?.string }, Self.nextToken(page))
    }

    private func search(_ jql: String, fields: [String], properties: [String], size: Int, token: String?) async throws -> JSONValue {
        var body: JSONObject = [
            "jql": .string(jql + " ORDER BY key ASC"), "fields": .array(fields.map { .string($0) }), "maxResults": .int(size),
        ]
        if !properties.isEmpty { body["properties"] = .array(properties.map { .string($0) }) }
        if let token { body["nextPageToken"] = .string(token) }
        return try await api.send("POST", "/rest/api/3/search/jql", body: .object(body), idempotent: true) ?? .null
    }

    /// Absent on the last page, with `isLast` true; an empty page ends the listing whatever it says.
    private static func nextToken(_ page: JSONValue) -> String? {
        guard page["isLast"]?.bool != true, !(page["issues"]?.array ?? []).isEmpty else { return nil }
        return page["nextPageToken"]?.string
    }
}
