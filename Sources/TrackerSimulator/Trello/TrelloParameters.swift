import Foundation
import JSON

/// A request's parameters: the query, overridden by a JSON body's members (Trello takes either). Lists come as
/// comma-separated text or as JSON arrays; `null` is the text `null`, as Trello reads it.
struct TrelloParameters: Sendable {
    enum Value: Sendable, Equatable {
        case text(String)
        case list([String])
    }

    private var values: [String: Value] = [:]

    /// nil when the body is present but not a JSON object.
    init?(_ request: SimRequest) {
        for (name, value) in request.query { values[name] = .text(value) }
        guard !request.body.isEmpty else { return }
        guard let body = try? JSONValue(parsing: request.body), let object = body.object else { return nil }
        for (name, value) in object { values[name] = Self.value(value) }
    }

    init(query: [(name: String, value: String)]) {
        for (name, value) in query { values[name] = .text(value) }
    }

    private static func value(_ json: JSONValue) -> Value {
        if let array = json.array { return .list(array.map(text(of:))) }
        return .text(text(of: json))
    }

    /// A value as Trello reads a parameter: strings as they are, numbers and booleans as written, null as `null`.
    private static func text(of json: JSONValue) -> String {
        switch json {
        case .string(let text): return text
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .number(let number): return number.text
        case .array, .object: return json.encodedString()
        }
    }

    func has(_ name: String) -> Bool { values[name] != nil }

    func text(_ name: String) -> String? {
        switch values[name] {
        case .text(let text)?: return text
        case .list(let list)?: return list.joined(separator: ",")
        case nil: return nil
        }
    }

    /// `a,b` or `["a", "b"]`; an empty text is an empty list.
    func list(_ name: String) -> [String]? {
        switch values[name] {
        case .text(let text)?: return text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        case .list(let list)?: return list
        case nil: return nil
        }
    }

    /// `true`/`false` (also `1`/`0`); nil when absent, `.some(nil)` when not a boolean.
    func bool(_ name: String) -> Bool?? {
        guard let text = text(name) else { return nil }
        switch text.lowercased() {
        case "true", "1": return .some(true)
        case "false", "0": return .some(false)
        default: return .some(nil)
        }
    }
}
