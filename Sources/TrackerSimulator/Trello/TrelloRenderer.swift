import JSON

/// Trello's JSON for boards, lists, labels, members, cards and actions, written straight to bytes in the order
/// api.trello.com writes them, with only the fields asked for.
///
/// Where shared/api/trello/openapi.json and api.trello.com disagree, the fake follows the description its answers are
/// checked against: a card's `labels` are label ids (api.trello.com sends label objects; no client here reads
/// them). Members the description cannot validate as null (a cover's `color` and `idAttachment`,
/// `idAttachmentCover`) are left out rather than sent as null.
struct TrelloRenderer {
    let store: TrelloStore
    /// The simulator's address, standing in for https://trello.com in `url` fields.
    let site: String
    /// Comments per card id, for `badges` (worked out only by requests that render badges).
    var commentCounts: [String: Int] = [:]

    static let defaultBoardFields = ["name", "desc", "closed", "pinned", "url", "shortUrl", "labelNames"]
    static let defaultMemberFields = ["fullName", "username"]

    // MARK: Boards

    func board(_ board: TrelloStore.Board, fields: TrelloFieldSelection, to json: inout JSONWriter, nested: (inout JSONWriter) -> Void = { _ in }) {
        json.object { json in
            json.key("id"); json.string(board.id)
            if fields.includes("name") { json.key("name"); json.string(board.name) }
            if fields.includes("desc") { json.key("desc"); json.string("") }
            if fields.includes("closed") { json.key("closed"); json.bool(board.closed) }
            if fields.includes("idMemberCreator"), let creator = board.memberIDs.first { json.key("idMemberCreator"); json.string(creator) }
            if fields.includes("pinned") { json.key("pinned"); json.bool(false) }
            if fields.includes("url") { json.key("url"); json.string("\(site)/b/\(board.shortLink)/\(TrelloRenderer.slug(board.name))") }
            if fields.includes("shortUrl") { json.key("shortUrl"); json.string("\(site)/b/\(board.shortLink)") }
            if fields.includes("shortLink") { json.key("shortLink"); json.string(board.shortLink) }
            if fields.includes("labelNames") {
                json.key("labelNames")
                json.object { json in
                    for color in ["green", "yellow", "orange", "red", "purple", "blue", "sky", "lime", "pink", "black"] {
                        json.key(color)
                        json.string(store.labels(on: board.id).first { $0.color == color }?.name ?? "")
                    }
                }
            }
            if fields.includes("dateLastActivity") {
                json.key("dateLastActivity")
                json.string(TrelloTime.format(store.cards(on: board.id).map(\.lastActivity).max() ?? store.clock))
            }
            nested(&json)
        }
    }

    // MARK: Lists, labels, members

    func list(_ list: TrelloStore.List, fields: TrelloFieldSelection, to json: inout JSONWriter) {
        json.object { json in
            json.key("id"); json.string(list.id)
            if fields.includes("name") { json.key("name"); json.string(list.name) }
            if fields.includes("closed") { json.key("closed"); json.bool(list.closed) }
            if fields.includes("idBoard") { json.key("idBoard"); json.string(list.boardID) }
            if fields.includes("pos") { json.key("pos"); json.raw(TrelloRenderer.number(list.pos)) }
            if fields.includes("subscribed") { json.key("subscribed"); json.bool(false) }
        }
    }

    func label(_ label: TrelloStore.Label, fields: TrelloFieldSelection = TrelloFieldSelection(nil), to json: inout JSONWriter) {
        json.object { json in
            json.key("id"); json.string(label.id)
            if fields.includes("idBoard") { json.key("idBoard"); json.string(label.boardID) }
            if fields.includes("name") { json.key("name"); json.string(label.name) }
            if fields.includes("color") { json.key("color"); json.string(label.color) }
            if fields.includes("uses") { json.key("uses"); json.int(store.cards(on: label.boardID).filter { $0.labelIDs.contains(label.id) }.count) }
        }
    }

