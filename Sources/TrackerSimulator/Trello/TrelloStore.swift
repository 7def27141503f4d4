import Foundation

/// Everything the Trello fake knows: members, boards with their lists and labels, cards, and each board's
/// activity (actions). A plain value, so a reset is an assignment and the state file is its JSON encoding.
struct TrelloStore: SimulatorStore {
    struct Member: Codable, Sendable, Equatable {
        var id: String
        var username: String
        var fullName: String
    }

    struct Board: Codable, Sendable, Equatable {
        var id: String
        var shortLink: String
        var name: String
        var closed = false
        var memberIDs: [String]
        var nextIdShort = 1
    }

    struct List: Codable, Sendable, Equatable {
        var id: String
        var boardID: String
        var name: String
        var closed = false
        var pos: Double
    }

    struct Label: Codable, Sendable, Equatable {
        var id: String
        var boardID: String
        var name: String
        var color: String?
    }

    struct Card: Codable, Sendable, Equatable {
        var id: String
        var shortLink: String
        var idShort: Int
        var boardID: String
        var listID: String
        var name: String
        var desc: String
        var labelIDs: [String]
        var memberIDs: [String]
        var closed = false
        var pos: Double
        /// Milliseconds since 1970: moves with every change to the card, comments included.
        var lastActivity: Int64
    }

    var members: [Member]
    /// The member the token belongs to (`/members/me`, the creator of API writes).
    var tokenMemberID: String
    var boards: [Board] = []
    var lists: [List] = []
    var labels: [Label] = []
    /// In creation order, so ascending by id.
    private(set) var cards: [Card] = []
    /// Every board's activity, oldest first.
    private(set) var actions: [TrelloActionRecord] = []
    var ids = TrelloObjectIDs()
    /// Milliseconds of the latest change: every change takes a later instant than the one before.
    var clock: Int64 = 0
    /// Bumped by every change; the state file is written when it moves.
    var revision = 0
    /// The simulated "now" (`POST /_simulator/clock` moves it).
    var wallClock = SimulatorClock()

    private var cardIndexByID: [String: Int] = [:]
    private var cardIndexByShortLink: [String: Int] = [:]

    private enum CodingKeys: String, CodingKey {
        case members, tokenMemberID, boards, lists, labels, cards, actions, ids, clock, revision, wallClock
    }

    init(members: [Member], tokenMemberID: String) {
        self.members = members
        self.tokenMemberID = tokenMemberID
    }

    mutating func rebuildIndexes() {
        cardIndexByID = [:]
        cardIndexByShortLink = [:]
        for (index, card) in cards.enumerated() {
            cardIndexByID[card.id] = index
            cardIndexByShortLink[card.shortLink] = index
        }
    }

    // MARK: Lookup

    /// A board by id or shortLink.
    func boardIndex(_ reference: String) -> Int? {
        boards.firstIndex { $0.id == reference || $0.shortLink == reference }
    }

    /// A card by id or shortLink.
    func cardIndex(_ reference: String) -> Int? { cardIndexByID[reference] ?? cardIndexByShortLink[reference] }

    subscript(card index: Int) -> Card { cards[index] }

    func member(_ id: String) -> Member? { members.first { $0.id == id } }

    /// A member by id or username.
    func member(reference: String) -> Member? {
        members.first { $0.id == reference || $0.username.lowercased() == reference.lowercased() }
    }

    func list(_ id: String) -> List? { lists.first { $0.id == id } }

    func label(_ id: String) -> Label? { labels.first { $0.id == id } }

    func lists(on boardID: String) -> [List] { lists.filter { $0.boardID == boardID }.sorted { $0.pos < $1.pos } }

    func labels(on boardID: String) -> [Label] { labels.filter { $0.boardID == boardID } }

    func cards(on boardID: String) -> [Card] { cards.filter { $0.boardID == boardID } }

    func actions(on boardID: String) -> [TrelloActionRecord] { actions.filter { $0.boardID == boardID } }

    var tokenMember: Member { member(tokenMemberID) ?? members[0] }

    // MARK: Time

    /// The next instant for a change: now, or a millisecond after the latest change when the clock has not moved on
    /// (or was moved back).
    mutating func tick(now: Int64) -> Int64 {
        clock = max(now, clock + 1)
        return clock
    }

    mutating func tick() -> Int64 { tick(now: wallClock.nowMilliseconds) }

    mutating func keepLatestChange(of previous: TrelloStore) {
        clock = max(clock, previous.clock)
    }

    // MARK: Changes

    @discardableResult
    mutating func addBoard(name: String, shortLink: String?, memberIDs: [String], at time: Int64) -> Int {
        let board = Board(id: ids.objectID(createdAt: time), shortLink: shortLink ?? ids.shortLink(), name: name, memberIDs: memberIDs)
        boards.append(board)
        revision += 1
        return boards.count - 1
    }

