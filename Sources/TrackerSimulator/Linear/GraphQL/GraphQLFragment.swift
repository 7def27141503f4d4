struct GraphQLFragment: Sendable {
    var name: String
    var typeCondition: String
    var directives: [GraphQLDirective]
    var selections: [GraphQLSelection]
    var location: GraphQLLocation
}
