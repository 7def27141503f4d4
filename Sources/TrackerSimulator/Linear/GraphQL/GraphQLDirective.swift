struct GraphQLDirective: Sendable {
    var name: String
    var arguments: [GraphQLArgument]
    var location: GraphQLLocation
}
