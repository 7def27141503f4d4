struct GraphQLInputObjectType: Sendable {
    var name: String
    var fields: [GraphQLInputValueDefinition]

    func field(_ name: String) -> GraphQLInputValueDefinition? { fields.first { $0.name == name } }
}
