import JSON

/// The fields `POST /cards` and `PUT /cards/{id}` set, as the JSON body Trello takes in place of query parameters;
/// fields left nil are not sent, so a change sends only what changed.
struct TrelloCardChange: Sendable {
    var name: String?
    var desc: String?
    var idList: String?
    var idLabels: [String]?
    var idMembers: [String]?
    var pos: String?

    var isEmpty: Bool { name == nil && desc == nil && idList == nil && idLabels == nil && idMembers == nil && pos == nil }

    var json: JSONValue {
        var object = JSONObject()
        if let name { object["name"] = .string(name) }
        if let desc { object["desc"] = .string(desc) }
        if let idList { object["idList"] = .string(idList) }
        if let idLabels { object["idLabels"] = .array(idLabels.map(JSONValue.string)) }
        if let idMembers { object["idMembers"] = .array(idMembers.map(JSONValue.string)) }
        if let pos { object["pos"] = .string(pos) }
        return .object(object)
    }
}