    @discardableResult
    mutating func addList(name: String, boardID: String, pos: Double? = nil, at time: Int64, by memberID: String? = nil) -> List {
        let position = pos ?? ((lists(on: boardID).map(\.pos).max() ?? 0) + 16_384)
        let list = List(id: ids.objectID(createdAt: time), boardID: boardID, name: name, pos: position)
        lists.append(list)
        if let memberID { record(.init(type: "createList", boardID: boardID, memberID: memberID, date: time, list: .init(list))) }
        revision += 1
        return list
    }

    @discardableResult
    mutating func addLabel(name: String, color: String?, boardID: String, at time: Int64) -> Label {
        let label = Label(id: ids.objectID(createdAt: time), boardID: boardID, name: name, color: color)
        labels.append(label)
        revision += 1
        return label
    }

    /// A new card at `time`, at the bottom of its list unless `pos` says otherwise, with its `createCard` action.
    @discardableResult
    mutating func addCard(
        name: String, desc: String, listID: String, labelIDs: [String], memberIDs: [String], pos: Double?, closed: Bool = false,
        by memberID: String, at time: Int64
    ) -> Card {
        let list = list(listID)!
        let board = boardIndex(list.boardID)!
        let position = pos ?? ((cards.filter { $0.listID == listID }.map(\.pos).max() ?? 0) + 16_384)
        let card = Card(id: ids.objectID(createdAt: time), shortLink: ids.shortLink(), idShort: boards[board].nextIdShort,
                        boardID: list.boardID, listID: listID, name: name, desc: desc, labelIDs: unique(labelIDs),
                        memberIDs: unique(memberIDs), closed: closed, pos: position, lastActivity: time)
        boards[board].nextIdShort += 1
        cards.append(card)
        cardIndexByID[card.id] = cards.count - 1
        cardIndexByShortLink[card.shortLink] = cards.count - 1
        record(.init(type: "createCard", boardID: card.boardID, memberID: memberID, date: time, card: .init(card), list: .init(list)))
        revision += 1
        return card
    }

    /// What `PUT /cards/{id}` or a person may change in one go; nil leaves a field alone.
    struct CardEdit: Sendable {
        var name: String?
        var desc: String?
        var listID: String?
        var closed: Bool?
        var pos: Double?
        var labelIDs: [String]?
        var memberIDs: [String]?
    }

    /// Applies `edit` as `memberID` would, one `updateCard` action per field that changed (with its old value, as
    /// Trello keeps it) and an add/remove action per label and member. Returns whether anything changed.
    @discardableResult
    mutating func edit(card index: Int, _ edit: CardEdit, by memberID: String, at now: Int64) -> Bool {
        let before = cards[index]
        var after = before
        if let name = edit.name { after.name = name }
        if let desc = edit.desc { after.desc = desc }
        if let listID = edit.listID { after.listID = listID }
        if let closed = edit.closed { after.closed = closed }
        if let pos = edit.pos { after.pos = pos }
        if let labelIDs = edit.labelIDs { after.labelIDs = unique(labelIDs) }
        if let memberIDs = edit.memberIDs { after.memberIDs = unique(memberIDs) }
        after.lastActivity = before.lastActivity
        guard after != before else { return false }
        let time = tick(now: now)
        after.lastActivity = time
        cards[index] = after
        let board = after.boardID
        func update(_ old: TrelloActionRecord.Old, _ set: (inout TrelloActionRecord.CardRef) -> Void = { _ in },
                    list: TrelloActionRecord.ListRef? = nil, before: TrelloActionRecord.ListRef? = nil,
                    after afterList: TrelloActionRecord.ListRef? = nil) {
            var card = TrelloActionRecord.CardRef(after)
            set(&card)
            record(.init(type: "updateCard", boardID: board, memberID: memberID, date: time, card: card, list: list,
                         listBefore: before, listAfter: afterList, old: old))
        }
        if after.name != before.name { update(.init(name: before.name)) }
        if after.desc != before.desc { update(.init(desc: before.desc)) { $0.desc = after.desc } }
        if after.listID != before.listID {
            update(.init(idList: before.listID), { $0.idList = after.listID },
                   before: self.list(before.listID).map(TrelloActionRecord.ListRef.init),
                   after: self.list(after.listID).map(TrelloActionRecord.ListRef.init))
        }
        if after.closed != before.closed {
            update(.init(closed: before.closed), { $0.closed = after.closed }, list: self.list(after.listID).map(TrelloActionRecord.ListRef.init))
        }
        if after.pos != before.pos && after.listID == before.listID { update(.init(pos: before.pos)) }
        for id in after.labelIDs where !before.labelIDs.contains(id) {
            record(.init(type: "addLabelToCard", boardID: board, memberID: memberID, date: time, card: .init(after), label: label(id).map(TrelloActionRecord.LabelRef.init)))
        }
        for id in before.labelIDs where !after.labelIDs.contains(id) {
            record(.init(type: "removeLabelFromCard", boardID: board, memberID: memberID, date: time, card: .init(after), label: label(id).map(TrelloActionRecord.LabelRef.init)))
        }
        for id in after.memberIDs where !before.memberIDs.contains(id) {
            record(.init(type: "addMemberToCard", boardID: board, memberID: memberID, date: time, card: .init(after), idMember: id))
        }
        for id in before.memberIDs where !after.memberIDs.contains(id) {
            record(.init(type: "removeMemberFromCard", boardID: board, memberID: memberID, date: time, card: .init(after), idMember: id))
        }
        revision += 1
        return true
    }

