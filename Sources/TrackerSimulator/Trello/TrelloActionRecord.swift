/// One entry of a board's activity, as Trello records it: its type, who, when, and `data` naming the card, list,
/// label or member it touched, with `old` holding what an `updateCard` changed from.
struct TrelloActionRecord: Codable, Sendable, Equatable {
    struct CardRef: Codable, Sendable, Equatable {
        var id: String
        var name: String?
        var idShort: Int
        var shortLink: String
        var desc: String?
        var idList: String?
        var closed: Bool?

        init(id: String, name: String?, idShort: Int, shortLink: String) {
            self.id = id
            self.name = name
            self.idShort = idShort
            self.shortLink = shortLink
        }

        /// The card as an action names it: id, name, number and shortLink. An `updateCard` adds the new value of the
        /// field it changed.
        init(_ card: TrelloStore.Card) {
            self.init(id: card.id, name: card.name, idShort: card.idShort, shortLink: card.shortLink)
        }
    }

    struct ListRef: Codable, Sendable, Equatable {
        var id: String
        var name: String

        init(_ list: TrelloStore.List) {
            id = list.id
            name = list.name
        }
    }

    struct LabelRef: Codable, Sendable, Equatable {
        var id: String
        var name: String
        var color: String?

        init(_ label: TrelloStore.Label) {
            id = label.id
            name = label.name
            color = label.color
        }
    }

    struct Old: Codable, Sendable, Equatable {
        var name: String?
        var desc: String?
        var idList: String?
        var closed: Bool?
        var pos: Double?
    }

    /// Set when the action is recorded.
    var id = ""
    var type: String
    var boardID: String
    var memberID: String
    /// Milliseconds since 1970.
    var date: Int64
    var card: CardRef?
    var list: ListRef?
    var listBefore: ListRef?
    var listAfter: ListRef?
    var label: LabelRef?
    var idMember: String?
    var old: Old?
    var text: String?

    init(type: String, boardID: String, memberID: String, date: Int64, card: CardRef? = nil, list: ListRef? = nil,
         listBefore: ListRef? = nil, listAfter: ListRef? = nil, label: LabelRef? = nil, idMember: String? = nil,
         old: Old? = nil, text: String? = nil) {
        self.type = type
        self.boardID = boardID
        self.memberID = memberID
        self.date = date
        self.card = card
        self.list = list
        self.listBefore = listBefore
        self.listAfter = listAfter
        self.label = label
        self.idMember = idMember
        self.old = old
        self.text = text
    }
}
