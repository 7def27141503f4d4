struct GraphQLOperation: Sendable {
    enum Kind: String, Sendable { case query, mutation, subscription }

    var kind: Kind
    var name: String?
    var variables: [GraphQLVariableDefinition]
    var directives: [GraphQLDirective]
    var selections: [GraphQLSelection]
    var location: GraphQLLocation
}
