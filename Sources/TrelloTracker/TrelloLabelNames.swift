/// Priority, kind, scope and tags ↔ board labels. Trello has no priority or type: they are labels named
/// `priority: high` and `kind: bug` unless `trello.priority_labels.<priority>` / `trello.kind_labels.<kind>` name
/// others; the label `work.default_project_code` names marks the cards this repository owns and is no tag; every
/// other named label is a tag. Names compare without regard to case.
struct TrelloLabelNames: Sendable {
    enum Meaning: Equatable, Sendable {
        case priority(String)
        case kind(String)
        case scope
        case tag(String)
    }

    private let priorityNames: [String: String]
    private let kindNames: [String: String]
    /// Folded label name → meaning, for the user's tables.
    private let mappedBack: [String: Meaning]
    let scope: String?

    init(priorityLabels: [String: String], kindLabels: [String: String], scope: String?) {
        var priorities: [String: String] = [:], kinds: [String: String] = [:], back: [String: Meaning] = [:]
        for (priority, name) in priorityLabels.sorted(by: { $0.key < $1.key }) where !name.trimmingCharacters(in: .whitespaces).isEmpty {
            priorities[priority.lowercased()] = name.trimmingCharacters(in: .whitespaces)
            back[Self.fold(name)] = back[Self.fold(name)] ?? .priority(priority.lowercased())
        }
        for (kind, name) in kindLabels.sorted(by: { $0.key < $1.key }) where !name.trimmingCharacters(in: .whitespaces).isEmpty {
            kinds[kind.lowercased()] = name.trimmingCharacters(in: .whitespaces)
            back[Self.fold(name)] = back[Self.fold(name)] ?? .kind(kind.lowercased())
        }
        priorityNames = priorities
        kindNames = kinds
        mappedBack = back
        self.scope = scope.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0.trimmingCharacters(in: .whitespaces) }
    }

    func label(forPriority priority: String) -> String {
        priorityNames[priority.lowercased()] ?? "priority: \(priority.lowercased())"
    }

    func label(forKind kind: String) -> String {
        kindNames[kind.lowercased()] ?? "kind: \(kind.lowercased())"
    }

    /// What a label named `name` stands for; nil for a nameless label.
    func meaning(of name: String?) -> Meaning? {
        guard let name = name?.trimmingCharacters(in: .whitespaces), !name.isEmpty else { return nil }
        let folded = Self.fold(name)
        if let scope, folded == Self.fold(scope) { return .scope }
        if let mapped = mappedBack[folded] { return mapped }
        if let value = Self.value(of: folded, prefix: "priority:") { return .priority(value) }
        if let value = Self.value(of: folded, prefix: "kind:") { return .kind(value) }
        return .tag(name)
    }

    /// `priority: high` → `high`.
    private static func value(of folded: String, prefix: String) -> String? {
        guard folded.hasPrefix(prefix) else { return nil }
        let value = folded.dropFirst(prefix.count).trimmingCharacters(in: .whitespaces)
        return value.isEmpty ? nil : value
    }

    static func fold(_ name: String) -> String {
        name.trimmingCharacters(in: .whitespaces).lowercased()
    }

    /// The colour a label this tool creates gets: red/orange/yellow for high/medium/low priorities, purple for kinds,
    /// blue for the scope, and a colour picked from the name for tags (stable from run to run).
    static func color(for meaning: Meaning) -> String {
        switch meaning {
        case .priority(let value): return ["high": "red", "medium": "orange", "low": "yellow"][value] ?? "black"
        case .kind: return "purple"
        case .scope: return "blue"
        case .tag(let name):
            let palette = ["green", "yellow", "orange", "red", "purple", "blue", "sky", "lime", "pink", "black"]
            let sum = fold(name).unicodeScalars.reduce(0) { ($0 &* 31 &+ Int($1.value)) & 0xFFFF }
            return palette[sum % palette.count]
        }
    }
}
