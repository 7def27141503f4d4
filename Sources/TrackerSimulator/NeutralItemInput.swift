import Foundation

/// The neutral members of an admin request body (`title`, `description`, `state`, `labels`, `assignee`, `priority`,
/// `kind`, `scope`); each tracker turns them into its own fields. nil: not given; `.some(nil)`: JSON null (clear).
struct NeutralItemInput: Sendable {
    static let memberNames: Set<String> = ["title", "description", "state", "labels", "assignee", "priority", "kind", "scope"]

    var title: String?
    var description: String??
    var state: String?
    var labels: [String]?
    var assignee: String??
    var priority: String??
    var kind: String??
    var scope: String?

    /// A member of the wrong type; the message names it and says what it takes.
    struct Invalid: Error, Sendable {
        var message: String
    }

    /// Reads the neutral members of `body` (a JSON object); other members are the tracker's business.
    init(_ body: Data) throws(Invalid) {
        guard let object = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] else {
            throw Invalid(message: "expected a JSON object")
        }
        try self.init(object)
    }

    init(_ object: [String: Any]) throws(Invalid) {
        title = try Self.string("title", object)
        description = try Self.nullableString("description", object)
        state = try Self.string("state", object)
        labels = try Self.strings("labels", object)
        assignee = try Self.nullableString("assignee", object)
        priority = try Self.nullableString("priority", object)
        kind = try Self.nullableString("kind", object)
        scope = try Self.string("scope", object)
    }

    static func string(_ name: String, _ object: [String: Any]) throws(Invalid) -> String? {
        guard let value = object[name] else { return nil }
        guard let text = value as? String else { throw Invalid(message: "\"\(name)\" must be a string") }
        return text
    }

    private static func nullableString(_ name: String, _ object: [String: Any]) throws(Invalid) -> String?? {
        guard let value = object[name] else { return nil }
        if value is NSNull { return .some(nil) }
        guard let text = value as? String else { throw Invalid(message: "\"\(name)\" must be a string or null") }
        return .some(text)
    }

    private static func strings(_ name: String, _ object: [String: Any]) throws(Invalid) -> [String]? {
        guard let value = object[name] else { return nil }
        guard let list = value as? [Any], let texts = list as? [String], texts.count == list.count else {
            throw Invalid(message: "\"\(name)\" must be a list of strings")
        }
        return texts
    }
}
