import Foundation
import JSON

/// The admin API's Trello side, in the neutral item shape every simulator shares. Trello has no priority or type:
/// `priority: high` is the label `priority: high` and `kind: bug` the label `kind: bug` (made when missing), as the
/// client maps them by default; `labels` are the card's other named labels, `state` its list's name, `assignee` its
/// first member's username, `scope` its board's shortLink.
///
///     POST  /_simulator/items        {"title", "description", "state", "labels", "assignee", "priority", "kind",
///                                     "scope"} plus Trello's own "closed": true; made by a colleague, not the token
///     PATCH /_simulator/items/{key}  any of those, "closed", and "comment": "text" (moves dateLastActivity only)
///     POST  /_simulator/setup        {"boards": [{"name", "shortLink", "lists": ["To Do", …],
///                                     "labels": [{"name", "color"}], "members": ["ana"]}],
///                                     "members": [{"username", "fullName"}]} (new members join the first board)
extension TrelloSimulator {
    func adminListItems(baseURL: String) -> SimResponse {
        let items = store.cards.sorted { ($0.boardID, $0.id) < ($1.boardID, $1.id) }.map { item(store.cardIndex($0.id)!, site: baseURL) }
        return .json(200, items)
    }

    func adminAddItem(_ body: Data, baseURL: String) -> SimResponse {
        do {
            let input = try TrelloAdminInput(body)
            let boardIndex = try adminBoard(input.scope)
            let board = store.boards[boardIndex]
            let time = store.tick(now: now())
            let listID = try adminList(input.state, on: board) ?? store.lists(on: board.id).first { !$0.closed }?.id
            guard let listID else { return Self.adminError(400, "board \(board.shortLink) has no open list") }
            let labelIDs = adminLabels(input, current: [], on: board, at: time) ?? []
            let memberIDs = try adminMembers(input.assignee ?? nil, on: board) ?? []
            let card = store.addCard(name: input.title ?? "", desc: (input.description ?? nil) ?? "", listID: listID, labelIDs: labelIDs,
                                     memberIDs: memberIDs, pos: nil, closed: input.closed ?? false,
                                     by: TrelloDemoData.colleague(in: store), at: time)
            return .json(201, item(store.cardIndex(card.id)!, site: baseURL))
        } catch {
            return Self.adminError(400, error.message)
        }
    }

    func adminChangeItem(key: String, _ body: Data, baseURL: String) -> SimResponse {
        guard let index = store.cardIndex(key) else { return Self.adminError(404, "no item \(key)") }
        do {
            let input = try TrelloAdminInput(body)
            let card = store[card: index]
            guard let board = store.boards.first(where: { $0.id == card.boardID }) else { return Self.adminError(404, "no board") }
            let by = TrelloDemoData.colleague(in: store)
            var edit = TrelloStore.CardEdit()
            edit.name = input.title
            edit.desc = input.description.map { $0 ?? "" }
            edit.listID = try adminList(input.state, on: board)
            edit.closed = input.closed
            edit.labelIDs = adminLabels(input, current: card.labelIDs, on: board, at: store.tick(now: now()))
            if let assignee = input.assignee {
                let first = try adminMembers(assignee, on: board) ?? []
                edit.memberIDs = first + card.memberIDs.dropFirst().filter { !first.contains($0) }
            }
            store.edit(card: index, edit, by: by, at: now())
            if let comment = input.comment { store.comment(card: index, text: comment, by: by, at: now()) }
            return .json(200, item(index, site: baseURL))
        } catch {
            return Self.adminError(400, error.message)
        }
    }

    func adminDeleteItem(key: String) -> SimResponse {
        guard let index = store.cardIndex(key) else { return Self.adminError(404, "no item \(key)") }
        store.deleteCard(index, by: TrelloDemoData.colleague(in: store), at: now())
        return .empty(204)
    }

