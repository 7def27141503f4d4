import Foundation
import JSON

/// `/1/boards/{id}` and what hangs off it: lists, labels, members, cards (paged by id with `limit`/`before`/`since`)
/// and actions (paged by date or id, newest first).
extension TrelloSimulator {
    func boards(_ call: TrelloCall) throws(TrelloFailure) -> SimResponse {
        guard let reference = call.part(1) else { throw TrelloErrors.noRoute }
        let index = try board(reference)
        let board = store.boards[index]
        switch (call.method, call.part(2), call.part(3)) {
        case ("GET", nil, nil): return boardAnswer(board, call)
        case ("GET", "lists", let filter): return boardLists(board, filter: filter ?? call.parameters.text("filter"), call)
        case ("POST", "lists", nil): return try createList(boardID: board.id, call)
        case ("GET", "labels", nil): return boardLabels(board, call)
        case ("POST", "labels", nil): return try createLabel(boardID: board.id, call)
        case ("GET", "members", nil): return boardMembers(board, fields: TrelloFieldSelection(call.parameters.text("fields"), default: TrelloRenderer.defaultMemberFields), site: call.site)
        case ("GET", "cards", let filter): return try boardCards(board, filter: filter ?? "visible", call)
        case ("GET", "actions", nil): return try boardActions(board, call)
        default: throw TrelloErrors.noRoute
        }
    }

