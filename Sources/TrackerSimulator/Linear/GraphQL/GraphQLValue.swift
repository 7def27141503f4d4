import Foundation

/// A value written in a document: a literal or a `$variable`.
indirect enum GraphQLValue: Sendable, Equatable {
    case variable(String)
    case int(String)
    case float(String)
    case string(String)
    case bool(Bool)
    case null
    case enumValue(String)
    case list([GraphQLValue])
    case object([(name: String, value: GraphQLValue)])

    static func == (lhs: GraphQLValue, rhs: GraphQLValue) -> Bool {
        switch (lhs, rhs) {
        case (.variable(let a), .variable(let b)), (.int(let a), .int(let b)), (.float(let a), .float(let b)),
             (.string(let a), .string(let b)), (.enumValue(let a), .enumValue(let b)):
            return a == b
        case (.bool(let a), .bool(let b)): return a == b
        case (.null, .null): return true
        case (.list(let a), .list(let b)): return a == b
        case (.object(let a), .object(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.name == $1.name && $0.value == $1.value }
        default: return false
        }
    }

    /// As graphql-js prints a value in a message: `"text"`, `ENUM`, `{ a: 1 }`.
    var printed: String {
        switch self {
        case .variable(let name): return "$" + name
        case .int(let text), .float(let text), .enumValue(let text): return text
        case .string(let text): return "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        case .bool(let value): return value ? "true" : "false"
        case .null: return "null"
        case .list(let items): return "[" + items.map(\.printed).joined(separator: ", ") + "]"
        case .object(let members):
            return members.isEmpty ? "{}" : "{ " + members.map { "\($0.name): \($0.value.printed)" }.joined(separator: ", ") + " }"
        }
    }
}
