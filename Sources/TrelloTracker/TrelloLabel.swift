import JSON

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
