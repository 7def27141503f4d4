struct GraphQLVariableDefinition: Sendable {
    var name: String
    var type: GraphQLTypeReference
    var defaultValue: GraphQLValue?
    var location: GraphQLLocation
}
