import Foundation
import JSON

/// Reads an `IssueUpdateDetails` body (`fields`, `update`, `properties`) for a create or an edit, with Jira's
/// checks and wording. Every field problem is collected, as Jira reports them together in `errors`.
///
/// The admin API reads the same body more leniently: users it does not know (by `accountId` or `emailAddress`)
/// are added, as if they had joined the site.
struct JiraIssueInput {
    enum Mode {
        case create, edit, adminCreate, adminEdit

        var isCreate: Bool { self == .create || self == .adminCreate }
        var isAdmin: Bool { self == .adminCreate || self == .adminEdit }
    }

    let store: JiraStore
    let mode: Mode

    /// What the body sets, resolved against the store. Label edits are kept as operations until the current labels
    /// are known.
    struct Values {
        var project: Int?
        var issueTypeID: String?
        var summary: String?
        var description: String??
        var labels: [LabelOperation] = []
        var priorityID: String?
        var assigneeID: String??
        var reporterID: String??
        var parentID: Int??
        var properties: [String: String] = [:]
        /// Users the admin API introduced.
        var newUsers: [JiraStore.User] = []
    }

    enum LabelOperation {
        case set([String])
        case add(String)
        case remove(String)
    }

    static let cannotSet = "cannot be set. It is not on the appropriate screen, or unknown."

    // MARK: Whole bodies

    func read(_ body: JSONValue) throws(JiraError) -> Values {
        guard let members = body.object else { throw JiraErrors.invalidPayload }
        var values = Values()
        var problems: [(String, String)] = []
        let known: Set<String> = ["fields", "update", "properties", "historyMetadata", "transition"]
        for (name, _) in members where !known.contains(name) { throw JiraErrors.invalidPayload }
        if let transition = body["transition"], !transition.isNull {
            // Creating with a transition is possible on Jira; the simulator's workflows have no create transitions.
            throw JiraError.field("transition", "Transitions are not supported on create or edit here; use the transitions resource.")
        }

        let fields = body["fields"]?.object ?? [:]
        if let raw = body["fields"], !raw.isNull, raw.object == nil { throw JiraErrors.invalidPayload }
        for (name, value) in fields {
            if let problem = set(name, value, into: &values) { problems.append((name, problem)) }
        }

        if let update = body["update"], !update.isNull {
            guard let operations = update.object else { throw JiraErrors.invalidPayload }
            for (name, list) in operations {
                if fields.contains(where: { $0.0 == name }) {
                    problems.append((name, "Field '\(name)' cannot be set in both fields and update."))
                    continue
                }
                guard let steps = list.array else { throw JiraErrors.invalidPayload }
                for step in steps {
                    if let problem = apply(name, step, into: &values) {
                        problems.append((name, problem))
                        break
                    }
                }
            }
        }

        if let properties = body["properties"], !properties.isNull {
            guard let list = properties.array else { throw JiraErrors.invalidPayload }
            for property in list {
                guard let key = property["key"]?.string, !key.isEmpty, key.count <= 255 else {
                    throw JiraError.message("The property key must be a non-empty string of at most 255 characters.")
                }
                guard let value = property["value"] else { throw JiraError.message("The property '\(key)' needs a value.") }
                values.properties[key] = try Self.propertyValue(value, key: key)
            }
        }

        if mode.isCreate {
            if mode == .adminCreate, values.project == nil, !fields.contains(where: { $0.0 == "project" }), !store.projects.isEmpty {
                values.project = 0
            }
            if values.project == nil, !problems.contains(where: { $0.0 == "project" }) {
                problems.append(("project", "Specify a valid project ID or key"))
            }
            if values.summary == nil, !problems.contains(where: { $0.0 == "summary" }) {
                problems.append(("summary", "You must specify a summary of the issue."))
            }
            if values.issueTypeID == nil, mode == .create, !problems.contains(where: { $0.0 == "issuetype" }) {
                problems.append(("issuetype", "Specify an issue type"))
            }
        }
        guard problems.isEmpty else { throw JiraError(fields: Self.firstPerField(problems)) }
        return values
    }

