import Trackers
import WorkItems

/// How a card and a work item's fields correspond, given the board they live on: title ↔ name, description ↔ desc
/// (markdown both ways), status ↔ list, priority/kind/tags ↔ labels, assignee ↔ the card's first member, by username.
/// Trello has no parent.
struct TrelloMapping: Sendable {
    let statuses: TrelloStatusLists
    let labels: TrelloLabelNames
    /// `trello.create_lists: true`: a status with no list gets one instead of failing the item.
    let createLists: Bool

    init(statuses: TrelloStatusLists, labels: TrelloLabelNames, createLists: Bool) {
        self.statuses = statuses
        self.labels = labels
        self.createLists = createLists
    }

    init(settings: TrackerSettings) {
        self.init(statuses: TrelloStatusLists(statusMap: settings.mapping("trello.status_map")),
                  labels: TrelloLabelNames(priorityLabels: settings.mapping("trello.priority_labels"),
                                           kindLabels: settings.mapping("trello.kind_labels"),
                                           scope: settings.value("work.default_project_code")),
                  createLists: ["true", "yes", "on", "1"].contains(settings.value("trello.create_lists")?.lowercased() ?? ""))
    }

    // MARK: Card → work item

    func content(of card: TrelloCard, on board: TrelloBoard) -> WorkItemContent {
        var content = WorkItemContent(title: card.name, description: TrelloCreateMarker.strip(from: card.desc))
        if let list = board.lists.first(where: { $0.id == card.idList }) { content.status = statuses.status(ofList: list.name) }
        var tags: [String] = []
        for id in card.idLabels {
            switch labels.meaning(of: board.labels.first(where: { $0.id == id })?.name) {
            case .priority(let value)?: content.priority = content.priority ?? value
            case .kind(let value)?: content.kind = content.kind ?? value
            case .tag(let name)?: if !tags.contains(where: { TrelloLabelNames.fold($0) == TrelloLabelNames.fold(name) }) { tags.append(name) }
            case .scope?, nil: break
            }
        }
        content.tags = tags
        content.assignee = card.idMembers.lazy.compactMap { id in board.members.first { $0.id == id }?.username }.first
        return content
    }

    /// Whether the card carries the scope label.
    func isInScope(_ card: TrelloCard, on board: TrelloBoard) -> Bool {
        card.idLabels.contains { id in labels.meaning(of: board.labels.first { $0.id == id }?.name) == .scope }
    }

    // MARK: Work item → what the card should carry

    /// Label names `content` asks for: its tags, then its priority's and kind's labels; names that mean something
    /// else (a tag spelled like the scope or a priority label) are left out, as a round trip would lose them.
    func labelNames(for content: WorkItemContent) -> [(name: String, meaning: TrelloLabelNames.Meaning)] {
        var out: [(String, TrelloLabelNames.Meaning)] = []
        func add(_ name: String, _ meaning: TrelloLabelNames.Meaning) {
            guard !out.contains(where: { TrelloLabelNames.fold($0.0) == TrelloLabelNames.fold(name) }) else { return }
            out.append((name, meaning))
        }
        for tag in content.tags {
            let name = tag.trimmingCharacters(in: .whitespaces)
            if case .tag? = labels.meaning(of: name) { add(name, .tag(name)) }
        }
        if let priority = content.priority?.trimmingCharacters(in: .whitespaces), !priority.isEmpty {
            add(labels.label(forPriority: priority), .priority(priority.lowercased()))
        }
        if let kind = content.kind?.trimmingCharacters(in: .whitespaces), !kind.isEmpty {
            add(labels.label(forKind: kind), .kind(kind.lowercased()))
        }
        return out
    }

    /// A board member by username (with or without `@`) or full name, ignoring case.
    static func member(named name: String, in members: [TrelloMember]) -> TrelloMember? {
        let wanted = name.trimmingCharacters(in: .whitespaces).lowercased()
        let username = wanted.hasPrefix("@") ? String(wanted.dropFirst()) : wanted
        return members.first { $0.username.lowercased() == username } ?? members.first { $0.fullName?.lowercased() == wanted }
    }

    // MARK: Round trip

    /// `content` as a push and a pull through this board would give it back: statuses through their lists, labels
    /// spelled as the board spells them, the assignee as a username, no parent.
    func representable(_ content: WorkItemContent, on board: TrelloBoard?) -> WorkItemContent {
        var out = content
        out.parent = nil
        guard let board else { return out }
        out.status = representableStatus(content.status, on: board)
        var tags: [String] = []
        out.priority = nil
        out.kind = nil
        for wanted in labelNames(for: content) {
            let spelled = board.labels.first { TrelloLabelNames.fold($0.name ?? "") == TrelloLabelNames.fold(wanted.name) }?.name ?? wanted.name
            switch labels.meaning(of: spelled) {
            case .priority(let value)?: out.priority = out.priority ?? value
            case .kind(let value)?: out.kind = out.kind ?? value
            case .tag(let tag)?: tags.append(tag)
            case .scope?, nil: break
            }
        }
        out.tags = tags
        out.assignee = content.assignee.map { Self.member(named: $0, in: board.members)?.username ?? $0 }
        return out
    }

    private func representableStatus(_ status: String?, on board: TrelloBoard) -> String? {
        guard let status = status?.trimmingCharacters(in: .whitespaces), !status.isEmpty else {
            return TrelloStatusLists.open(board.lists).first.map { statuses.status(ofList: $0.name) }
        }
        if let list = statuses.list(for: status, in: board.lists) { return statuses.status(ofList: list.name) }
        return createLists ? statuses.status(ofList: statuses.newListName(for: status)) : status
    }
}
