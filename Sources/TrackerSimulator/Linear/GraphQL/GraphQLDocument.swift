/// A parsed executable document: operations and fragments (type system definitions are not executable and are
/// refused by the validator).
struct GraphQLDocument: Sendable {
    var operations: [GraphQLOperation]
    var fragments: [GraphQLFragment]
    /// Definitions other than operations and fragments (`type Foo { … }`), kept so validation can name them.
    var otherDefinitions: [(kind: String, location: GraphQLLocation)]

    func fragment(named name: String) -> GraphQLFragment? { fragments.first { $0.name == name } }
}

struct GraphQLOperation: Sendable {
    enum Kind: String, Sendable { case query, mutation, subscription }

    var kind: Kind
    var name: String?
    var variables: [GraphQLVariableDefinition]
    var directives: [GraphQLDirective]
    var selections: [GraphQLSelection]
    var location: GraphQLLocation
}

struct GraphQLVariableDefinition: Sendable {
    var name: String
    var type: GraphQLTypeReference
    var defaultValue: GraphQLValue?
    var location: GraphQLLocation
}

struct GraphQLFragment: Sendable {
    var name: String
    var typeCondition: String
    var directives: [GraphQLDirective]
    var selections: [GraphQLSelection]
    var location: GraphQLLocation
}

struct GraphQLArgument: Sendable {
    var name: String
    var value: GraphQLValue
    var location: GraphQLLocation
}

struct GraphQLDirective: Sendable {
    var name: String
    var arguments: [GraphQLArgument]
    var location: GraphQLLocation
}

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

indirect enum GraphQLSelection: Sendable {
    case field(GraphQLField)
    case fragmentSpread(name: String, directives: [GraphQLDirective], location: GraphQLLocation)
    case inlineFragment(typeCondition: String?, directives: [GraphQLDirective], selections: [GraphQLSelection], location: GraphQLLocation)
}
