import Foundation

/// The admin API's neutral members as GitHub issue fields and back. GitHub has no priority or issue type here, so
/// they are the labels `priority: X` and `kind: X` (the convention the client's default mapping reads); the neutral
/// `labels` are the other labels.
enum GitHubAdminItem {
    /// `fields` (an admin body) with the neutral members turned into GitHub's own: `description` → `body`,
    /// `assignee` → `assignees`, `scope` → `repository`, `labels`/`priority`/`kind` → `labels`. An extra already in
    /// `fields` (`body`, `assignees`, `repository`) wins. `currentLabels` are the issue's labels before an edit.
    static func native(_ fields: [String: Any],
                       currentLabels: [String] = []) throws(NeutralItemInput.Invalid) -> [String: Any] {
        let neutral = try NeutralItemInput(fields)
        var native = fields
        for name in ["description", "assignee", "priority", "kind", "scope", "labels"] { native.removeValue(forKey: name) }
        if native["body"] == nil, let description = neutral.description { native["body"] = description ?? NSNull() }
        if native["assignees"] == nil, let assignee = neutral.assignee { native["assignees"] = assignee.map { [$0] } ?? [] }
        if native["repository"] == nil, let scope = neutral.scope { native["repository"] = scope }
        if neutral.labels != nil || neutral.priority != nil || neutral.kind != nil {
            native["labels"] = labels(currentLabels, neutral)
        }
        return native
    }

    /// The item as the admin API answers it: GitHub's JSON (`native`) with the neutral members laid over it.
    static func view(_ issue: GitHubStore.Issue, in repo: GitHubStore.Repository, native: [UInt8]) -> [String: Any] {
        NeutralItemView(
            key: GitHubSimulator.key(repo, issue), scope: repo.fullName, title: issue.title, description: issue.body ?? "",
            state: issue.state.rawValue, labels: issue.labels.filter(isPlain), assignee: issue.assignees.first,
            priority: issue.labels.lazy.compactMap { value(of: $0, prefix: priorityPrefix) }.first,
            kind: issue.labels.lazy.compactMap { value(of: $0, prefix: kindPrefix) }.first
        ).overlaid(on: native)
    }

    private static let priorityPrefix = "priority:"
    private static let kindPrefix = "kind:"

    /// Plain labels from `labels` (or the current ones), then one priority and one kind label: from `priority`/`kind`
    /// when given (null drops it), else one named in `labels`, else the current one.
    private static func labels(_ current: [String], _ neutral: NeutralItemInput) -> [String] {
        var result = (neutral.labels ?? current).filter(isPlain)
        for (prefix, value) in [(priorityPrefix, neutral.priority), (kindPrefix, neutral.kind)] {
            let label: String?
            if let value {
                label = value.map { "\(prefix) \($0)" }
            } else {
                label = (neutral.labels ?? []).first { Self.value(of: $0, prefix: prefix) != nil }
                    ?? current.first { Self.value(of: $0, prefix: prefix) != nil }
            }
            if let label { result.append(label) }
        }
        return result
    }

    private static func isPlain(_ label: String) -> Bool {
        value(of: label, prefix: priorityPrefix) == nil && value(of: label, prefix: kindPrefix) == nil
    }

    /// `priority: high` → `high` for the prefix `priority:` (any case, spaces trimmed); nil for other labels.
    private static func value(of label: String, prefix: String) -> String? {
        guard label.lowercased().hasPrefix(prefix) else { return nil }
        return label.dropFirst(prefix.count).trimmingCharacters(in: .whitespaces)
    }
}
