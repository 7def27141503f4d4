import Foundation

/// Reads the JSON bodies of issue writes, with GitHub's checks: a body that is not a JSON object is a 400,
/// a field of the wrong type or value a 422.
struct GitHubRequestBody {
    enum Failure: Error {
        case unparsable
        case invalid(GitHubValidationError)
    }

    let fields: [String: Any]

    init(_ data: Data) throws(Failure) {
        guard let object = try? JSONSerialization.jsonObject(with: data), let fields = object as? [String: Any] else {
            throw .unparsable
        }
        self.fields = fields
    }

    init(fields: [String: Any]) {
        self.fields = fields
    }

    /// `POST /repos/{o}/{r}/issues`: the API sets no state on create, so `state` is refused.
    func newIssue() throws(Failure) -> NewIssue {
        guard fields["state"] == nil, fields["state_reason"] == nil else {
            throw .invalid(.init(field: fields["state"] != nil ? "state" : "state_reason", code: "invalid"))
        }
        guard let title = try title() else { throw .invalid(.init(field: "title", code: "missing_field")) }
        return NewIssue(title: title, body: try optionalString("body") ?? nil, labels: try labels() ?? [],
                        assignees: try assignees() ?? [])
    }

    func changes() throws(Failure) -> IssueChanges {
        var changes = IssueChanges()
        changes.title = try title()
        if fields["body"] != nil { changes.body = try optionalString("body") }
        if let state = fields["state"] {
            guard let text = state as? String, let value = GitHubStore.IssueState(rawValue: text) else {
                throw .invalid(.init(field: "state", code: "invalid", value: "\(state)"))
            }
            changes.state = value
        }
        if fields["state_reason"] != nil {
            let reason = try optionalString("state_reason") ?? nil
            if let reason, !["completed", "not_planned", "reopened"].contains(reason) {
                throw .invalid(.init(field: "state_reason", code: "invalid", value: reason))
            }
            changes.stateReason = .some(reason)
        }
        changes.labels = try labels()
        changes.assignees = try assignees()
        return changes
    }

    /// A title must be a non-empty string (GitHub also takes a number).
    private func title() throws(Failure) -> String? {
        guard let value = fields["title"] else { return nil }
        if let number = JSONScalar.number(value) { return number.stringValue }
        guard let text = value as? String, !text.isEmpty else {
            throw .invalid(.init(field: "title", code: value is NSNull ? "missing_field" : "invalid"))
        }
        return text
    }

    /// nil when absent, `.some(nil)` for JSON null.
    private func optionalString(_ name: String) throws(Failure) -> String?? {
        guard let value = fields[name] else { return nil }
        if value is NSNull { return .some(nil) }
        guard let text = value as? String else { throw .invalid(.init(field: name, code: "invalid")) }
        return .some(text)
    }

    /// Names, or objects with a `name`, as GitHub accepts both.
    private func labels() throws(Failure) -> [String]? {
        guard let value = fields["labels"] else { return nil }
        guard let list = value as? [Any] else { throw .invalid(.init(field: "labels", code: "invalid")) }
        var names: [String] = []
        for entry in list {
            if let name = entry as? String {
                names.append(name)
            } else if let name = (entry as? [String: Any])?["name"] as? String {
                names.append(name)
            } else {
                throw .invalid(.init(resource: "Label", field: "name", code: "invalid"))
            }
        }
        return names
    }

    /// `assignees` (a list of logins) or the older single `assignee` (a login or null).
    private func assignees() throws(Failure) -> [String]? {
        if let value = fields["assignees"] {
            guard let list = value as? [String] else { throw .invalid(.init(field: "assignees", code: "invalid")) }
            return list
        }
        if let value = fields["assignee"] {
            if value is NSNull { return [] }
            guard let login = value as? String else { throw .invalid(.init(field: "assignee", code: "invalid")) }
            return [login]
        }
        return nil
    }
}
