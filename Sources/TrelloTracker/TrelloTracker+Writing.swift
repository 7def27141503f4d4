import Foundation
import JSON
import Trackers
import WorkItems

extension TrelloTracker {
    /// Creates the card in its status's list with its labels and member, the create marker in its description;
    /// then, the create confirmed, puts the description back without the marker. The answer to that `PUT` is the
    /// card as Trello now has it.
    public func create(_ content: WorkItemContent, marker: SyncMarker) async throws -> RemoteItem {
        let board = try await directory.board()
        let marked = TrelloCreateMarker.append(marker, to: content.description)
        try Self.checkLength(content.description, of: "description", title: content.title)
        guard marked.utf16.count <= Self.textLimit else {
            throw TrackerError.unsupported(code: "description-too-long",
                message: "\"\(TrelloResponses.oneLine(content.title))\": the description and this tool's create marker (\(marked.utf16.count - content.description.utf16.count) characters) need \(marked.utf16.count) of Trello's \(Self.textLimit): shorten the description")
        }
        try Self.checkLength(content.title, of: "title", title: content.title)
        let member = try content.assignee.map { try self.member(named: $0, on: board) }
        let list = try await list(for: content.status, on: board)
        let labels = try await labels(for: content)
        var labelIDs = labels.map(\.id)
        if let scope = mapping.labels.scope { labelIDs.append(try await directory.label(named: scope, color: TrelloLabelNames.color(for: .scope)).id) }
        let created = try await api.send("POST", "/cards", body: TrelloCardChange(
            name: content.title, desc: marked, idList: list.id, idLabels: labelIDs, idMembers: member.map { [$0.id] } ?? [], pos: "bottom").json,
            idempotent: false, reading: TrelloCard.init)
        let confirmed = try await api.send("PUT", "/cards/\(created.id)", [("fields", TrelloCard.fieldList)],
                                           body: TrelloCardChange(desc: content.description).json, reading: TrelloCard.init)
        return remoteItem(confirmed, on: try await directory.board(knowing: [confirmed]), notices: notices(for: content, labels: labels))
    }

    /// Sends only what differs from `previous` (the last synced content; the card as it is when unknown): one `PUT`
    /// for name, description and list, and each label and member added or removed on its own, so a change made in
    /// Trello to anything else survives.
    public func update(key: String, to content: WorkItemContent, previous: WorkItemContent?) async throws -> RemoteItem {
        guard TrelloKeys.isShortLink(key) else { throw TrackerError.notFound("\(key) is not a Trello card key (the 8-character code in a card's URL)") }
        if let card = seen[key] {
            if !card.onBoard {
                throw TrackerError.notFound("\(key) was moved to another board: move it back in Trello, or remove its external_id to stop syncing it")
            }
            if card.closed {
                throw TrackerError.unsupported(code: "remote-archived",
                    message: "\(key) is archived in Trello and a sync does not bring it back: restore it in Trello, or remove its external_id to stop syncing it")
            }
        }
        let current: TrelloCard? = previous == nil ? try await card(key) : nil
        let board = try await directory.board(knowing: current.map { [$0] } ?? [])
        let old = (previous ?? current.map { mapping.content(of: $0, on: board) })!.normalised()
        let new = content.normalised()

        var addMember: TrelloMember?, removeMember: TrelloMember?
        if new.assignee != old.assignee {
            addMember = try content.assignee.map { try member(named: $0, on: board) }
            removeMember = old.assignee.flatMap { TrelloMapping.member(named: $0, in: board.members) }
            if let current, let removing = removeMember, !current.idMembers.contains(removing.id) { removeMember = nil }
            if addMember?.id == removeMember?.id { (addMember, removeMember) = (nil, nil) }
        }

        var change = TrelloCardChange()
        if new.title != old.title {
            try Self.checkLength(content.title, of: "title", title: content.title)
            change.name = content.title
        }
        if new.description != old.description || seen[key]?.hasMarker == true {
            try Self.checkLength(content.description, of: "description", title: content.title)
            change.desc = content.description
        }
        if new.status != old.status, let status = content.status { change.idList = try await list(for: status, on: board).id }

        let wanted = try await labels(for: content)
        let had = current.map { card in card.idLabels.filter { id in self.isManaged(id, on: board) } }
            ?? mapping.labelNames(for: old).compactMap { name, _ in self.existingLabel(named: name, on: board)?.id }
        let addLabels = wanted.map(\.id).filter { !had.contains($0) }
        let removeLabels = had.filter { id in !wanted.contains { $0.id == id } }

        for id in addLabels { try await tolerated { try await api.send("POST", "/cards/\(key)/idLabels", body: ["value": .string(id)]) } }
        for id in removeLabels { try await tolerated { try await api.send("DELETE", "/cards/\(key)/idLabels/\(id)") } }
        if let member = removeMember { try await tolerated { try await api.send("DELETE", "/cards/\(key)/idMembers/\(member.id)") } }
        if let member = addMember { try await tolerated { try await api.send("POST", "/cards/\(key)/idMembers", body: ["value": .string(member.id)]) } }
        var after = change.isEmpty
            ? try await card(key)
            : try await api.send("PUT", "/cards/\(key)", [("fields", TrelloCard.fieldList)], body: change.json, reading: TrelloCard.init)
        if TrelloCreateMarker.find(in: after.desc) != nil {
            // A create cut off before its confirmation left its marker; this write is the first chance to take it out.
            after = try await api.send("PUT", "/cards/\(key)", [("fields", TrelloCard.fieldList)],
                                       body: TrelloCardChange(desc: TrelloCreateMarker.strip(from: after.desc)).json, reading: TrelloCard.init)
        }
        var notices = notices(for: content, labels: wanted)
        if after.closed {
            notices.append("\(key) is archived in Trello: the change is on the archived card; restore it in Trello to see it on the board")
        }
        return remoteItem(after, on: try await directory.board(knowing: [after]), notices: notices)
    }

