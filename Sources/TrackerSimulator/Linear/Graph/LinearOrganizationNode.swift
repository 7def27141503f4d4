struct LinearOrganizationNode: GraphQLObjectValue {
    let graphQLTypeName = "Organization"
    let world: LinearWorld

    func resolve(_ field: String, _ arguments: GraphQLArguments) throws(GraphQLFieldError) -> GraphQLResult {
        let store = world.store
        switch field {
        case "id": return .string(store.organizationID)
        case "name": return .string(store.organizationName)
        case "urlKey": return .string(store.urlKey)
        case "createdAt", "updatedAt": return .string(LinearTime.format(0))
        default: return .null
        }
    }
}
