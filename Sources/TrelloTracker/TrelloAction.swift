import JSON

/// One entry of a board's activity (`GET /boards/{id}/actions`), read for which card it touched and when, and, for
/// an `updateCard`, what the description was before (Trello keeps the previous value of each field it changed).
struct TrelloAction: Sendable {
    var id: String
    var type: String
    var date: String?
    var cardID: String?
    var cardShortLink: String?
    var previousDesc: String?

    init?(_ json: JSONValue) {
        guard let id = json["id"]?.string, let type = json["type"]?.string else { return nil }
        self.id = id
        self.type = type
        date = json["date"]?.string
        cardID = json["data"]?["card"]?["id"]?.string
        cardShortLink = json["data"]?["card"]?["shortLink"]?.string
        previousDesc = json["data"]?["old"]?["desc"]?.string
    }
}
