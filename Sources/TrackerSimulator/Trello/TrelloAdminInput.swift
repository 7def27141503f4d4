import Foundation

/// An admin item body: the neutral members (read as `input.title`, …), plus Trello's `closed` and `comment`.
@dynamicMemberLookup
struct TrelloAdminInput: Sendable {
    typealias Invalid = NeutralItemInput.Invalid

    var neutral: NeutralItemInput
    var closed: Bool?
    var comment: String?

    subscript<Value>(dynamicMember member: KeyPath<NeutralItemInput, Value>) -> Value { neutral[keyPath: member] }

    init(_ body: Data) throws(Invalid) {
        guard let object = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] else { throw Invalid(message: "expected a JSON object") }
        neutral = try NeutralItemInput(object)
        if let value = object["closed"] {
            guard let flag = JSONScalar.boolean(value) else { throw Invalid(message: "\"closed\" must be true or false") }
            closed = flag
        }
        comment = try NeutralItemInput.string("comment", object)
        if let title = neutral.title { try Self.check(title, "title") }
        if case .some(.some(let text)) = neutral.description { try Self.check(text, "description") }
    }

    private static func check(_ text: String, _ name: String) throws(Invalid) {
        if text.utf16.count > 16_384 { throw Invalid(message: "\"\(name)\" is longer than Trello's 16,384 characters") }
    }
}
