/// A card as the client reads it: exactly the fields it asks for (`TrelloCard.fields`).
struct TrelloCard: Decodable, Sendable, Equatable {
    /// The `fields` every card read asks for, so an answer never carries more than the sync uses.
    static let fields = ["id", "shortLink", "name", "desc", "idBoard", "idList", "idLabels", "idMembers", "closed",
                         "dateLastActivity", "url"]
    static var fieldList: String { fields.joined(separator: ",") }

    var id: String
    var shortLink: String
    var name: String
    var desc: String
    var idBoard: String
    var idList: String
    var idLabels: [String]
    var idMembers: [String]
    var closed: Bool
    /// `2026-11-25T10:39:38.123Z`: moves with every change to the card (and with comments, which change nothing
    /// that syncs).
    var dateLastActivity: String
    var url: String?
}

/// A list of the board, as `GET /boards/{id}?lists=all` nests them.
struct TrelloList: Decodable, Sendable, Equatable {
    var id: String
    var name: String
    var closed: Bool
    var pos: Double
}

/// A label of the board. Boards start with six colours and no names; a nameless label maps to nothing.
struct TrelloLabel: Decodable, Sendable, Equatable {
    var id: String
    var name: String?
    var color: String?
}

/// A member of the board.
struct TrelloMember: Decodable, Sendable, Equatable {
    var id: String
    var username: String
    var fullName: String?
}

/// `GET /boards/{id}` with its lists, labels and members nested: everything about the board in one request.
struct TrelloBoard: Decodable, Sendable, Equatable {
    static let fields = "id,name,shortLink,url,closed"

    var id: String
    var name: String
    var shortLink: String
    var url: String?
    var closed: Bool?
    var lists: [TrelloList]
    var labels: [TrelloLabel]
    var members: [TrelloMember]
}

/// One entry of a board's activity (`GET /boards/{id}/actions`), read for which cards it touched.
struct TrelloAction: Decodable, Sendable {
    struct Reference: Decodable, Sendable {
        var id: String?
        var shortLink: String?
    }

    /// What an `updateCard` changed from (Trello keeps the previous value of each field it changed).
    struct Previous: Decodable, Sendable {
        var desc: String?
    }

    struct Data: Decodable, Sendable {
        var card: Reference?
        var board: Reference?
        var old: Previous?
    }

    var id: String
    var type: String
    var date: String
    var data: Data
}