    /// The board with the nested resources asked for (`lists`, `labels`, `members`, `cards`).
    private func boardAnswer(_ board: TrelloStore.Board, _ call: TrelloCall) -> SimResponse {
        let p = call.parameters
        let renderer = renderer(call.site)
        let fields = TrelloFieldSelection(p.text("fields"), default: TrelloRenderer.defaultBoardFields)
        let lists = listsMatching(board, filter: p.text("lists") ?? "none")
        let listFields = TrelloFieldSelection(p.text("list_fields"))
        let labels = ["all"].contains(p.text("labels") ?? "none")
            ? Array(store.labels(on: board.id).prefix(Int(p.text("labels_limit") ?? "") ?? 50)) : nil
        let labelFields = TrelloFieldSelection(p.text("label_fields"))
        let members = ["all", "normal", "admins", "owners"].contains(p.text("members") ?? "none") ? boardMemberList(board) : nil
        let memberFields = TrelloFieldSelection(p.text("member_fields"), default: TrelloRenderer.defaultMemberFields)
        let cards = cardsMatching(board, filter: p.text("cards") ?? "none")
        let cardFields = TrelloFieldSelection(p.text("card_fields"))
        let labelIndex = Dictionary(store.labels(on: board.id).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        return Self.json { json in
            renderer.board(board, fields: fields, to: &json) { json in
                if let lists {
                    json.key("lists")
                    json.array { json in for list in lists { renderer.list(list, fields: listFields, to: &json) } }
                }
                if let labels {
                    json.key("labels")
                    json.array { json in for label in labels { renderer.label(label, fields: labelFields, to: &json) } }
                }
                if let members {
                    json.key("members")
                    json.array { json in for member in members { renderer.member(member, fields: memberFields, to: &json) } }
                }
                if let cards {
                    json.key("cards")
                    json.array { json in for card in cards { renderer.card(card, fields: cardFields, labels: labelIndex, to: &json) } }
                }
            }
        }
    }

    private func listsMatching(_ board: TrelloStore.Board, filter: String) -> [TrelloStore.List]? {
        let lists = store.lists(on: board.id)
        switch filter {
        case "all": return lists
        case "open": return lists.filter { !$0.closed }
        case "closed": return lists.filter(\.closed)
        default: return nil
        }
    }

    private func boardLists(_ board: TrelloStore.Board, filter: String?, _ call: TrelloCall) -> SimResponse {
        let renderer = renderer(call.site)
        let lists = listsMatching(board, filter: filter ?? "open") ?? []
        let fields = TrelloFieldSelection(call.parameters.text("fields"))
        return Self.json { json in json.array { json in for list in lists { renderer.list(list, fields: fields, to: &json) } } }
    }

    private func boardLabels(_ board: TrelloStore.Board, _ call: TrelloCall) -> SimResponse {
        let renderer = renderer(call.site)
        let limit = Int(call.parameters.text("limit") ?? "") ?? 50
        let labels = store.labels(on: board.id).prefix(max(0, min(limit, 1000)))
        let fields = TrelloFieldSelection(call.parameters.text("fields"))
        return Self.json { json in json.array { json in for label in labels { renderer.label(label, fields: fields, to: &json) } } }
    }

    func boardMemberList(_ board: TrelloStore.Board) -> [TrelloStore.Member] {
        board.memberIDs.compactMap { store.member($0) }
    }

    private func boardMembers(_ board: TrelloStore.Board, fields: TrelloFieldSelection, site: String) -> SimResponse {
        let renderer = renderer(site)
        let members = boardMemberList(board)
        return Self.json { json in json.array { json in for member in members { renderer.member(member, fields: fields, to: &json) } } }
    }

    private func cardsMatching(_ board: TrelloStore.Board, filter: String) -> [TrelloStore.Card]? {
        let closedLists = Set(store.lists(on: board.id).filter(\.closed).map(\.id))
        let cards = store.cards(on: board.id)
        switch filter {
        case "all": return cards
        case "closed": return cards.filter(\.closed)
        case "open", "visible": return cards.filter { !$0.closed && !closedLists.contains($0.listID) }
        default: return nil
        }
    }

    /// Without `limit`, every matching card in board order (list by list, top to bottom). With `limit` (at most
    /// 1000), the newest cards created before `before` and after `since` (ids or dates), newest first.
    private func boardCards(_ board: TrelloStore.Board, filter: String, _ call: TrelloCall) throws(TrelloFailure) -> SimResponse {
        guard var cards = cardsMatching(board, filter: filter) else { throw TrelloErrors.invalidValue("filter") }
        let p = call.parameters
        if let limitText = p.text("limit") {
            guard let limit = Int(limitText), (0...1000).contains(limit) else { throw TrelloErrors.invalidValue("limit") }
            let before = try p.text("before").map { (text) throws(TrelloFailure) -> String in try Self.idBound(text, field: "before") }
            let since = try p.text("since").map { (text) throws(TrelloFailure) -> String in try Self.idBound(text, field: "since") }
            cards = cards.filter { card in before.map { card.id < $0 } ?? true && since.map { card.id > $0 } ?? true }
            cards.sort { $0.id > $1.id }
            cards = Array(cards.prefix(limit))
        } else {
            let order = Dictionary(store.lists(on: board.id).enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
            cards.sort { (order[$0.listID] ?? 0, $0.pos) < (order[$1.listID] ?? 0, $1.pos) }
        }
        let renderer = renderer(call.site)
        var withCounts = renderer
        let fields = TrelloFieldSelection(p.text("fields"))
        if fields.includes("badges") { withCounts.commentCounts = TrelloRenderer.commentCounts(store, board: board.id) }
        let labels = Dictionary(store.labels(on: board.id).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let page = cards
        return Self.json { json in json.array { json in for card in page { withCounts.card(card, fields: fields, labels: labels, to: &json) } } }
    }

    /// An object id, or the smallest id a date could have (its time and zeros), to compare ids with.
    static func idBound(_ text: String, field: String) throws(TrelloFailure) -> String {
        if TrelloObjectIDs.isObjectID(text) { return text.lowercased() }
        guard let milliseconds = TrelloTime.parse(text) else { throw TrelloErrors.invalidValue(field) }
        let hex = String(max(0, milliseconds / 1000), radix: 16)
        return String(repeating: "0", count: max(0, 8 - hex.count)) + hex + String(repeating: "0", count: 16)
    }

    /// Newest first; `filter` names action types (`updateCard` takes its `updateCard:idList` kind of subtypes too),
    /// `since` is inclusive and `before` exclusive, both dates or action ids; `limit` at most 1000 (default 50).
    private func boardActions(_ board: TrelloStore.Board, _ call: TrelloCall) throws(TrelloFailure) -> SimResponse {
        let p = call.parameters
        let types = p.list("filter").flatMap { $0.isEmpty || $0 == ["all"] ? nil : $0 }
        let limit = Int(p.text("limit") ?? "50") ?? -1
        guard (0...1000).contains(limit) else { throw TrelloErrors.invalidValue("limit") }
        let since = try p.text("since").map { (text) throws(TrelloFailure) -> Bound in try Self.bound(text, field: "since") }
        let before = try p.text("before").map { (text) throws(TrelloFailure) -> Bound in try Self.bound(text, field: "before") }
        var actions = store.actions(on: board.id).filter { action in
            (types.map { Self.matches(action, types: $0) } ?? true)
                && (since.map { $0.admitsAsSince(action) } ?? true) && (before.map { $0.admitsAsBefore(action) } ?? true)
        }
        actions.sort { ($0.date, $0.id) > ($1.date, $1.id) }
        let page = actions.prefix(limit)
        let renderer = renderer(call.site)
        let fields = TrelloFieldSelection(p.text("fields"))
        let memberCreator = p.bool("memberCreator") != .some(false)
        return Self.json { json in
            json.array { json in for action in page { renderer.action(action, fields: fields, memberCreator: memberCreator, to: &json) } }
        }
    }

    private static func matches(_ action: TrelloActionRecord, types: [String]) -> Bool {
        types.contains { type in
            guard let colon = type.firstIndex(of: ":") else { return type == action.type }
            let field = String(type[type.index(after: colon)...])
            guard action.type == type[..<colon], let old = action.old else { return false }
            switch field {
            case "idList": return old.idList != nil
            case "closed": return old.closed != nil
            case "desc": return old.desc != nil
            case "name": return old.name != nil
            case "pos": return old.pos != nil
            default: return false
            }
        }
    }

    /// `since`/`before` as an instant or an action id.
    enum Bound: Sendable {
        case time(Int64)
        case id(String)

        /// A time includes actions at that instant; an id, only the actions after it.
        func admitsAsSince(_ action: TrelloActionRecord) -> Bool {
            switch self {
            case .time(let milliseconds): return action.date >= milliseconds
            case .id(let id): return action.id > id
            }
        }

        func admitsAsBefore(_ action: TrelloActionRecord) -> Bool {
            switch self {
            case .time(let milliseconds): return action.date < milliseconds
            case .id(let id): return action.id < id
            }
        }
    }

    static func bound(_ text: String, field: String) throws(TrelloFailure) -> Bound {
        if TrelloObjectIDs.isObjectID(text) { return .id(text.lowercased()) }
        guard let milliseconds = TrelloTime.parse(text) else { throw TrelloErrors.invalidValue(field) }
        return .time(milliseconds)
    }
}