    /// A property value as Jira stores it: any JSON but null, at most 32,768 bytes.
    static func propertyValue(_ value: JSONValue, key: String) throws(JiraError) -> String {
        guard !value.isNull else { throw JiraError.message("The property '\(key)' needs a value.") }
        let text = value.encodedString()
        guard text.utf8.count <= 32_768 else {
            throw JiraError.message("The property value is too long. The maximum allowed length is 32768 bytes.")
        }
        return text
    }

    // MARK: Fields

    /// Sets one field from `fields`; returns the problem, if any.
    private func set(_ name: String, _ value: JSONValue, into values: inout Values) -> String? {
        switch name {
        case "summary":
            guard let text = value.string else { return "Operation value must be a string" }
            if let problem = summaryProblem(text) { return problem }
            values.summary = text
            return nil
        case "description":
            guard let stored = description(value) else { return descriptionProblem(value) }
            values.description = .some(stored)
            return nil
        case "labels":
            guard let list = value.array else { return value.isNull ? set(name, .array([]), into: &values) : "Operation value must be an array" }
            var labels: [String] = []
            for item in list {
                guard let label = item.string else { return "Operation value must be a string" }
                if let problem = labelProblem(label) { return problem }
                labels.append(label)
            }
            values.labels = [.set(labels)]
            return nil
        case "priority":
            guard let priority = reference(value).flatMap(JiraCatalog.priority(named:)) else { return "The priority selected is invalid." }
            values.priorityID = priority.id
            return nil
        case "assignee", "reporter":
            switch user(value, into: &values.newUsers) {
            case .success(let accountID):
                if name == "assignee" { values.assigneeID = .some(accountID) } else { values.reporterID = .some(accountID) }
                return nil
            case .failure(let problem):
                return problem.message
            }
        case "issuetype":
            guard let type = reference(value).flatMap(JiraCatalog.issueType(named:)) else { return "The issue type selected is invalid." }
            values.issueTypeID = type.id
            return nil
        case "project" where mode.isCreate:
            guard let text = reference(value, keys: ["key", "id"]), let index = store.projectIndex(idOrKey: text) else {
                return "Specify a valid project ID or key"
            }
            values.project = index
            return nil
        case "parent":
            if value.isNull {
                values.parentID = .some(nil)
                return nil
            }
            guard let text = reference(value, keys: ["key", "id"]), let location = store.locate(text) else {
                return "Could not find issue by id or key."
            }
            values.parentID = .some(store[location].id)
            return nil
        default:
            return "Field '\(name)' \(Self.cannotSet)"
        }
    }

    /// One operation of `update`: `set`, and for labels `add` and `remove`; parent `{"set": {"none": true}}` removes it.
    private func apply(_ name: String, _ step: JSONValue, into values: inout Values) -> String? {
        guard let members = step.object, members.count == 1, let (verb, argument) = members.first else {
            return "Operation must have exactly one of set, add, remove, edit."
        }
        switch (name, verb) {
        case ("labels", "add"), ("labels", "remove"):
            guard let label = argument.string else { return "Operation value must be a string" }
            if let problem = labelProblem(label) { return problem }
            values.labels.append(verb == "add" ? .add(label) : .remove(label))
            return nil
        case ("parent", "set") where argument["none"]?.bool == true:
            values.parentID = .some(nil)
            return nil
        case (_, "set"):
            return set(name, argument, into: &values)
        default:
            guard ["summary", "description", "labels", "priority", "assignee", "reporter", "issuetype", "parent"].contains(name) else {
                return "Field '\(name)' \(Self.cannotSet)"
            }
            return "Field '\(name)' does not support the '\(verb)' operation."
        }
    }

    private func summaryProblem(_ text: String) -> String? {
        if text.trimmingCharacters(in: .whitespaces).isEmpty { return "You must specify a summary of the issue." }
        if text.contains(where: \.isNewline) { return "The summary is invalid because it contains newline characters." }
        if text.count > 255 { return "Summary must be less than 255 characters." }
        return nil
    }

    private func labelProblem(_ label: String) -> String? {
        if label.isEmpty { return "The label must not be empty." }
        if label.contains(where: \.isWhitespace) { return "The label '\(label)' contains spaces which is invalid." }
        if label.count > 255 { return "The label '\(label)' exceeds the 255 character limit." }
        return nil
    }

