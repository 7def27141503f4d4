/// One entry of a GraphQL answer's `errors`: a message, where in the document, where in the answer, and the
/// server's `extensions` (Linear's `type`, `code`, `userError`, `userPresentableMessage`).
struct GraphQLError: Error, Sendable, Equatable {
    enum PathElement: Sendable, Equatable {
        case key(String)
        case index(Int)
    }

    var message: String
    var locations: [GraphQLLocation] = []
    var path: [PathElement]? = nil
    var extensions: [(String, GraphQLExtensionValue)] = []
    /// Whether this error must be answered without `data` (validation and request errors), rather than beside it.
    var isRequestError = false

    static func == (lhs: GraphQLError, rhs: GraphQLError) -> Bool {
        lhs.message == rhs.message && lhs.locations == rhs.locations && lhs.path == rhs.path
            && lhs.extensions.map(\.0) == rhs.extensions.map(\.0) && lhs.extensions.map(\.1) == rhs.extensions.map(\.1)
    }
}
