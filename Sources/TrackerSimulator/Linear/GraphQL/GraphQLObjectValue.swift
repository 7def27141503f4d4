/// An object the executor asks for the fields a query selects. The executor checks what it answers against the
/// schema (types, nullability), so a resolver cannot hand out something the real API would not.
protocol GraphQLObjectValue {
    /// The object's concrete type (for `__typename` and fragment type conditions).
    var graphQLTypeName: String { get }
    func resolve(_ field: String, _ arguments: GraphQLArguments) throws(GraphQLFieldError) -> GraphQLResult
}
