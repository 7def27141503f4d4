import JSON

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
