/// A document that is not GraphQL: `Syntax Error: …` with where it happened, as graphql-js words it.
struct GraphQLSyntaxError: Error, Sendable, Equatable {
    var message: String
    var location: GraphQLLocation
}
