/// A parsed executable document: operations and fragments (type system definitions are not executable and are
/// refused by the validator).
struct GraphQLDocument: Sendable {
    var operations: [GraphQLOperation]
    var fragments: [GraphQLFragment]
    /// Definitions other than operations and fragments (`type Foo { … }`), kept so validation can name them.
    var otherDefinitions: [(kind: String, location: GraphQLLocation)]

    func fragment(named name: String) -> GraphQLFragment? { fragments.first { $0.name == name } }
}