    func member(_ member: TrelloStore.Member, fields: TrelloFieldSelection, to json: inout JSONWriter) {
        json.object { json in
            json.key("id"); json.string(member.id)
            if fields.includes("activityBlocked") { json.key("activityBlocked"); json.bool(false) }
            if fields.includes("fullName") { json.key("fullName"); json.string(member.fullName) }
            if fields.includes("initials") { json.key("initials"); json.string(TrelloRenderer.initials(member.fullName)) }
            if fields.includes("username") { json.key("username"); json.string(member.username) }
            if fields.includes("confirmed") { json.key("confirmed"); json.bool(true) }
            if fields.includes("memberType") { json.key("memberType"); json.string("normal") }
            if fields.includes("url") { json.key("url"); json.string("\(site)/\(member.username)") }
        }
    }

    // MARK: Cards

    func card(_ card: TrelloStore.Card, fields: TrelloFieldSelection, labels: [String: TrelloStore.Label], to json: inout JSONWriter) {
        json.object { json in
            json.key("id"); json.string(card.id)
            if fields.includes("badges") { badges(card, to: &json) }
            if fields.includes("checkItemStates") { json.key("checkItemStates"); json.array { _ in } }
            if fields.includes("closed") { json.key("closed"); json.bool(card.closed) }
            if fields.includes("dueComplete") { json.key("dueComplete"); json.bool(false) }
            if fields.includes("dateLastActivity") { json.key("dateLastActivity"); json.string(TrelloTime.format(card.lastActivity)) }
            if fields.includes("desc") { json.key("desc"); json.string(card.desc) }
            if fields.includes("descData") { json.key("descData"); json.object { json in json.key("emoji"); json.object { _ in } } }
            if fields.includes("due") { json.key("due"); json.null() }
            if fields.includes("dueReminder") { json.key("dueReminder"); json.null() }
            if fields.includes("idBoard") { json.key("idBoard"); json.string(card.boardID) }
            if fields.includes("idChecklists") { json.key("idChecklists"); json.array { _ in } }
            if fields.includes("idList") { json.key("idList"); json.string(card.listID) }
            if fields.includes("idMembers") { json.key("idMembers"); json.array { json in for id in card.memberIDs { json.string(id) } } }
            if fields.includes("idMembersVoted") { json.key("idMembersVoted"); json.array { _ in } }
            if fields.includes("idShort") { json.key("idShort"); json.int(card.idShort) }
            if fields.includes("labels") {
                json.key("labels")
                json.array { json in for id in card.labelIDs where labels[id] != nil { json.string(id) } }
            }
            if fields.includes("idLabels") { json.key("idLabels"); json.array { json in for id in card.labelIDs { json.string(id) } } }
            if fields.includes("manualCoverAttachment") { json.key("manualCoverAttachment"); json.bool(false) }
            if fields.includes("name") { json.key("name"); json.string(card.name) }
            if fields.includes("pos") { json.key("pos"); json.raw(TrelloRenderer.number(card.pos)) }
            if fields.includes("shortLink") { json.key("shortLink"); json.string(card.shortLink) }
            if fields.includes("shortUrl") { json.key("shortUrl"); json.string("\(site)/c/\(card.shortLink)") }
            if fields.includes("start") { json.key("start"); json.null() }
            if fields.includes("subscribed") { json.key("subscribed"); json.bool(false) }
            if fields.includes("url") { json.key("url"); json.string("\(site)/c/\(card.shortLink)/\(card.idShort)-\(TrelloRenderer.slug(card.name))") }
            if fields.includes("cover") {
                json.key("cover")
                json.object { json in
                    json.key("idUploadedBackground"); json.null()
                    json.key("size"); json.string("normal")
                    json.key("brightness"); json.string("dark")
                    json.key("isTemplate"); json.bool(false)
                }
            }
        }
    }

    private func badges(_ card: TrelloStore.Card, to json: inout JSONWriter) {
        json.key("badges")
        json.object { json in
            json.key("attachmentsByType")
            json.object { json in json.key("trello"); json.object { json in json.key("board"); json.int(0); json.key("card"); json.int(0) } }
            json.key("location"); json.bool(false)
            json.key("votes"); json.int(0)
            json.key("viewingMemberVoted"); json.bool(false)
            json.key("subscribed"); json.bool(false)
            json.key("fogbugz"); json.string("")
            json.key("checkItems"); json.int(0)
            json.key("checkItemsChecked"); json.int(0)
            json.key("comments"); json.int(commentCounts[card.id] ?? 0)
            json.key("attachments"); json.int(0)
            json.key("description"); json.bool(!card.desc.isEmpty)
            json.key("due"); json.null()
            json.key("start"); json.null()
            json.key("dueComplete"); json.bool(false)
        }
    }

