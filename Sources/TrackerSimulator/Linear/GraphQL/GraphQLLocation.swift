/// 1-based line and column, as GraphQL errors report them.
struct GraphQLLocation: Sendable, Equatable, Hashable {
    var line: Int
    var column: Int
}