    /// The stored form (compact JSON) of a valid document; `.some(nil)` for null; nil when invalid.
    private func description(_ value: JSONValue) -> String?? {
        if value.isNull { return .some(nil) }
        guard (try? ADFValidator.validate(value)) != nil else { return nil }
        return .some(value.encodedString())
    }

    private func descriptionProblem(_ value: JSONValue) -> String {
        let lead = "Operation value must be an Atlassian Document (see the Atlassian Document Format)"
        guard value.object != nil else { return lead }
        do {
            try ADFValidator.validate(value)
            return lead
        } catch {
            return "\(lead): \(error.description)"
        }
    }

    /// `{"name": …}` or `{"id": …}` (ids as strings or numbers) → the text.
    private func reference(_ value: JSONValue, keys: [String] = ["id", "name"]) -> String? {
        for key in keys {
            if let text = value[key]?.string { return text }
            if let number = value[key]?.int { return String(number) }
        }
        return nil
    }

    private struct UserProblem: Error { var message: String }

    /// `{"accountId": …}`; null, `{"accountId": null}` and `{"accountId": "-1"}` unassign. The admin API also takes
    /// `{"emailAddress": …}` and adds users it does not know.
    private func user(_ value: JSONValue, into newUsers: inout [JiraStore.User]) -> Result<String?, UserProblem> {
        if value.isNull || value["accountId"]?.isNull == true { return .success(nil) }
        if let accountID = value["accountId"]?.string {
            if accountID == "-1" { return .success(nil) }
            if store.user(accountID) != nil || newUsers.contains(where: { $0.accountId == accountID }) { return .success(accountID) }
            guard mode.isAdmin else { return .failure(UserProblem(message: "The user with account ID '\(accountID)' does not exist.")) }
            let name = value["displayName"]?.string ?? accountID
            newUsers.append(JiraStore.User(accountId: accountID, displayName: name,
                                           emailAddress: value["emailAddress"]?.string ?? "\(accountID)@example.com"))
            return .success(accountID)
        }
        if mode.isAdmin, let email = value["emailAddress"]?.string {
            if let known = store.users.first(where: { $0.emailAddress.caseInsensitiveCompare(email) == .orderedSame }) ?? newUsers.first(where: {
                $0.emailAddress.caseInsensitiveCompare(email) == .orderedSame
            }) {
                return .success(known.accountId)
            }
            let accountID = "712020:sim-\(store.users.count + newUsers.count + 1)"
            let local = email.split(separator: "@").first.map(String.init) ?? email
            newUsers.append(JiraStore.User(accountId: accountID, displayName: value["displayName"]?.string ?? local,
                                           emailAddress: email))
            return .success(accountID)
        }
        return .failure(UserProblem(message: "Specify the user by accountId."))
    }

    private static func firstPerField(_ problems: [(String, String)]) -> [(String, String)] {
        var seen = Set<String>()
        return problems.filter { seen.insert($0.0).inserted }
    }

    // MARK: Checks against the issue's place

    /// The parent must sit one level above the child: a sub-task under a standard issue, a standard issue under
    /// an epic; an epic has no parent.
    func parentProblem(child typeID: String, parentID: Int?, childID: Int?) -> String? {
        guard let parentID else {
            return JiraCatalog.issueType(id: typeID)?.isSubtask == true ? "A sub-task needs a parent issue." : nil
        }
        guard parentID != childID, let location = store.locate(id: parentID),
              let parentType = JiraCatalog.issueType(id: store[location].issueTypeID),
              let childType = JiraCatalog.issueType(id: typeID), parentType.hierarchyLevel == childType.hierarchyLevel + 1 else {
            return "Given parent work item does not belong to appropriate hierarchy."
        }
        return nil
    }

    static func labels(_ operations: [LabelOperation], current: [String]) -> [String]? {
        guard !operations.isEmpty else { return nil }
        var labels = current
        for operation in operations {
            switch operation {
            case .set(let list): labels = list
            case .add(let label): if !labels.contains(label) { labels.append(label) }
            case .remove(let label): labels.removeAll { $0 == label }
            }
        }
        return labels
    }
}
