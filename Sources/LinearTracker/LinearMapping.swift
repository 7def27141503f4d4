import Foundation
import Trackers

/// How work-item fields become Linear's and back, with defaults that need no configuration. Tables in the
/// configuration override entries by local value: `linear.status_map.<status>` (a workflow state name),
/// `linear.priority_map.<priority>` (urgent, high, medium, low, none, or 0–4), `linear.kind_map.<kind>` (a label).
struct LinearMapping: Sendable {
    /// Linear's workflow state types, in the order a team's board shows them.
    enum StateType: String, Sendable, CaseIterable {
        case triage, backlog, unstarted, started, completed, canceled

        var isClosed: Bool { self == .completed || self == .canceled }
    }

    private var stateNames: [String: String]
    private var priorities: [String: Int]
    private var kindLabels: [String: String]
    /// State name (lower-cased) → local status, from the user's table.
    private var statusFromState: [String: String] = [:]
    private var priorityFromNumber: [Int: String] = [:]
    private var kindFromLabel: [String: String] = [:]
    /// Entries of `linear.priority_map` that are neither a name nor 0–4.
    private(set) var invalidPriorities: [String] = []

    init(statusMap: [String: String], priorityMap: [String: String], kindMap: [String: String]) {
        stateNames = ["draft": "Backlog", "backlog": "Backlog", "triage": "Triage", "ready": "Todo", "todo": "Todo",
                      "in-progress": "In Progress", "review": "In Review", "in-review": "In Review", "done": "Done",
                      "abandoned": "Canceled", "canceled": "Canceled", "cancelled": "Canceled", "duplicate": "Duplicate"]
        priorities = ["urgent": 1, "critical": 1, "highest": 1, "high": 2, "medium": 3, "low": 4, "lowest": 4, "none": 0]
        kindLabels = ["bug": "Bug", "story": "Feature", "feature": "Feature", "task": "Improvement", "improvement": "Improvement"]
        for (local, name) in statusMap {
            stateNames[local.lowercased()] = name
            statusFromState[name.lowercased()] = local.lowercased()
        }
        for (local, value) in priorityMap {
            guard let number = Self.priorityNumber(value) else {
                invalidPriorities.append(local)
                continue
            }
            priorities[local.lowercased()] = number
            priorityFromNumber[number] = local.lowercased()
        }
        for (local, label) in kindMap {
            kindLabels[local.lowercased()] = label
            kindFromLabel[label.lowercased()] = local.lowercased()
        }
    }

    init(settings: TrackerSettings) {
        self.init(statusMap: settings.mapping("linear.status_map"), priorityMap: settings.mapping("linear.priority_map"),
                  kindMap: settings.mapping("linear.kind_map"))
    }

    static func priorityNumber(_ value: String) -> Int? {
        let lower = value.trimmingCharacters(in: .whitespaces).lowercased()
        if let number = Int(lower), (0...4).contains(number) { return number }
        return ["none": 0, "no priority": 0, "urgent": 1, "high": 2, "medium": 3, "low": 4][lower]
    }

    // MARK: Status

    /// The workflow state name a local status asks for; an unknown local status is taken as a state name.
    func stateName(for local: String) -> String { stateNames[local.lowercased()] ?? local }

    /// The state type to fall back on when the team has no state of the wanted name.
    func stateType(for local: String) -> StateType {
        switch stateName(for: local).lowercased() {
        case "triage": return .triage
        case "backlog": return .backlog
        case "todo": return .unstarted
        case "done": return .completed
        case "canceled", "cancelled", "duplicate": return .canceled
        case "in progress", "in review": return .started
        default:
            switch local.lowercased() {
            case "draft", "backlog": return .backlog
            case "ready", "todo": return .unstarted
            case "done": return .completed
            case "abandoned", "canceled", "cancelled": return .canceled
            default: return .started
            }
        }
    }

    /// A state's local status: the user's table, then the default names, then its type.
    func localStatus(stateName: String, type: String?) -> String {
        let lower = stateName.lowercased()
        if let mapped = statusFromState[lower] { return mapped }
        switch lower {
        case "backlog": return "draft"
        case "todo": return "ready"
        case "in progress": return "in-progress"
        case "in review": return "review"
        case "done": return "done"
        case "canceled", "cancelled", "duplicate": return "abandoned"
        default: break
        }
        switch type.flatMap(StateType.init(rawValue:)) {
        case .triage?, .backlog?: return "draft"
        case .unstarted?: return "ready"
        case .started?: return "in-progress"
        case .completed?: return "done"
        case .canceled?: return "abandoned"
        case nil: return Self.slug(stateName)
        }
    }

    // MARK: Priority

    /// Linear's 0–4 for a local priority; nil when it has none (then a notice says how to map it).
    func priority(for local: String) -> Int? { priorities[local.lowercased()] }

    /// 0 is "no priority": no local value.
    func localPriority(_ number: Int) -> String? {
        if let mapped = priorityFromNumber[number] { return mapped }
        return [1: "urgent", 2: "high", 3: "medium", 4: "low"][number]
    }

    // MARK: Kind

    /// The label that carries a local kind; nil when the kind has none (epic, spike: configure `linear.kind_map`).
    func kindLabel(for kind: String) -> String? { kindLabels[kind.lowercased()] }

    /// Every label name that stands for a kind, lower-cased, in a fixed order (the first one an issue carries wins).
    var kindLabelNames: [String] {
        var seen = Set<String>()
        return kindLabels.sorted { $0.key < $1.key }.map { $0.value.lowercased() }.filter { seen.insert($0).inserted }
    }

    /// The kind a label stands for; nil for an ordinary label (a tag).
    func kind(forLabel name: String) -> String? {
        let lower = name.lowercased()
        if let mapped = kindFromLabel[lower] { return mapped }
        switch lower {
        case "bug": return "bug"
        case "feature": return "story"
        case "improvement": return "task"
        default:
            return kindLabels.filter { $0.value.lowercased() == lower }.map(\.key).sorted().first
        }
    }

    static func slug(_ s: String) -> String {
        s.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).joined(separator: "-")
    }
}
