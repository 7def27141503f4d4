import Foundation

/// The admin API's neutral members as a Jira admin body and back: `title` ↔ summary, `description` ↔ ADF through
/// the simulator's own markdown subset (`MarkdownSubsetToADF`, `ADFToPlainMarkdown`), `state` ↔ status name,
/// `assignee` ↔ accountId (an email or display name is also taken), `priority` ↔ priority name, `kind` ↔ issue type
/// name, `scope` ↔ project key.
enum JiraAdminItem {
    /// The neutral members of `body` as `{"fields": {…}, "status": …}` JSON text, or nil when it has none.
    /// `current` is the issue an edit changes (its project is the only scope an edit accepts).
    static func nativeBody(_ body: Data, store: JiraStore, current: JiraStore.Location?) throws(JiraError) -> Data? {
        let neutral: NeutralItemInput
        do throws(NeutralItemInput.Invalid) {
            neutral = try NeutralItemInput(body)
        } catch {
            throw JiraError.message(error.message)
        }
        var fields: [String: Any] = [:]
        if let title = neutral.title { fields["summary"] = title }
        if let description = neutral.description {
            fields["description"] = description.map { MarkdownSubsetToADF.document($0) as Any } ?? NSNull()
        }
        if let labels = neutral.labels { fields["labels"] = labels }
        if let assignee = neutral.assignee { fields["assignee"] = assignee.map { user($0, store: store) as Any } ?? NSNull() }
        if let priority = neutral.priority { fields["priority"] = priority.map { ["name": $0] as Any } ?? NSNull() }
        if let kind = neutral.kind { fields["issuetype"] = kind.map { ["name": $0] as Any } ?? NSNull() }
        if let scope = neutral.scope {
            if let current, store.projects[current.project].key != scope {
                throw JiraError.field("scope", "The admin API does not move issues between projects.")
            }
            if current == nil { fields["project"] = ["key": scope] }
        }
        var native: [String: Any] = [:]
        if !fields.isEmpty { native["fields"] = fields }
        if let state = neutral.state { native["status"] = state }
        guard !native.isEmpty else { return nil }
        return try? JSONSerialization.data(withJSONObject: native)
    }

    /// The item as the admin API answers it: the IssueBean (`native`) with the neutral members laid over it.
    static func view(_ location: JiraStore.Location, in store: JiraStore, native: [UInt8]) -> [String: Any] {
        let issue = store[location]
        let project = store.projects[location.project]
        return NeutralItemView(
            key: store.key(of: location), scope: project.key, title: issue.summary,
            description: ADFToPlainMarkdown.markdown(issue.description),
            state: project.workflow.status(id: issue.statusID)?.name ?? issue.statusID, labels: issue.labels,
            assignee: issue.assigneeID, priority: JiraCatalog.priority(id: issue.priorityID)?.name,
            kind: JiraCatalog.issueType(id: issue.issueTypeID)?.name
        ).overlaid(on: native)
    }

    /// An email address, a known display name, or else an accountId.
    private static func user(_ name: String, store: JiraStore) -> [String: String] {
        if name.contains("@") { return ["emailAddress": name] }
        if let known = store.users.first(where: { $0.displayName.caseInsensitiveCompare(name) == .orderedSame }) {
            return ["accountId": known.accountId]
        }
        return ["accountId": name]
    }
}
