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
