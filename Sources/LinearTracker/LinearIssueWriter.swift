import JSON
import Trackers
import WorkItems

/// The input of `issueCreate` or `issueUpdate` for local content: everything on create; on update only what differs
/// from the last synced content (`previous`), so a field changed in Linear that nobody changed locally survives.
/// Labels go as additions and removals for the same reason. What cannot be carried becomes a notice.
struct LinearIssueWriter: Sendable {
    let mapping: LinearMapping
    let directory: LinearDirectory
    let api: LinearAPI

    struct Input {
        var fields: JSONObject = [:]
        var notices: [String] = []
    }

    /// `team` is asked for only when a status or a label needs it (the issue's team, whose states and labels apply).
    func input(for content: WorkItemContent, previous: WorkItemContent?,
               team: @Sendable () async throws -> LinearContext.Team) async throws -> Input {
        var input = Input()
        let new = content.normalised()
        let old = previous?.normalised()
        func changed<T: Equatable>(_ path: KeyPath<WorkItemContent, T>) -> Bool { old.map { $0[keyPath: path] != new[keyPath: path] } ?? true }

        if changed(\.title) { input.fields["title"] = .string(content.title) }
        if changed(\.description) { input.fields["description"] = .string(content.description) }
        if changed(\.status), let status = content.status {
            let team = try await team()
            if let state = state(for: status, in: team) {
                input.fields["stateId"] = .string(state.id)
            } else {
                input.notices.append("status '\(status)' left as it was: \(team.key) has no workflow state to hold it; set linear.status_map.\(status)")
            }
        }
        if changed(\.priority) {
            if let priority = content.priority {
                if let number = mapping.priority(for: priority) {
                    input.fields["priority"] = .int(number)
                } else {
                    input.notices.append("priority '\(priority)' has no Linear priority: set linear.priority_map.\(priority) (urgent, high, medium, low or none)")
                }
            } else if previous != nil {
                input.fields["priority"] = .int(0)
            }
        }
        if changed(\.assignee) {
            if let who = content.assignee {
                input.fields["assigneeId"] = .string(try await directory.userID(for: who))
            } else if previous != nil {
                input.fields["assigneeId"] = .null
            }
        }
        if changed(\.parent) {
            if let parent = content.parent {
                if let id = try await parentID(parent) {
                    input.fields["parentId"] = .string(id)
                } else {
                    input.notices.append("parent '\(parent)' left out: it is not a Linear issue this key can see")
                }
            } else if previous != nil {
                input.fields["parentId"] = .null
            }
        }
        if changed(\.tags) || changed(\.kind) {
            try await labels(content, previous: previous, team: try await team(), into: &input)
        }
        return input
    }

    /// The state for a local status: the team's state of the mapped name, else its first state of the mapped type.
    func state(for status: String, in team: LinearContext.Team) -> LinearContext.State? {
        let name = mapping.stateName(for: status).lowercased()
        if let named = team.states.first(where: { $0.name.lowercased() == name }) { return named }
        let type = mapping.stateType(for: status).rawValue
        return team.states.first { $0.type == type }
    }

    /// The label names content asks for: its kind's label, then its tags (a tag that names a kind label is that kind).
    func labelNames(_ content: WorkItemContent) -> [String] {
        var names: [String] = []
        if let kind = content.kind, let label = mapping.kindLabel(for: kind) { names.append(label) }
        for tag in content.tags where !names.contains(where: { $0.lowercased() == tag.lowercased() }) { names.append(tag) }
        return names
    }

    private func labels(_ content: WorkItemContent, previous: WorkItemContent?, team: LinearContext.Team, into input: inout Input) async throws {
        var wanted: [String] = []
        for name in labelNames(content) {
            let (id, notice) = try await directory.labelID(name, team: team)
            if let id { wanted.append(id) }
            if let notice { input.notices.append(notice) }
        }
        guard let previous else {
            input.fields["labelIds"] = .array(wanted.map { .string($0) })
            return
        }
        let context = try await directory.context()
        let before = labelNames(previous).compactMap { context.label(named: $0, team: team.id)?.id }
        let added = wanted.filter { !before.contains($0) }
        let removed = before.filter { !wanted.contains($0) }
        if !added.isEmpty { input.fields["addedLabelIds"] = .array(added.map { .string($0) }) }
        if !removed.isEmpty { input.fields["removedLabelIds"] = .array(removed.map { .string($0) }) }
    }

    /// A parent's id from its identifier (Linear resolves identifiers in `issue(id:)`); nil when there is none.
    private func parentID(_ key: String) async throws -> String? {
        guard RemoteKeySyntax.projectAndNumber.matches(key) else { return nil }
        do {
            return try await api.run(LinearDocuments.issue, ["id": .string(key)])["issue"]?["id"]?.string
        } catch TrackerError.notFound {
            return nil
        }
    }
}
