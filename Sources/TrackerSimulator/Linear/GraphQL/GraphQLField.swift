struct GraphQLField: Sendable {
    var alias: String?
    var name: String
    var arguments: [GraphQLArgument]
    var directives: [GraphQLDirective]
    var selections: [GraphQLSelection]
    var location: GraphQLLocation

    /// The key the field has in the answer.
    var responseKey: String { alias ?? name }
}
