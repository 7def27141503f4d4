/// What a resolver throws for its field: the message and Linear's error extensions; the executor adds where.
struct GraphQLFieldError: Error, Sendable {
    var message: String
    var extensions: [(String, GraphQLExtensionValue)]

    init(_ message: String, extensions: [(String, GraphQLExtensionValue)] = []) {
        self.message = message
        self.extensions = extensions
    }
}
