struct GraphQLArgument: Sendable {
    var name: String
    var value: GraphQLValue
    var location: GraphQLLocation
}
