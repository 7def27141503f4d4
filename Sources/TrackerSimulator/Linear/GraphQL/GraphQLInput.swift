/// An argument or variable value after coercion to its declared input type: what resolvers read.
indirect enum GraphQLInput: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case float(Double)
    case string(String)
    case enumValue(String)
    case list([GraphQLInput])
    case object([String: GraphQLInput])

    var string: String? {
        switch self {
        case .string(let s), .enumValue(let s): return s
        default: return nil
        }
    }

    var int: Int? {
        if case .int(let i) = self { return i }
        return nil
    }

    /// Int or Float, as a Double.
    var number: Double? {
        switch self {
        case .int(let i): return Double(i)
        case .float(let f): return f
        default: return nil
        }
    }

    var bool: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }

    var list: [GraphQLInput]? {
        if case .list(let items) = self { return items }
        return nil
    }

    var object: [String: GraphQLInput]? {
        if case .object(let members) = self { return members }
        return nil
    }

    var isNull: Bool { self == .null }

    subscript(key: String) -> GraphQLInput? { object?[key] }
}
