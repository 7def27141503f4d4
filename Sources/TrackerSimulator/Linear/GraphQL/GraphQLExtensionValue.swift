/// A value in an error's `extensions`.
enum GraphQLExtensionValue: Sendable, Equatable, ExpressibleByStringLiteral {
    case string(String)
    case bool(Bool)
    case int(Int)

    init(stringLiteral value: String) { self = .string(value) }
}
