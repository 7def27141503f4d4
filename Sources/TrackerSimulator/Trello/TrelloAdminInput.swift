import Foundation

/// An admin item body: the neutral members, plus Trello's `closed` and `comment`. nil: not given; `.some(nil)`:
/// JSON null (clear).
struct TrelloAdminInput: Sendable {
    struct Invalid: Error, Sendable { var message: String }

    var title: String?
    var description: String??
    var state: String?
    var labels: [String]?
    var assignee: String??
    var priority: String??
    var kind: String??
    var scope: String?
    var closed: Bool?
    var comment: String?

    init(_ body: Data) throws(Invalid) {
        guard let object = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] else { throw Invalid(message: "expected a JSON object") }
        func string(_ name: String) throws(Invalid) -> String? {
            guard let value = object[name] else { return nil }
            guard let text = value as? String else { throw Invalid(message: "\"\(name)\" must be a string") }
            return text
        }
        func nullable(_ name: String) throws(Invalid) -> String?? {
            guard let value = object[name] else { return nil }
            if value is NSNull { return .some(nil) }
            guard let text = value as? String else { throw Invalid(message: "\"\(name)\" must be a string or null") }
            return .some(text)
        }
        title = try string("title")
        description = try nullable("description")
        state = try string("state")
        if let value = object["labels"] {
            guard let list = value as? [Any], let texts = list as? [String], texts.count == list.count else {
                throw Invalid(message: "\"labels\" must be a list of strings")
            }
            labels = texts
        }
        assignee = try nullable("assignee")
        priority = try nullable("priority")
        kind = try nullable("kind")
        scope = try string("scope")
        if let value = object["closed"] {
            guard let flag = value as? Bool else { throw Invalid(message: "\"closed\" must be true or false") }
            closed = flag
        }
        comment = try string("comment")
        if let title { try TrelloAdminInput.check(title, "title") }
        if case .some(.some(let text)) = description { try TrelloAdminInput.check(text, "description") }
    }

    private static func check(_ text: String, _ name: String) throws(Invalid) {
        if text.utf16.count > 16_384 { throw Invalid(message: "\"\(name)\" is longer than Trello's 16,384 characters") }
    }
}
