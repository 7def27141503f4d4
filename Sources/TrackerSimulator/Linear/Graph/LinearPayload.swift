/// `IssuePayload` and `IssueLabelPayload`: what a mutation answers.
struct LinearPayload: GraphQLObjectValue {
    let graphQLTypeName: String
    let entityField: String
    let entity: any GraphQLObjectValue
    let lastSyncID: Int

    func resolve(_ field: String, _ arguments: GraphQLArguments) throws(GraphQLFieldError) -> GraphQLResult {
        switch field {
        case "success": return .bool(true)
        case "lastSyncId": return .float(Double(lastSyncID))
        case entityField: return .object(entity)
        default: return .null
        }
    }
}
