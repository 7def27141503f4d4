import JSON

/// A card as the client reads it: exactly the fields it asks for (`TrelloCard.fields`).
struct TrelloCard: Sendable, Equatable {
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

    /// nil when a field the sync needs is missing or of another type.
    init?(_ json: JSONValue) {
        guard let id = json["id"]?.string, let shortLink = json["shortLink"]?.string, let idBoard = json["idBoard"]?.string,
              let idList = json["idList"]?.string, let dateLastActivity = json["dateLastActivity"]?.string,
              let idLabels = json["idLabels"]?.strings, let idMembers = json["idMembers"]?.strings else { return nil }
        self.init(id: id, shortLink: shortLink, name: json["name"]?.string ?? "", desc: json["desc"]?.string ?? "", idBoard: idBoard,
                  idList: idList, idLabels: idLabels, idMembers: idMembers, closed: json["closed"]?.bool ?? false,
                  dateLastActivity: dateLastActivity, url: json["url"]?.string)
    }

    init(id: String, shortLink: String, name: String, desc: String, idBoard: String, idList: String, idLabels: [String],
         idMembers: [String], closed: Bool, dateLastActivity: String, url: String?) {
        self.id = id
        self.shortLink = shortLink
        self.name = name
        self.desc = desc
        self.idBoard = idBoard
        self.idList = idList
        self.idLabels = idLabels
        self.idMembers = idMembers
        self.closed = closed
        self.dateLastActivity = dateLastActivity
        self.url = url
    }
}

/// A list of the board, as `GET /boards/{id}?lists=all` nests them.
struct TrelloList: Sendable, Equatable {
    var id: String
    var name: String
    var closed: Bool
    var pos: Double

    init(id: String, name: String, closed: Bool, pos: Double) {
        self.id = id
        self.name = name
        self.closed = closed
        self.pos = pos
    }

    init?(_ json: JSONValue) {
        guard let id = json["id"]?.string, let name = json["name"]?.string else { return nil }
        self.init(id: id, name: name, closed: json["closed"]?.bool ?? false, pos: json["pos"]?.double ?? 0)
    }
}

/// A label of the board. Boards start with six colours and no names; a nameless label maps to nothing.
struct TrelloLabel: Sendable, Equatable {
    var id: String
    var name: String?
    var color: String?

    init(id: String, name: String?, color: String?) {
        self.id = id
        self.name = name
        self.color = color
    }

    init?(_ json: JSONValue) {
        guard let id = json["id"]?.string else { return nil }
        self.init(id: id, name: json["name"]?.string, color: json["color"]?.string)
    }
}

/// A member of the board.
struct TrelloMember: Sendable, Equatable {
    var id: String
    var username: String
    var fullName: String?

    init(id: String, username: String, fullName: String?) {
        self.id = id
        self.username = username
        self.fullName = fullName
    }

    init?(_ json: JSONValue) {
        guard let id = json["id"]?.string, let username = json["username"]?.string else { return nil }
        self.init(id: id, username: username, fullName: json["fullName"]?.string)
    }
}

/// `GET /boards/{id}` with its lists, labels and members nested: everything about the board in one request.
struct TrelloBoard: Sendable, Equatable {
    static let fields = "id,name,shortLink,url,closed"

    var id: String
    var name: String
    var shortLink: String
    var url: String?
    var closed: Bool?
    var lists: [TrelloList]
    var labels: [TrelloLabel]
    var members: [TrelloMember]

    init(id: String, name: String, shortLink: String, url: String?, closed: Bool?, lists: [TrelloList], labels: [TrelloLabel],
         members: [TrelloMember]) {
        self.id = id
        self.name = name
        self.shortLink = shortLink
        self.url = url
        self.closed = closed
        self.lists = lists
        self.labels = labels
        self.members = members
    }

    init?(_ json: JSONValue) {
        guard let id = json["id"]?.string, let shortLink = json["shortLink"]?.string,
              let lists = json["lists"]?.all(TrelloList.init), let labels = json["labels"]?.all(TrelloLabel.init),
              let members = json["members"]?.all(TrelloMember.init) else { return nil }
        self.init(id: id, name: json["name"]?.string ?? shortLink, shortLink: shortLink, url: json["url"]?.string,
                  closed: json["closed"]?.bool, lists: lists, labels: labels, members: members)
    }
}

/// One entry of a board's activity (`GET /boards/{id}/actions`), read for which card it touched and, for an
/// `updateCard`, what the description was before (Trello keeps the previous value of each field it changed).
struct TrelloAction: Sendable {
    var id: String
    var type: String
    var cardID: String?
    var previousDesc: String?

    init?(_ json: JSONValue) {
        guard let id = json["id"]?.string, let type = json["type"]?.string else { return nil }
        self.id = id
        self.type = type
        cardID = json["data"]?["card"]?["id"]?.string
        previousDesc = json["data"]?["old"]?["desc"]?.string
    }
}

extension JSONValue {
    /// An array of strings; nil for anything else.
    var strings: [String]? {
        guard let array else { return nil }
        let strings = array.compactMap(\.string)
        return strings.count == array.count ? strings : nil
    }

    /// Every element of an array read by `read`; nil when this is no array or an element cannot be read.
    func all<Element>(_ read: (JSONValue) -> Element?) -> [Element]? {
        guard let array else { return nil }
        var out: [Element] = []
        out.reserveCapacity(array.count)
        for element in array {
            guard let value = read(element) else { return nil }
            out.append(value)
        }
        return out
    }
}
