/// The fields `POST /cards` and `PUT /cards/{id}` set, as the JSON body Trello takes in place of query parameters;
/// fields left nil are not sent, so a change sends only what changed.
struct TrelloCardChange: Encodable, Sendable {
    var name: String?
    var desc: String?
    var idList: String?
    var idLabels: [String]?
    var idMembers: [String]?
    var pos: String?

    var isEmpty: Bool { name == nil && desc == nil && idList == nil && idLabels == nil && idMembers == nil && pos == nil }
}
