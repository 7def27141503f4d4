/// Status ↔ list. A card's list is its state, so a local status names a list by name (case and punctuation aside),
/// looked up in the order below, and a list name reads back as a local status. `trello.status_map.<status>: <list>`
/// replaces the defaults for that status (and reads that list back as that status).
struct TrelloStatusLists: Sendable {
    /// Lists a status may live in, most specific first: a board with only "To Do", "Doing" and "Done" still takes
    /// `draft` (into To Do) and `review` stays an error until there is a list for it.
    static let defaultLists: [String: [String]] = [
        "draft": ["Backlog", "Draft", "Ideas", "Icebox", "To Do", "Todo"],
        "backlog": ["Backlog", "To Do", "Todo"],
        "ready": ["To Do", "Todo", "Ready", "Up Next", "Next", "Backlog"],
        "todo": ["To Do", "Todo", "Ready", "Backlog"],
        "in-progress": ["Doing", "In Progress", "WIP", "Working"],
        "review": ["Review", "In Review", "Code Review"],
        "in-review": ["Review", "In Review", "Code Review"],
        "done": ["Done", "Complete", "Completed", "Shipped", "Finished"],
        "abandoned": ["Won't Do", "Wont Do", "Abandoned", "Cancelled", "Canceled", "Rejected"],
    ]

    /// List name (folded) → local status, for lists the user's table does not name.
    static let defaultStatuses: [String: String] = {
        var out: [String: String] = [:]
        for name in ["backlog", "draft", "ideas", "icebox"] { out[name] = "draft" }
        for name in ["to do", "todo", "ready", "up next", "next"] { out[name] = "ready" }
        for name in ["doing", "in progress", "wip", "working"] { out[name] = "in-progress" }
        for name in ["review", "in review", "code review"] { out[name] = "review" }
        for name in ["done", "complete", "completed", "shipped", "finished"] { out[name] = "done" }
        for name in ["won't do", "wont do", "abandoned", "cancelled", "canceled", "rejected"] { out[name] = "abandoned" }
        return out
    }()

    /// The name a list gets when `trello.create_lists` makes one.
    static let newListNames: [String: String] = [
        "draft": "Backlog", "backlog": "Backlog", "ready": "To Do", "todo": "To Do", "in-progress": "Doing",
        "review": "Review", "in-review": "Review", "done": "Done", "abandoned": "Won't Do",
    ]

    /// Local status (lower-cased) → list name, from `trello.status_map`.
    private let mapped: [String: String]
    /// Folded list name → local status, the user's table read backwards.
    private let mappedBack: [String: String]

    init(statusMap: [String: String]) {
        var mapped: [String: String] = [:], back: [String: String] = [:]
        for (status, list) in statusMap.sorted(by: { $0.key < $1.key }) {
            let name = list.trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else { continue }
            mapped[status.lowercased()] = name
            if back[Self.fold(name)] == nil { back[Self.fold(name)] = status.lowercased() }
        }
        self.mapped = mapped
        mappedBack = back
    }

    /// The names looked for, in order, for `status`.
    func candidates(for status: String) -> [String] {
        let key = status.trimmingCharacters(in: .whitespaces).lowercased()
        if let name = mapped[key] { return [name] }
        return (Self.defaultLists[key] ?? []) + [status.trimmingCharacters(in: .whitespaces)]
    }

    /// The open list `status` goes to on a board with `lists`; nil when the board has none of its names.
    func list(for status: String, in lists: [TrelloList]) -> TrelloList? {
        let open = Self.open(lists)
        for name in candidates(for: status) {
            if let list = open.first(where: { Self.fold($0.name) == Self.fold(name) }) { return list }
        }
        return nil
    }

    /// The name a created list gets for `status`.
    func newListName(for status: String) -> String {
        let key = status.trimmingCharacters(in: .whitespaces).lowercased()
        return mapped[key] ?? Self.newListNames[key] ?? status.trimmingCharacters(in: .whitespaces)
    }

    /// The local status of a card in a list named `listName`: the user's table, the default names, else the name
    /// as a status (`Blocked` → `blocked`, `Ready for QA` → `ready-for-qa`).
    func status(ofList listName: String) -> String {
        let folded = Self.fold(listName)
        return mappedBack[folded] ?? Self.defaultStatuses[folded] ?? Self.slug(listName)
    }

    /// Open lists, left to right.
    static func open(_ lists: [TrelloList]) -> [TrelloList] {
        lists.filter { !$0.closed }.sorted { $0.pos < $1.pos }
    }

    /// Case, surrounding space and runs of space or `-`/`_` do not tell list names apart ("In-Progress", "in progress").
    static func fold(_ name: String) -> String {
        name.lowercased().split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "_" || $0 == "\t" }).joined(separator: " ")
    }

    static func slug(_ text: String) -> String {
        let slug = text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "'") })
            .joined(separator: "-").replacingOccurrences(of: "'", with: "")
        return slug.isEmpty ? "unknown" : slug
    }
}
