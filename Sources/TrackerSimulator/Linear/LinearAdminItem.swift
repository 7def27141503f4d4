import Foundation
import JSON

/// The admin API's items for Linear, in the neutral shape every simulator takes, plus Linear's extras.
///
/// Neutral members, in Linear's vocabulary: `title`; `description` (markdown, stored as Linear re-renders it);
/// `state` (a workflow state name of the issue's team); `labels` (label names; a missing one is created as a
/// workspace label); `assignee` (an email, display name or name; null clears it); `priority` (`Urgent`, `High`,
/// `Medium`, `Low`, `No priority`, or 0–4); `kind` (one of the workspace's type labels Bug, Feature, Improvement;
/// null clears it); `scope` (POST: the team key, default the first team).
/// Extras: `id` (POST: the issue's UUID), `parent` (an identifier; null clears it), `creator`, `archived` and
/// `trashed` (booleans: archive, or move to the trash), `team` (PATCH: move the issue to that team, which gives it
/// a new identifier and keeps the old one in `previousIdentifiers`), `comment` (true: only `updatedAt` moves).
struct LinearAdminItem {
    static let kindLabels = ["Bug", "Feature", "Improvement"]
    static let members: Set<String> = ["title", "description", "state", "labels", "assignee", "priority", "kind", "scope",
                                       "id", "parent", "creator", "archived", "trashed", "team", "comment"]

    struct Invalid: Error {
        var message: String
    }

    private let body: [String: JSONValue]