    // MARK: Actions

    func action(_ action: TrelloActionRecord, fields: TrelloFieldSelection, memberCreator: Bool, to json: inout JSONWriter) {
        json.object { json in
            json.key("id"); json.string(action.id)
            if fields.includes("idMemberCreator") { json.key("idMemberCreator"); json.string(action.memberID) }
            if fields.includes("data") { data(action, to: &json) }
            if fields.includes("type") { json.key("type"); json.string(action.type) }
            if fields.includes("date") { json.key("date"); json.string(TrelloTime.format(action.date)) }
            if memberCreator, let member = store.member(action.memberID) {
                json.key("memberCreator")
                self.member(member, fields: TrelloFieldSelection("activityBlocked,fullName,initials,username"), to: &json)
            }
        }
    }

    private func data(_ action: TrelloActionRecord, to json: inout JSONWriter) {
        json.key("data")
        json.object { json in
            if let text = action.text { json.key("text"); json.string(text) }
            if let card = action.card {
                json.key("card")
                json.object { json in
                    json.key("id"); json.string(card.id)
                    if let name = card.name { json.key("name"); json.string(name) }
                    json.key("idShort"); json.int(card.idShort)
                    json.key("shortLink"); json.string(card.shortLink)
                    if let desc = card.desc { json.key("desc"); json.string(desc) }
                    if let idList = card.idList { json.key("idList"); json.string(idList) }
                    if let closed = card.closed { json.key("closed"); json.bool(closed) }
                }
            }
            if let board = store.boards.first(where: { $0.id == action.boardID }) {
                json.key("board")
                json.object { json in
                    json.key("id"); json.string(board.id)
                    json.key("name"); json.string(board.name)
                    json.key("shortLink"); json.string(board.shortLink)
                }
            }
            for (name, list) in [("list", action.list), ("listBefore", action.listBefore), ("listAfter", action.listAfter)] {
                guard let list else { continue }
                json.key(name)
                json.object { json in json.key("id"); json.string(list.id); json.key("name"); json.string(list.name) }
            }
            if let label = action.label {
                json.key("label")
                json.object { json in
                    json.key("id"); json.string(label.id)
                    json.key("name"); json.string(label.name)
                    json.key("color"); json.string(label.color)
                }
            }
            if let id = action.idMember {
                json.key("idMember"); json.string(id)
                if let member = store.member(id) {
                    json.key("member")
                    json.object { json in json.key("id"); json.string(member.id); json.key("name"); json.string(member.fullName) }
                }
            }
            if let old = action.old {
                json.key("old")
                json.object { json in
                    if let name = old.name { json.key("name"); json.string(name) }
                    if let desc = old.desc { json.key("desc"); json.string(desc) }
                    if let idList = old.idList { json.key("idList"); json.string(idList) }
                    if let closed = old.closed { json.key("closed"); json.bool(closed) }
                    if let pos = old.pos { json.key("pos"); json.raw(TrelloRenderer.number(pos)) }
                }
            }
        }
    }

    // MARK: Helpers

    /// Comments per card on a board, for `badges`. Read in place: a filtered copy of the board's actions (10,000 and
    /// more in the bench) made every card answer, a `PUT`'s too, cost 12 ms.
    static func commentCounts(_ store: TrelloStore, board: String) -> [String: Int] {
        var counts: [String: Int] = [:]
        let actions = store.actions
        for index in actions.indices where actions[index].type == "commentCard" && actions[index].boardID == board {
            if let id = actions[index].card?.id { counts[id, default: 0] += 1 }
        }
        return counts
    }

    /// A JSON number: whole values without a fraction (`65536`), others as Swift prints them.
    static func number(_ value: Double) -> [UInt8] {
        if value.rounded() == value, abs(value) < 1e15 { return Array(String(Int64(value)).utf8) }
        return Array(String(value).utf8)
    }

    static func slug(_ text: String) -> String {
        let slug = text.lowercased().split(whereSeparator: { !($0.isASCII && ($0.isLetter || $0.isNumber)) }).joined(separator: "-")
        return slug.isEmpty ? "card" : String(slug.prefix(60))
    }

    static func initials(_ name: String) -> String {
        String(name.split(separator: " ").compactMap(\.first).prefix(3)).uppercased()
    }
}
