import Foundation
import JSON

/// `/1/cards`: create, read, change, delete; labels and members added and removed one at a time; comments.
extension TrelloSimulator {
    func cards(_ call: TrelloCall) throws(TrelloFailure) -> SimResponse {
        guard let reference = call.part(1) else {
            guard call.method == "POST" else { throw TrelloErrors.noRoute }
            return try createCard(call)
        }
        let index = try card(reference)
        switch (call.method, call.part(2), call.part(3)) {
        case ("GET", nil, nil): return cardAnswer(index, call)
        case ("PUT", nil, nil): return try editCard(index, call)
        case ("DELETE", nil, nil):
            store.deleteCard(index, by: store.tokenMemberID, at: now())
            return Self.json { json in json.object { json in json.key("limits"); json.object { _ in } } }
        case ("POST", "idLabels", nil): return try addLabel(to: index, call)
        case ("DELETE", "idLabels", let label?): return try removeLabel(label, from: index)
        case ("POST", "idMembers", nil): return try addMember(to: index, call)
        case ("DELETE", "idMembers", let member?): return try removeMember(member, from: index, site: call.site)
        case ("POST", "actions", "comments"): return try comment(on: index, call)
        default: throw TrelloErrors.noRoute
        }
    }

    func cardAnswer(_ index: Int, _ call: TrelloCall, fields: String? = nil) -> SimResponse {
        let card = store[card: index]
        var renderer = renderer(call.site)
        let selection = TrelloFieldSelection(fields ?? call.parameters.text("fields"))
        if selection.includes("badges") { renderer.commentCounts = TrelloRenderer.commentCounts(store, board: card.boardID) }
        let labels = Dictionary(store.labels(on: card.boardID).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let rendering = renderer
        return Self.json { json in rendering.card(card, fields: selection, labels: labels, to: &json) }
    }

    /// `POST /cards`: `idList` is required; `name`, `desc`, `pos` (`top`, `bottom` or a number), `idLabels`,
    /// `idMembers` optional. The answer is the whole card.
    private func createCard(_ call: TrelloCall) throws(TrelloFailure) -> SimResponse {
        let p = call.parameters
        guard let listID = p.text("idList"), TrelloObjectIDs.isObjectID(listID) else { throw TrelloErrors.invalidValue("idList") }
        guard let list = store.list(listID) else { throw TrelloErrors.invalidValue("idList") }
        _ = try board(list.boardID)
        try Self.checkLength(p.text("name"), field: "name")
        try Self.checkLength(p.text("desc"), field: "desc")
        let labelIDs = try labels(p.list("idLabels") ?? [], on: list.boardID)
        let memberIDs = try members(p.list("idMembers") ?? [], on: list.boardID)
        let pos = try position(p.text("pos"), inList: listID)
        let card = store.addCard(name: p.text("name") ?? "", desc: p.text("desc") ?? "", listID: listID, labelIDs: labelIDs,
                                 memberIDs: memberIDs, pos: pos, by: store.tokenMemberID, at: store.tick(now: now()))
        return cardAnswer(store.cardIndex(card.id)!, call, fields: "all")
    }

    /// `PUT /cards/{id}`: any of `name`, `desc`, `idList` (with `idBoard` to move boards), `closed`, `pos`,
    /// `idLabels` and `idMembers` (whole lists). Only what differs is an action; the answer is the whole card.
    private func editCard(_ index: Int, _ call: TrelloCall) throws(TrelloFailure) -> SimResponse {
        let p = call.parameters
        let card = store[card: index]
        var edit = TrelloStore.CardEdit()
        try Self.checkLength(p.text("name"), field: "name")
        try Self.checkLength(p.text("desc"), field: "desc")
        edit.name = p.text("name")
        edit.desc = p.text("desc")
        var boardID = card.boardID
        if let target = p.text("idBoard") { boardID = store.boards[try board(target)].id }
        if let listID = p.text("idList") {
            guard let list = store.list(listID), list.boardID == boardID else { throw TrelloErrors.invalidValue("idList") }
            edit.listID = listID
        } else if boardID != card.boardID {
            throw TrelloErrors.invalidValue("idList")
        }
        if let closed = p.bool("closed") {
            guard let closed else { throw TrelloErrors.invalidValue("closed") }
            edit.closed = closed
        }
        if let text = p.text("pos") { edit.pos = try position(text, inList: edit.listID ?? card.listID) }
        if let labels = p.list("idLabels") { edit.labelIDs = try self.labels(labels, on: boardID) }
        if let members = p.list("idMembers") { edit.memberIDs = try self.members(members, on: boardID) }
        if boardID != card.boardID { store.moveCard(index, toBoard: boardID, by: store.tokenMemberID, at: now()) }
        store.edit(card: index, edit, by: store.tokenMemberID, at: now())
        return cardAnswer(index, call, fields: "all")
    }

    private func addLabel(to index: Int, _ call: TrelloCall) throws(TrelloFailure) -> SimResponse {
        let card = store[card: index]
        guard let id = call.parameters.text("value"), let label = store.label(id), label.boardID == card.boardID else {
            throw TrelloErrors.invalidValue("value")
        }
        guard !card.labelIDs.contains(id) else { throw TrelloErrors.rejected("that label is already on the card") }
        store.edit(card: index, .init(labelIDs: card.labelIDs + [id]), by: store.tokenMemberID, at: now())
        let labels = store[card: index].labelIDs
        return Self.json { json in json.array { json in for id in labels { json.string(id) } } }
    }

    private func removeLabel(_ id: String, from index: Int) throws(TrelloFailure) -> SimResponse {
        guard TrelloObjectIDs.isObjectID(id) else { throw TrelloErrors.invalidID }
        let card = store[card: index]
        guard card.labelIDs.contains(id) else { throw TrelloErrors.rejected("that label is not on the card") }
        store.edit(card: index, .init(labelIDs: card.labelIDs.filter { $0 != id }), by: store.tokenMemberID, at: now())
        let labels = store[card: index].labelIDs
        return Self.json { json in json.array { json in for id in labels { json.string(id) } } }
    }

    private func addMember(to index: Int, _ call: TrelloCall) throws(TrelloFailure) -> SimResponse {
        let card = store[card: index]
        guard let id = call.parameters.text("value"), let board = store.boardIndex(card.boardID),
              store.boards[board].memberIDs.contains(id) else { throw TrelloErrors.invalidValue("value") }
        guard !card.memberIDs.contains(id) else { throw TrelloErrors.rejected("member is already on the card") }
        store.edit(card: index, .init(memberIDs: card.memberIDs + [id]), by: store.tokenMemberID, at: now())
        return membersAnswer(of: index, site: call.site)
    }

    private func removeMember(_ id: String, from index: Int, site: String) throws(TrelloFailure) -> SimResponse {
        guard TrelloObjectIDs.isObjectID(id) else { throw TrelloErrors.invalidID }
        let card = store[card: index]
        guard card.memberIDs.contains(id) else { throw TrelloErrors.rejected("member is not on the card") }
        store.edit(card: index, .init(memberIDs: card.memberIDs.filter { $0 != id }), by: store.tokenMemberID, at: now())
        return membersAnswer(of: index, site: site)
    }

    private func membersAnswer(of index: Int, site: String) -> SimResponse {
        let renderer = renderer(site)
        let members = store[card: index].memberIDs.compactMap { store.member($0) }
        return Self.json { json in
            json.array { json in for member in members { renderer.member(member, fields: TrelloFieldSelection(nil, default: TrelloRenderer.defaultMemberFields), to: &json) } }
        }
    }

    private func comment(on index: Int, _ call: TrelloCall) throws(TrelloFailure) -> SimResponse {
        guard let text = call.parameters.text("text"), !text.isEmpty else { throw TrelloErrors.invalidValue("text") }
        store.comment(card: index, text: text, by: store.tokenMemberID, at: now())
        let board = store[card: index].boardID
        let action = store.actions.last { $0.boardID == board }!
        let renderer = renderer(call.site)
        return Self.json { json in renderer.action(action, fields: TrelloFieldSelection(nil), memberCreator: true, to: &json) }
    }

    // MARK: Checks

    /// Label ids that must all be labels of the board.
    func labels(_ ids: [String], on boardID: String) throws(TrelloFailure) -> [String] {
        for id in ids where store.label(id)?.boardID != boardID { throw TrelloErrors.invalidValue("idLabels") }
        return ids
    }

    /// Member ids that must all be members of the board.
    func members(_ ids: [String], on boardID: String) throws(TrelloFailure) -> [String] {
        let members = store.boards.first { $0.id == boardID }?.memberIDs ?? []
        for id in ids where !members.contains(id) { throw TrelloErrors.invalidValue("idMembers") }
        return ids
    }

    /// `top`, `bottom` or a non-negative number; nil for none (the bottom).
    func position(_ text: String?, inList listID: String) throws(TrelloFailure) -> Double? {
        guard let text else { return nil }
        let positions = store.cards.lazy.filter { $0.listID == listID }.map(\.pos)
        switch text {
        case "top": return (positions.min() ?? 32_768) / 2
        case "bottom": return (positions.max() ?? 0) + 16_384
        default:
            guard let value = Double(text), value >= 0, value.isFinite else { throw TrelloErrors.invalidValue("pos") }
            return value
        }
    }
}

extension TrelloStore.CardEdit {
    init(labelIDs: [String]? = nil, memberIDs: [String]? = nil) {
        self.init(name: nil, desc: nil, listID: nil, closed: nil, pos: nil, labelIDs: labelIDs, memberIDs: memberIDs)
    }
}
