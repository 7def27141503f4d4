import JSON

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
