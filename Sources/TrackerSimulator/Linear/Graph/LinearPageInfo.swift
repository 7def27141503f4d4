struct LinearPageInfo: GraphQLObjectValue {
    let graphQLTypeName = "PageInfo"
    let startCursor: String?
    let endCursor: String?
    let hasNextPage: Bool
    let hasPreviousPage: Bool

    func resolve(_ field: String, _ arguments: GraphQLArguments) throws(GraphQLFieldError) -> GraphQLResult {
        switch field {
        case "startCursor": return .optional(startCursor)
        case "endCursor": return .optional(endCursor)
        case "hasNextPage": return .bool(hasNextPage)
        case "hasPreviousPage": return .bool(hasPreviousPage)
        default: return .null
        }
    }
}
