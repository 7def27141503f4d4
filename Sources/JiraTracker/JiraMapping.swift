import Foundation
import Trackers
import WorkItems

/// How work-item fields become Jira fields and back, with defaults that need no configuration. Tables in the
/// configuration override entries by local value: `jira.status_map.<status>` (a Jira status name),
/// `jira.priority_map.<priority>` (a priority name), `jira.kind_map.<kind>` (an issue type name).
struct JiraMapping: Sendable {
    enum Category: String, Sendable { case new, indeterminate, done }

    private var statusNames: [String: String]
    private var priorityNames: [String: String]
    private var issueTypes: [String: String]
    /// Jira status name (lower-cased) → local status, from the user's table.
    private var statusFromJira: [String: String]
    private var priorityFromJira: [String: String]
    private var kindFromJira: [String: String]

    init(statusMap: [String: String], priorityMap: [String: String], kindMap: [String: String]) {
        statusNames = ["draft": "To Do", "ready": "To Do", "todo": "To Do", "backlog": "To Do", "in-progress": "In Progress",
                       "review": "In Review", "in-review": "In Review", "done": "Done", "abandoned": "Won't Do"]
        priorityNames = ["highest": "Highest", "critical": "Highest", "urgent": "Highest", "high": "High",
                         "medium": "Medium", "low": "Low", "lowest": "Lowest"]
        issueTypes = ["story": "Story", "bug": "Bug", "task": "Task", "epic": "Epic", "spike": "Task", "subtask": "Sub-task"]
        statusFromJira = [:]
        priorityFromJira = [:]
        kindFromJira = [:]
        for (local, name) in statusMap { statusNames[local.lowercased()] = name; statusFromJira[name.lowercased()] = local.lowercased() }
        for (local, name) in priorityMap { priorityNames[local.lowercased()] = name; priorityFromJira[name.lowercased()] = local.lowercased() }
        for (local, name) in kindMap { issueTypes[local.lowercased()] = name; kindFromJira[name.lowercased()] = local.lowercased() }
    }

    init(settings: TrackerSettings) {
        self.init(statusMap: settings.mapping("jira.status_map"), priorityMap: settings.mapping("jira.priority_map"),
                  kindMap: settings.mapping("jira.kind_map"))
    }

    // MARK: Local → Jira

    /// The Jira status a local status asks for; unknown local statuses are taken as Jira status names.
    func jiraStatus(for local: String) -> String {
        statusNames[local.lowercased()] ?? local
    }

    /// The status category to fall back on when the workflow has no status of the wanted name.
    func category(for local: String) -> Category {
        switch jiraStatus(for: local).lowercased() {
        case "to do", "open", "backlog", "new", "selected for development": return .new
        case "done", "closed", "resolved", "won't do", "cancelled", "canceled": return .done
        default:
            return ["done", "abandoned", "closed", "cancelled"].contains(local.lowercased()) ? .done : .indeterminate
        }
    }

    func priorityName(for local: String) -> String? { priorityNames[local.lowercased()] }

    func issueType(for kind: String?) -> String { kind.flatMap { issueTypes[$0.lowercased()] } ?? "Task" }

    /// Jira labels cannot hold spaces: runs of white space become `-`.
    static func label(for tag: String) -> String {
        tag.split(whereSeparator: { $0.isWhitespace }).joined(separator: "-")
    }

    // MARK: Jira → local

    func localStatus(jiraName: String, category: Category?) -> String {
        let lower = jiraName.lowercased()
        if let mapped = statusFromJira[lower] { return mapped }
        switch lower {
        case "to do", "open", "backlog", "new": return "ready"
        case "in progress": return "in-progress"
        case "in review", "review": return "review"
        case "done", "closed", "resolved": return "done"
        case "won't do", "cancelled", "canceled": return "abandoned"
        default: break
        }
        switch category {
        case .new?: return "ready"
        case .done?: return "done"
        case .indeterminate?: return "in-progress"
        case nil: return Self.slug(jiraName)
        }
    }

    func localPriority(jiraName: String) -> String {
        let lower = jiraName.lowercased()
        if let mapped = priorityFromJira[lower] { return mapped }
        switch lower {
        case "highest", "high", "critical", "blocker": return "high"
        case "lowest", "low", "trivial", "minor": return "low"
        case "medium", "major": return "medium"
        default: return Self.slug(jiraName)
        }
    }

    func localKind(issueType: String) -> String {
        let lower = issueType.lowercased()
        if let mapped = kindFromJira[lower] { return mapped }
        switch lower {
        case "story", "bug", "task", "epic": return lower
        case "sub-task", "subtask": return "task"
        default: return Self.slug(issueType)
        }
    }

    /// The local value after a round trip through Jira: what a pull of the pushed value gives back.
    func representableStatus(_ local: String) -> String {
        let name = jiraStatus(for: local)
        let known = statusNames.values.contains { $0.lowercased() == name.lowercased() }
        return localStatus(jiraName: name, category: known ? nil : category(for: local))
    }

    func representablePriority(_ local: String) -> String? {
        priorityName(for: local).map(localPriority(jiraName:))
    }

    func representableKind(_ local: String?) -> String { localKind(issueType: issueType(for: local)) }

    static func slug(_ s: String) -> String {
        s.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).joined(separator: "-")
    }
}