    init(_ data: Data) throws(Invalid) {
        guard let json = try? JSONValue(parsing: data), let members = json.object else { throw Invalid(message: "expected a JSON object") }
        for (name, _) in members where !Self.members.contains(name) {
            throw Invalid(message: "unknown member \"\(name)\": use \(Self.members.sorted().joined(separator: ", "))")
        }
        body = Dictionary(members.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last })
    }

    /// A new issue as a person would create it in Linear.
    func create(in store: inout LinearStore) throws(Invalid) -> LinearStore.Issue {
        let teamKey = try string("scope") ?? store.teams.first?.key ?? "ENG"
        guard let team = store.team(key: teamKey) else { throw Invalid(message: "no team \(teamKey): add it with POST /_simulator/setup") }
        guard let title = try string("title"), !title.isEmpty else { throw Invalid(message: "\"title\" is required") }
        var id = store.newID()
        if let chosen = try string("id") {
            guard UUID(uuidString: chosen) != nil, store.issue(id: chosen.lowercased()) == nil else {
                throw Invalid(message: "\"id\" must be a UUID no issue has")
            }
            id = chosen.lowercased()
        }
        let creator = try string("creator").map { name throws(Invalid) in try user(name, in: store) }
            ?? store.users.first { $0.id != store.viewerID }?.id ?? store.viewerID
        var issue = LinearStore.Issue(id: id, teamID: team.id, number: 0, title: title, description: nil, priority: 0,
                                      stateID: store.defaultState(ofTeam: team.id)?.id ?? "", labelIDs: [], assigneeID: nil,
                                      creatorID: creator, parentID: nil, createdAt: 0, updatedAt: 0)
        try apply(to: &issue, in: &store)
        return store.insert(issue)
    }

    /// A change as a person would make it; `updatedAt` moves when something changed (or for a comment).
    func change(_ issueID: String, in store: inout LinearStore) throws(Invalid) {
        if try string("scope") != nil { throw Invalid(message: "\"scope\" is for POST; move an issue with \"team\"") }
        if let key = try string("team") {
            guard let team = store.team(key: key) else { throw Invalid(message: "no team \(key)") }
            store.move(issueID, toTeam: team.id)
        }
        guard var issue = store.issue(id: issueID) else { return }
        let before = issue
        try apply(to: &issue, in: &store)
        if issue != before {
            store.update(issue)
        } else if body["comment"]?.bool == true {
            store.touch(issueID)
        }
    }

    private func apply(to issue: inout LinearStore.Issue, in store: inout LinearStore) throws(Invalid) {
        if let title = try string("title") { issue.title = title }
        if let description = body["description"] {
            guard description.isNull || description.string != nil else { throw Invalid(message: "\"description\" must be a string or null") }
            issue.description = description.string.map(LinearMarkdown.render)
        }
        if let name = try string("state") {
            guard let state = store.states(ofTeam: issue.teamID).first(where: { $0.name.lowercased() == name.lowercased() }) else {
                let known = store.states(ofTeam: issue.teamID).map(\.name).joined(separator: ", ")
                throw Invalid(message: "no state \(name) in the team's workflow (\(known))")
            }
            issue.stateID = state.id
            let now = store.now
            issue.completedAt = state.type == "completed" ? now : nil
            issue.canceledAt = state.type == "canceled" ? now : nil
        }
        if let priority = body["priority"] { issue.priority = try Self.priority(priority) }
        if let assignee = body["assignee"] {
            issue.assigneeID = try assignee.isNull ? nil : user(try text(assignee, "assignee"), in: store)
        }
        if let parent = body["parent"] {
            if parent.isNull {
                issue.parentID = nil
            } else {
                let key = try text(parent, "parent")
                guard let found = store.issue(idOrIdentifier: key) else { throw Invalid(message: "no issue \(key) to be the parent") }
                issue.parentID = found.id
            }
        }
        let kindIDs = Set(Self.kindLabels.compactMap { name in store.labels.first { $0.name == name && $0.teamID == nil }?.id })
        if let labels = body["labels"] {
            guard let names = labels.array?.compactMap(\.string), names.count == labels.array?.count else {
                throw Invalid(message: "\"labels\" must be a list of strings")
            }
            let kept = issue.labelIDs.filter { kindIDs.contains($0) }
            issue.labelIDs = kept + names.map { name in label(name, team: issue.teamID, in: &store) }.filter { !kept.contains($0) }
        }
        if let kind = body["kind"] {
            issue.labelIDs.removeAll { kindIDs.contains($0) }
            if !kind.isNull {
                let name = try text(kind, "kind")
                guard Self.kindLabels.contains(where: { $0.lowercased() == name.lowercased() }) else {
                    throw Invalid(message: "\"kind\" is one of \(Self.kindLabels.joined(separator: ", ")) in Linear (type labels)")
                }
                issue.labelIDs.insert(label(name, team: issue.teamID, in: &store), at: 0)
            }
        }
        if let archived = body["archived"] {
            guard let flag = archived.bool else { throw Invalid(message: "\"archived\" must be true or false") }
            issue.archivedAt = flag ? (issue.archivedAt ?? store.now) : nil
            if !flag { issue.trashed = false }
        }
        if let trashed = body["trashed"] {
            guard let flag = trashed.bool else { throw Invalid(message: "\"trashed\" must be true or false") }
            issue.trashed = flag
            issue.archivedAt = flag ? (issue.archivedAt ?? store.now) : nil
        }
    }

    private func string(_ name: String) throws(Invalid) -> String? {
        guard let value = body[name], !value.isNull else { return nil }
        return try text(value, name)
    }

    private func text(_ value: JSONValue, _ name: String) throws(Invalid) -> String {
        guard let text = value.string else { throw Invalid(message: "\"\(name)\" must be a string") }
        return text
    }

    private func user(_ name: String, in store: LinearStore) throws(Invalid) -> String {
        guard let user = store.user(named: name) else { throw Invalid(message: "no user \(name): add users with POST /_simulator/setup") }
        return user.id
    }

    /// The label of that name usable in the team (team label first), created as a workspace label when missing.
    private func label(_ name: String, team: String, in store: inout LinearStore) -> String {
        let usable = store.labels(usableIn: team).filter { $0.name.lowercased() == name.lowercased() }
        if let found = usable.first(where: { $0.teamID != nil }) ?? usable.first { return found.id }
        return store.addLabel(name: name, teamID: nil)
    }

    static func priority(_ value: JSONValue) throws(Invalid) -> Int {
        if value.isNull { return 0 }
        if let number = value.int, (0...4).contains(number) { return number }
        if let name = value.string?.lowercased() {
            if let index = LinearIssueNode.priorityLabels.firstIndex(where: { $0.lowercased() == name }) { return index }
            if name == "none" { return 0 }
            if let number = Int(name), (0...4).contains(number) { return number }
        }
        throw Invalid(message: "\"priority\" is one of \(LinearIssueNode.priorityLabels.joined(separator: ", ")) or 0-4")
    }

    // MARK: The answer

    /// The issue as Linear's JSON (id, identifier, state, team, labels, …) with the neutral members laid over it.
    static func view(_ issue: LinearStore.Issue, in store: LinearStore) -> [String: Any] {
        let identifier = store.identifier(of: issue)
        let state = store.state(id: issue.stateID)
        let team = store.team(id: issue.teamID)
        let labels = issue.labelIDs.compactMap(store.label(id:))
        let kind = labels.first { $0.teamID == nil && kindLabels.contains($0.name) }
        let assignee = issue.assigneeID.flatMap(store.user(id:))
        var view: [String: Any] = [
            "id": issue.id, "identifier": identifier, "number": issue.number, "title": issue.title,
            "description": issue.description ?? NSNull(), "priorityLabel": LinearIssueNode.priorityLabels[max(0, min(4, issue.priority))],
            "state": ["id": state?.id ?? "", "name": state?.name ?? "", "type": state?.type ?? ""],
            "team": ["id": team?.id ?? "", "key": team?.key ?? "", "name": team?.name ?? ""],
            "labelIds": issue.labelIDs, "previousIdentifiers": issue.previousIdentifiers,
            "parent": issue.parentID.flatMap(store.issue(id:)).map { store.identifier(of: $0) } ?? NSNull(),
            "creator": issue.creatorID.flatMap(store.user(id:))?.email ?? NSNull(),
            "archivedAt": issue.archivedAt.map(LinearTime.format) ?? NSNull(), "trashed": issue.trashed,
            "createdAt": LinearTime.format(issue.createdAt), "updatedAt": LinearTime.format(issue.updatedAt),
            "url": "https://linear.app/\(store.urlKey)/issue/\(identifier)/\(LinearIssueNode.slug(issue.title))",
        ]
        view["key"] = identifier
        view["scope"] = team?.key ?? ""
        view["state"] = state?.name ?? ""
        view["labels"] = labels.filter { $0.id != kind?.id }.map(\.name)
        view["assignee"] = assignee?.email ?? NSNull()
        view["priority"] = issue.priority == 0 ? NSNull() : LinearIssueNode.priorityLabels[max(0, min(4, issue.priority))]
        view["kind"] = kind?.name ?? NSNull()
        view["stateType"] = state?.type ?? ""
        view["priorityNumber"] = issue.priority
        return view
    }
}