    /// Moves the card to another board: `moveCardFromBoard` on the old one, `moveCardToBoard` on the new; labels and
    /// members the new board does not have fall away. The list is set by the edit that goes with the move.
    mutating func moveCard(_ index: Int, toBoard boardID: String, by memberID: String, at now: Int64) {
        let time = tick(now: now)
        let from = cards[index].boardID
        record(.init(type: "moveCardFromBoard", boardID: from, memberID: memberID, date: time, card: .init(cards[index])))
        cards[index].boardID = boardID
        let boardLabels = Set(labels(on: boardID).map(\.id))
        cards[index].labelIDs.removeAll { !boardLabels.contains($0) }
        let members = boards.first { $0.id == boardID }?.memberIDs ?? []
        cards[index].memberIDs.removeAll { !members.contains($0) }
        cards[index].lastActivity = time
        record(.init(type: "moveCardToBoard", boardID: boardID, memberID: memberID, date: time, card: .init(cards[index])))
        revision += 1
    }

    /// A comment: recorded and moving `dateLastActivity`, changing nothing that syncs.
    mutating func comment(card index: Int, text: String, by memberID: String, at now: Int64) {
        let time = tick(now: now)
        cards[index].lastActivity = time
        record(.init(type: "commentCard", boardID: cards[index].boardID, memberID: memberID, date: time, card: .init(cards[index]), text: text))
        revision += 1
    }

    mutating func deleteCard(_ index: Int, by memberID: String, at now: Int64) {
        let card = cards.remove(at: index)
        rebuildIndexes()
        record(.init(type: "deleteCard", boardID: card.boardID, memberID: memberID, date: tick(now: now),
                     card: .init(id: card.id, name: nil, idShort: card.idShort, shortLink: card.shortLink),
                     list: list(card.listID).map(TrelloActionRecord.ListRef.init)))
        revision += 1
    }

    mutating func renameList(_ id: String, to name: String?, closed: Bool?, by memberID: String, at now: Int64) {
        guard let index = lists.firstIndex(where: { $0.id == id }) else { return }
        let before = lists[index]
        if let name { lists[index].name = name }
        if let closed { lists[index].closed = closed }
        guard lists[index] != before else { return }
        record(.init(type: "updateList", boardID: before.boardID, memberID: memberID, date: tick(now: now),
                     list: .init(lists[index]), old: .init(name: before.name != lists[index].name ? before.name : nil,
                                                          closed: before.closed != lists[index].closed ? before.closed : nil)))
        revision += 1
    }

    mutating func changeLabel(_ id: String, name: String?, color: String??) {
        guard let index = labels.firstIndex(where: { $0.id == id }) else { return }
        if let name { labels[index].name = name }
        if let color { labels[index].color = color }
        revision += 1
    }

    /// Removes the label from the board and from every card that had it (no card action, as in Trello).
    mutating func deleteLabel(_ id: String) {
        labels.removeAll { $0.id == id }
        for index in cards.indices where cards[index].labelIDs.contains(id) { cards[index].labelIDs.removeAll { $0 == id } }
        revision += 1
    }

    mutating func upsertMember(username: String, fullName: String, at time: Int64) -> Member {
        if let index = members.firstIndex(where: { $0.username.lowercased() == username.lowercased() }) {
            if members[index].fullName != fullName {
                members[index].fullName = fullName
                revision += 1
            }
            return members[index]
        }
        let member = Member(id: ids.objectID(createdAt: time), username: username, fullName: fullName)
        members.append(member)
        revision += 1
        return member
    }

    mutating func addMember(_ memberID: String, toBoard board: Int) {
        guard !boards[board].memberIDs.contains(memberID) else { return }
        boards[board].memberIDs.append(memberID)
        revision += 1
    }

    private mutating func record(_ action: TrelloActionRecord) {
        var action = action
        action.id = ids.objectID(createdAt: action.date)
        actions.append(action)
    }

    private func unique(_ ids: [String]) -> [String] {
        var seen = Set<String>()
        return ids.filter { seen.insert($0).inserted }
    }
}
