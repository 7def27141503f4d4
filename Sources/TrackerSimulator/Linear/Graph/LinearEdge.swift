struct LinearEdge: GraphQLObjectValue {
    let graphQLTypeName: String
    let node: any GraphQLObjectValue
    let cursor: String

    func resolve(_ field: String, _ arguments: GraphQLArguments) throws(GraphQLFieldError) -> GraphQLResult {
        field == "node" ? .object(node) : field == "cursor" ? .string(cursor) : .null
    }
}
