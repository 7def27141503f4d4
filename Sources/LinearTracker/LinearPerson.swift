import JSON

/// A Linear user as answers show them.
struct LinearPerson: Sendable, Hashable {
    var id: String
    var name: String?
    var displayName: String?
    var email: String?

    init?(_ json: JSONValue?) {
        guard let json, let id = json["id"]?.string else { return nil }
        self.id = id
        name = json["name"]?.string
        displayName = json["displayName"]?.string
        email = json["email"]?.string.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// How a pulled item names its assignee: the email, else the display name.
    var pulledName: String { email ?? displayName ?? name ?? id }

    func isNamed(_ text: String) -> Bool {
        let lower = text.lowercased()
        return [id, email, displayName, name].contains { $0?.lowercased() == lower }
    }
}