    func adminSetup(_ body: Data) -> SimResponse {
        guard let setup = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] else {
            return Self.adminError(400, "expected a JSON object")
        }
        let time = store.tick(now: now())
        for entry in setup["members"] as? [[String: Any]] ?? [] {
            guard let username = entry["username"] as? String, !username.isEmpty else { return Self.adminError(400, "each member needs a \"username\"") }
            let member = store.upsertMember(username: username, fullName: entry["fullName"] as? String ?? username, at: time)
            if !store.boards.isEmpty { store.addMember(member.id, toBoard: 0) }
        }
        for entry in setup["boards"] as? [[String: Any]] ?? [] {
            guard let name = entry["name"] as? String else { return Self.adminError(400, "each board needs a \"name\"") }
            let shortLink = entry["shortLink"] as? String
            if let shortLink, !TrelloObjectIDs.isShortLink(shortLink) { return Self.adminError(400, "a shortLink is 8 letters and digits") }
            let memberNames = entry["members"] as? [String]
            let memberIDs = memberNames.map { $0.compactMap { store.member(reference: $0)?.id } } ?? store.members.map(\.id)
            let index = store.boardIndex(shortLink ?? "") ?? store.addBoard(name: name, shortLink: shortLink, memberIDs: memberIDs, at: time)
            let boardID = store.boards[index].id
            for list in entry["lists"] as? [String] ?? [] where !store.lists(on: boardID).contains(where: { $0.name == list }) {
                store.addList(name: list, boardID: boardID, at: time)
            }
            for label in entry["labels"] as? [Any] ?? [] {
                let spec = label as? [String: Any]
                guard let labelName = spec?["name"] as? String ?? label as? String else { continue }
                let color = spec?["color"] as? String ?? "green"
                guard Self.colors.contains(color) else { return Self.adminError(400, "\"\(color)\" is not a Trello label colour") }
                if !store.labels(on: boardID).contains(where: { $0.name == labelName }) {
                    store.addLabel(name: labelName, color: color, boardID: boardID, at: time)
                }
            }
        }
        return .empty(204)
    }

    func setRequestBudget(remaining: Int, resetInSeconds: Int?) {
        rateLimit.force(remaining: remaining, resetInSeconds: resetInSeconds)
    }

    func reset() {
        store = store.restarted(from: initial)
        rateLimit = TrelloRateLimit()
    }

    func clock(_ move: ClockMove?) -> Date {
        if let move {
            store.wallClock.apply(move)
            store.revision += 1
        }
        return store.wallClock.now
    }

    func snapshot(ifNewerThan revision: Int) -> (revision: Int, data: Data)? {
        store.snapshot(ifNewerThan: revision)
    }

    // MARK: The neutral shape

    /// The card as `GET /cards/{id}?fields=all` renders it, with the neutral members laid over it.
    private func item(_ index: Int, site: String) -> [String: Any] {
        let card = store[card: index]
        let labels = Dictionary(store.labels(on: card.boardID).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var json = JSONWriter()
        renderer(site).card(card, fields: TrelloFieldSelection("all"), labels: labels, to: &json)
        var object = (try? JSONSerialization.jsonObject(with: Data(json.bytes))) as? [String: Any] ?? [:]
        var tags: [String] = [], priority: String?, kind: String?
        for name in card.labelIDs.compactMap({ labels[$0]?.name }) where !name.isEmpty {
            if let value = Self.value(of: name, prefix: "priority:") { priority = priority ?? value }
            else if let value = Self.value(of: name, prefix: "kind:") { kind = kind ?? value }
            else { tags.append(name) }
        }
        object["key"] = card.shortLink
        object["scope"] = store.boards.first { $0.id == card.boardID }?.shortLink ?? ""
        object["title"] = card.name
        object["description"] = card.desc
        object["state"] = store.list(card.listID)?.name ?? ""
        object["labels"] = tags
        object["assignee"] = card.memberIDs.first.flatMap { store.member($0)?.username } ?? NSNull()
        object["priority"] = priority ?? NSNull()
        object["kind"] = kind ?? NSNull()
        return object
    }

    private static func value(of name: String, prefix: String) -> String? {
        let lower = name.lowercased()
        guard lower.hasPrefix(prefix) else { return nil }
        let value = lower.dropFirst(prefix.count).trimmingCharacters(in: .whitespaces)
        return value.isEmpty ? nil : value
    }

    private func adminBoard(_ scope: String?) throws(TrelloAdminInput.Invalid) -> Int {
        guard let scope else {
            guard !store.boards.isEmpty else { throw .init(message: "there is no board: add one with /_simulator/setup") }
            return 0
        }
        guard let index = store.boardIndex(scope) ?? store.boards.firstIndex(where: { $0.name.lowercased() == scope.lowercased() }) else {
            throw .init(message: "no board \(scope)")
        }
        return index
    }

    private func adminList(_ state: String?, on board: TrelloStore.Board) throws(TrelloAdminInput.Invalid) -> String? {
        guard let state else { return nil }
        guard let list = store.lists(on: board.id).first(where: { $0.name.lowercased() == state.lowercased() && !$0.closed }) else {
            throw .init(message: "board \(board.shortLink) has no open list named \"\(state)\"")
        }
        return list.id
    }

    /// The card's labels after the input: `labels` replaces the plain labels, `priority`/`kind` their label; nil
    /// when the input names none of them.
    private func adminLabels(_ input: TrelloAdminInput, current: [String], on board: TrelloStore.Board, at time: Int64) -> [String]? {
        guard input.labels != nil || input.priority != nil || input.kind != nil else { return nil }
        func find(_ name: String, color: String) -> String {
            store.labels(on: board.id).first { $0.name.lowercased() == name.lowercased() }?.id
                ?? store.addLabel(name: name, color: color, boardID: board.id, at: time).id
        }
        func kindOf(_ id: String) -> String {
            let name = store.label(id)?.name ?? ""
            if Self.value(of: name, prefix: "priority:") != nil { return "priority" }
            if Self.value(of: name, prefix: "kind:") != nil { return "kind" }
            return name.isEmpty ? "nameless" : "plain"
        }
        var result = current
        if let labels = input.labels {
            result.removeAll { kindOf($0) == "plain" }
            result += labels.map { find($0, color: "green") }
        }
        if let priority = input.priority {
            result.removeAll { kindOf($0) == "priority" }
            if let priority { result.append(find("priority: \(priority.lowercased())", color: ["high": "red", "medium": "orange", "low": "yellow"][priority.lowercased()] ?? "black")) }
        }
        if let kind = input.kind {
            result.removeAll { kindOf($0) == "kind" }
            if let kind { result.append(find("kind: \(kind.lowercased())", color: "purple")) }
        }
        return result
    }

    /// The member a name (username or full name) stands for, as a one-element list; nil for no change, [] for none.
    private func adminMembers(_ assignee: String?, on board: TrelloStore.Board) throws(TrelloAdminInput.Invalid) -> [String]? {
        guard let assignee else { return [] }
        let name = assignee.hasPrefix("@") ? String(assignee.dropFirst()) : assignee
        guard let member = store.member(reference: name) ?? store.members.first(where: { $0.fullName.lowercased() == name.lowercased() }),
              board.memberIDs.contains(member.id) else {
            throw .init(message: "no member of board \(board.shortLink) is named \"\(assignee)\": add them with /_simulator/setup")
        }
        return [member.id]
    }

    static func adminError(_ status: Int, _ message: String) -> SimResponse { .json(status, ["message": message]) }
}
