struct GraphQLObjectType: Sendable {
    var name: String
    var interfaces: [String]
    var fields: [String: GraphQLFieldDefinition]
}
