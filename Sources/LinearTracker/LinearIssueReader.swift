import JSON
import Trackers
import WorkItems

/// An issue as Linear answers it, mapped into the local vocabulary: state by name then type, priority 0–4, the
/// kind label apart from the tags, the assignee by email, the parent by identifier.
struct LinearIssueReader: Sendable {
    let mapping: LinearMapping
    let directory: LinearDirectory
    let descriptions: LinearDescriptions
    /// The state type of every issue read this run, by key (`matches` asks whether an item is open).
    let stateTypes: LinearStateTypes

    /// Facts about an answered issue that are not content.
    struct Facts: Sendable {
        var id: String
        var identifier: String
        var previousIdentifiers: [String]
        var teamKey: String
        var archived: Bool
        var trashed: Bool
    }

    static func facts(_ issue: JSONValue) -> Facts? {
        guard let id = issue["id"]?.string, let identifier = issue["identifier"]?.string else { return nil }
        return Facts(id: id, identifier: identifier, previousIdentifiers: (issue["previousIdentifiers"]?.array ?? []).compactMap(\.string),
                     teamKey: issue["team"]?["key"]?.string ?? String(identifier.prefix { $0 != "-" }),
                     archived: !(issue["archivedAt"]?.isNull ?? true), trashed: issue["trashed"]?.bool ?? false)
    }

    /// The remote item, under `key` (the identifier unless the caller tracks the issue under an older one).
    func item(_ issue: JSONValue, key: String? = nil) async throws -> RemoteItem? {
        guard let facts = Self.facts(issue), let updated = issue["updatedAt"]?.string else { return nil }
        let labels = try await directory.labelNames((issue["labelIds"]?.array ?? []).compactMap(\.string))
        return item(issue, facts: facts, updated: updated, labels: labels, key: key)
    }

    /// The same, for an answer whose labels are already known (no request).
    func item(_ issue: JSONValue, facts: Facts, updated: String, labels: [String], key: String?) -> RemoteItem {
        let kindNames = mapping.kindLabelNames
        let kindLabel = labels.sorted { (kindNames.firstIndex(of: $0.lowercased()) ?? .max) < (kindNames.firstIndex(of: $1.lowercased()) ?? .max) }
            .first { mapping.kind(forLabel: $0) != nil }
        let state = issue["state"]
        let title = issue["title"]?.string ?? ""
        let description = issue["description"]?.string ?? ""
        descriptions.note(description)
        let content = WorkItemContent(
            title: title,
            description: description,
            status: state?["name"]?.string.map { mapping.localStatus(stateName: $0, type: state?["type"]?.string) },
            priority: issue["priority"]?.int.flatMap(mapping.localPriority),
            kind: kindLabel.flatMap(mapping.kind(forLabel:)),
            tags: labels.filter { $0 != kindLabel },
            assignee: directory.remember(issue["assignee"]),
            parent: issue["parent"]?["identifier"]?.string)
        let itemKey = key ?? facts.identifier
        if let type = state?["type"]?.string { stateTypes.note(type, for: itemKey) }
        var notices: [String] = []
        if facts.trashed {
            notices.append("\(itemKey) is in Linear's trash: it stays there; restore it in Linear to sync it again")
        } else if facts.archived {
            notices.append("\(itemKey) is archived in Linear: it stays archived")
        }
        return RemoteItem(key: itemKey, remoteID: facts.id, updatedAt: updated, createdAt: issue["createdAt"]?.string.map(Self.iso8601),
                          author: issue["creator"]?["displayName"]?.string ?? issue["creator"]?["name"]?.string,
                          url: issue["url"]?.string, content: content, marker: SyncMarker(facts.id), notices: notices)
    }

    /// `2026-11-25T10:00:00.123Z` as the work items write times: `2026-11-25T10:00:00+00:00`.
    static func iso8601(_ linear: String) -> String {
        guard linear.hasSuffix("Z"), linear.count >= 20 else { return linear }
        return String(linear.prefix(19)) + "+00:00"
    }
}