    // MARK: Pieces

    func card(_ key: String) async throws -> TrelloCard {
        try await api.get("/cards/\(TrelloAPI.encode(key))", [("fields", TrelloCard.fieldList)], reading: TrelloCard.init)
    }

    /// The list for `status` (the leftmost for none): found by name, created when `trello.create_lists` says so,
    /// else the item fails with `list-missing`.
    private func list(for status: String?, on board: TrelloBoard) async throws -> TrelloList {
        let lists = TrelloStatusLists.open(board.lists)
        guard let status = status?.trimmingCharacters(in: .whitespaces), !status.isEmpty else {
            guard let first = lists.first else { throw TrackerError.configuration("the Trello board '\(board.name)' has no open list to put cards in") }
            return first
        }
        if let list = mapping.statuses.list(for: status, in: board.lists) { return list }
        if mapping.createLists { return try await directory.createList(named: mapping.statuses.newListName(for: status)) }
        let looked = mapping.statuses.candidates(for: status).map { "'\($0)'" }.joined(separator: ", ")
        throw TrackerError.unsupported(code: "list-missing",
            message: "board '\(TrelloResponses.oneLine(board.name))' has no list for status '\(status)' (looked for \(looked)): add one, map it with trello.status_map.\(status), or set trello.create_lists: true")
    }

    /// The board labels `content` asks for, created on the board when missing.
    private func labels(for content: WorkItemContent) async throws -> [TrelloLabel] {
        var out: [TrelloLabel] = []
        for (name, meaning) in mapping.labelNames(for: content) {
            let label = try await directory.label(named: name, color: TrelloLabelNames.color(for: meaning))
            if !out.contains(where: { $0.id == label.id }) { out.append(label) }
        }
        return out
    }

    private func existingLabel(named name: String, on board: TrelloBoard) -> TrelloLabel? {
        let current = directory.snapshot ?? board
        return current.labels.first { TrelloLabelNames.fold($0.name ?? "") == TrelloLabelNames.fold(name) }
    }

    /// Labels the sync owns on a card: tags, priorities and kinds. Nameless labels and the scope label are left alone.
    private func isManaged(_ id: String, on board: TrelloBoard) -> Bool {
        switch mapping.labels.meaning(of: board.labels.first { $0.id == id }?.name) {
        case .tag?, .priority?, .kind?: return true
        case .scope?, nil: return false
        }
    }

    private func member(named name: String, on board: TrelloBoard) throws -> TrelloMember {
        guard let member = TrelloMapping.member(named: name, in: board.members) else {
            throw TrackerError.unsupported(code: "assignee-unknown",
                message: "no member of board '\(TrelloResponses.oneLine(board.name))' is named '\(name)': use their Trello username or full name as the board shows it")
        }
        return member
    }

    /// Tags sent under the board's spelling of an existing label.
    private func notices(for content: WorkItemContent, labels: [TrelloLabel]) -> [String] {
        content.tags.compactMap { tag in
            let folded = TrelloLabelNames.fold(tag)
            guard let label = labels.first(where: { TrelloLabelNames.fold($0.name ?? "") == folded }), let name = label.name,
                  name != tag.trimmingCharacters(in: .whitespaces) else { return nil }
            return "tag '\(tag)' sent as the board's label '\(name)'"
        }
    }

    private static func checkLength(_ text: String, of field: String, title: String) throws {
        guard text.utf16.count > textLimit else { return }
        throw TrackerError.unsupported(code: "\(field)-too-long",
            message: "\"\(TrelloResponses.oneLine(String(title.prefix(60))))\": the \(field) has \(text.utf16.count) characters and Trello takes at most \(textLimit); shorten it (nothing was cut or sent)")
    }

    /// Adding a label or member the card already has, or removing one it has not, is no failure: the state wanted holds.
    private func tolerated(_ write: () async throws -> HTTPResponseData) async throws {
        do { _ = try await write() } catch TrackerError.rejected(let message) where Self.alreadySo(message) {
        } catch TrackerError.notFound(let message) where Self.alreadySo(message) {
        }
    }

    private static func alreadySo(_ message: String) -> Bool {
        let lower = message.lowercased()
        return lower.contains("already") || lower.contains("not on the card") || lower.contains("not found on card")
    }
}
