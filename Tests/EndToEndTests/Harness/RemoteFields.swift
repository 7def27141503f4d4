import Foundation

/// A remote item's fields in the admin API's neutral shape, in the tracker's own vocabulary (see
/// `tracker-simulator --help`). nil leaves a field as it is (on create: the tracker's default); `assignee: .some(nil)`
/// clears it.
struct RemoteFields: Sendable {
    var title: String?
    /// Markdown.
    var description: String?
    var state: String?
    var labels: [String]?
    var assignee: String??
    var priority: String?
    var kind: String?
    /// Repository / project / team / board; nil: the one the simulator was set up with.
    var scope: String?

    init(title: String? = nil, description: String? = nil, state: String? = nil, labels: [String]? = nil,
         assignee: String?? = nil, priority: String? = nil, kind: String? = nil, scope: String? = nil) {
        self.title = title
        self.description = description
        self.state = state
        self.labels = labels
        self.assignee = assignee
        self.priority = priority
        self.kind = kind
        self.scope = scope
    }

    /// The admin request body.
    var json: [String: Any] {
        var body: [String: Any] = [:]
        if let title { body["title"] = title }
        if let description { body["description"] = description }
        if let state { body["state"] = state }
        if let labels { body["labels"] = labels }
        if let assignee { body["assignee"] = assignee ?? NSNull() }
        if let priority { body["priority"] = priority }
        if let kind { body["kind"] = kind }
        if let scope { body["scope"] = scope }
        return body
    }
}

/// A remote item as the admin API shows it: `key` plus the neutral fields, and the tracker's own JSON.
struct AdminItem {
    var key: String
    var scope: String
    var title: String
    var description: String
    var state: String
    var labels: [String]
    var assignee: String?
    var priority: String?
    var kind: String?
    /// The whole answer (the tracker's JSON for the item with the neutral members laid over it).
    var native: [String: Any]

    init(key: String, scope: String, title: String, description: String, state: String, labels: [String],
         assignee: String?, priority: String?, kind: String?, native: [String: Any] = [:]) {
        self.key = key
        self.scope = scope
        self.title = title
        self.description = description
        self.state = state
        self.labels = labels
        self.assignee = assignee
        self.priority = priority
        self.kind = kind
        self.native = native
    }

    init(_ json: [String: Any]) throws {
        guard let key = json["key"] as? String else { throw HarnessError("an admin item without a key: \(json)") }
        self.key = key
        scope = json["scope"] as? String ?? ""
        title = json["title"] as? String ?? ""
        description = json["description"] as? String ?? ""
        state = json["state"] as? String ?? ""
        labels = json["labels"] as? [String] ?? []
        assignee = json["assignee"] as? String
        priority = json["priority"] as? String
        kind = json["kind"] as? String
        native = json
    }
}

/// One person known to the tracker, as each side names them.
struct Person: Sendable {
    /// What the admin API takes and shows as `assignee` (GitHub login, Jira accountId).
    var remote: String
    /// What `--assignee` takes to mean them.
    var filter: String
    /// What a pulled work item's `assignee` says.
    var local: String
}

/// One request the simulator served.
struct LoggedRequest: Sendable, Equatable {
    var method: String
    var path: String
    var status: Int

    var line: String { "\(method) \(path)" }
}

/// A harness step that could not be carried out (the message says what and why).
struct HarnessError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
