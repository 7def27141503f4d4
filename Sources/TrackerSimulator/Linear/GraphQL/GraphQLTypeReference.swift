/// A type as a document or schema writes it: `String`, `[ID!]`, `IssueFilter!`.
indirect enum GraphQLTypeReference: Sendable, Equatable, CustomStringConvertible {
    case named(String)
    case list(GraphQLTypeReference)
    case nonNull(GraphQLTypeReference)

    var description: String {
        switch self {
        case .named(let name): return name
        case .list(let inner): return "[\(inner)]"
        case .nonNull(let inner): return "\(inner)!"
        }
    }

    /// The named type underneath list and non-null wrappers.
    var namedType: String {
        switch self {
        case .named(let name): return name
        case .list(let inner), .nonNull(let inner): return inner.namedType
        }
    }

    var isNonNull: Bool {
        if case .nonNull = self { return true }
        return false
    }

    /// Without its outer `!`.
    var nullable: GraphQLTypeReference {
        if case .nonNull(let inner) = self { return inner }
        return self
    }
}
