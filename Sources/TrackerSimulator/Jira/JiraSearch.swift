import Foundation
import JSON

/// `POST /rest/api/3/search/jql` (a `SearchAndReconcileRequestBean`) or its GET form, checked as Jira checks it.
struct JiraSearchRequest: Sendable {
    static let defaultMaxResults = 50
    /// Pages asking for nothing but ids or keys may be this large.
    static let keysOnlyPageLimit = 5000
    /// Pages that carry fields or properties are capped here, whatever `maxResults` asks for.
    static let fieldsPageLimit = 100
    static let maxProperties = 5

    var jql: String
    var maxResults: Int
    var nextPageToken: String?
    var fields: JiraFieldSelection
    var properties: [String]

    /// The page size actually used: `maxResults`, capped as Jira caps it for what is asked.
    var pageSize: Int {
        let limit = fields.keysOnly && properties.isEmpty ? Self.keysOnlyPageLimit : Self.fieldsPageLimit
        return min(maxResults, limit)
    }

    private static let bodyKeys: Set<String> = [
        "jql", "maxResults", "nextPageToken", "fields", "properties", "expand", "fieldsByKeys", "reconcileIssues",
    ]

    /// The POST body. Unknown members (`startAt` from the removed API, say) are refused, as the bean refuses them.
    init(body: JSONValue) throws(JiraError) {
        guard let members = body.object else { throw JiraErrors.invalidPayload }
        for (name, _) in members where !Self.bodyKeys.contains(name) { throw JiraErrors.invalidPayload }
        func strings(_ name: String) throws(JiraError) -> [String] {
            guard let value = body[name], !value.isNull else { return [] }
            guard let list = value.array else { throw JiraErrors.invalidPayload }
            var result: [String] = []
            for item in list {
                guard let text = item.string else { throw JiraErrors.invalidPayload }
                result.append(text)
            }
            return result
        }
        let jqlValue = body["jql"]
        guard jqlValue == nil || jqlValue?.isNull == true || jqlValue?.string != nil else { throw JiraErrors.invalidPayload }
        let token = body["nextPageToken"]
        guard token == nil || token?.isNull == true || token?.string != nil else { throw JiraErrors.invalidPayload }
        var maxResults = Self.defaultMaxResults
        if let value = body["maxResults"], !value.isNull {
            guard let number = value.int else { throw JiraErrors.invalidPayload }
            maxResults = number
        }
        try self.init(jql: jqlValue?.string ?? "", maxResults: maxResults, nextPageToken: token?.string,
                      fields: try strings("fields"), properties: try strings("properties"))
    }

    /// The GET form: the same parameters in the query string, lists comma-separated or repeated.
    init(query: [(name: String, value: String)]) throws(JiraError) {
        var maxResults = Self.defaultMaxResults
        if let text = query.last(where: { $0.name == "maxResults" })?.value {
            guard let number = Int(text) else { throw JiraErrors.invalidPayload }
            maxResults = number
        }
        try self.init(jql: query.last { $0.name == "jql" }?.value ?? "", maxResults: maxResults,
                      nextPageToken: query.last { $0.name == "nextPageToken" }?.value,
                      fields: query.filter { $0.name == "fields" }.map(\.value),
                      properties: query.filter { $0.name == "properties" }.map(\.value))
    }

    private init(jql: String, maxResults: Int, nextPageToken: String?, fields: [String], properties: [String]) throws(JiraError) {
        guard maxResults > 0 else { throw .message("The maxResults parameter must be greater than 0.") }
        let keys = properties.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        guard keys.count <= Self.maxProperties else {
            throw .message("A maximum of \(Self.maxProperties) issue properties can be requested.")
        }
        self.jql = jql
        self.maxResults = maxResults
        self.nextPageToken = nextPageToken.flatMap { $0.isEmpty ? nil : $0 }
        self.fields = JiraFieldSelection(fields, fallback: ["id"])
        self.properties = keys
    }
}

/// Where the next page starts, handed to the client as an opaque `nextPageToken`. It names the cached result
/// of the query (so later pages neither re-run nor re-sort it, and stay stable while issues change), the
/// position in it, and a fingerprint of the JQL so a token cannot be used with another query.
struct JiraPageToken: Sendable, Equatable {
    var snapshot: Int
    var offset: Int
    var fingerprint: UInt64

    var encoded: String {
        let text = "v1.\(snapshot).\(offset).\(String(fingerprint, radix: 16))"
        return Data(text.utf8).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    init(snapshot: Int, offset: Int, fingerprint: UInt64) {
        self.snapshot = snapshot
        self.offset = offset
        self.fingerprint = fingerprint
    }

    init?(_ encoded: String) {
        var base64 = encoded.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        guard let data = Data(base64Encoded: base64), let text = String(data: data, encoding: .utf8) else { return nil }
        let parts = text.split(separator: ".")
        guard parts.count == 4, parts[0] == "v1", let snapshot = Int(parts[1]), let offset = Int(parts[2]), offset >= 0,
              let fingerprint = UInt64(parts[3], radix: 16) else { return nil }
        self.init(snapshot: snapshot, offset: offset, fingerprint: fingerprint)
    }

    static let invalid = JiraError.message("The provided next page token is invalid or expired.")

    /// FNV-1a over the JQL text.
    static func fingerprint(_ jql: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in jql.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }
}

/// The ordered issue ids of recent queries, so paging through 10,000 issues evaluates and sorts once.
struct JiraSearchCache {
    private var snapshots: [Int: [Int]] = [:]
    private var order: [Int] = []
    private var nextID = 1
    private static let capacity = 32

    mutating func store(_ ids: [Int]) -> Int {
        let id = nextID
        nextID += 1
        snapshots[id] = ids
        order.append(id)
        if order.count > Self.capacity { snapshots[order.removeFirst()] = nil }
        return id
    }

    func ids(_ snapshot: Int) -> [Int]? { snapshots[snapshot] }

    mutating func clear() {
        snapshots.removeAll()
        order.removeAll()
    }
}

extension JiraStore {
    /// Ids of the issues `plan` matches, in its order (created descending when it names none); ties by id.
    func evaluate(_ plan: JQLPlan) -> [Int] {
        var rows: [(values: [JQLSortValue], id: Int, created: Int64)] = []
        for project in projects {
            for issue in project.issues where plan.predicate(project, issue) {
                rows.append((plan.sortKeys.map { $0.value(project, issue) }, issue.id, issue.created))
            }
        }
        if plan.sortKeys.isEmpty {
            rows.sort { $0.created != $1.created ? $0.created > $1.created : $0.id > $1.id }
            return rows.map(\.id)
        }
        let directions = plan.sortKeys.map(\.descending)
        rows.sort { a, b in
            for (index, descending) in directions.enumerated() {
                let (x, y) = (a.values[index], b.values[index])
                if x == y { continue }
                // Empty values go last ascending and first descending, as Jira puts them.
                return descending ? y < x : x < y
            }
            return a.id < b.id
        }
        return rows.map(\.id)
    }
}
