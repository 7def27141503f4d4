indirect enum GraphQLSelection: Sendable {
    case field(GraphQLField)
    case fragmentSpread(name: String, directives: [GraphQLDirective], location: GraphQLLocation)
    case inlineFragment(typeCondition: String?, directives: [GraphQLDirective], selections: [GraphQLSelection], location: GraphQLLocation)
}
