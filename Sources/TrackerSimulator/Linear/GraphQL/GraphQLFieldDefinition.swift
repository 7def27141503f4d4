struct GraphQLFieldDefinition: Sendable {
    var name: String
    var type: GraphQLTypeReference
    var arguments: [GraphQLInputValueDefinition]

    func argument(_ name: String) -> GraphQLInputValueDefinition? { arguments.first { $0.name == name } }
}
