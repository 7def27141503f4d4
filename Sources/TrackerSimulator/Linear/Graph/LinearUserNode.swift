struct LinearUserNode: GraphQLObjectValue, LinearFilterable {
    let graphQLTypeName = "User"
    let world: LinearWorld
    let user: LinearStore.User

    func resolve(_ field: String, _ arguments: GraphQLArguments) throws(GraphQLFieldError) -> GraphQLResult {
        switch field {
        case "id": return .string(user.id)
        case "name": return .string(user.name)
        case "displayName": return .string(user.displayName)
        case "email": return .string(user.email)
        case "active": return .bool(user.active)
        case "admin": return .bool(user.admin)
        case "guest": return .bool(false)
        case "isMe": return .bool(user.id == world.store.viewerID)
        case "url": return .string("https://linear.app/\(world.store.urlKey)/profiles/\(user.name)")
        case "avatarUrl": return .null
        case "createdAt", "updatedAt": return .string(LinearTime.format(user.createdAt))
        case "archivedAt": return .null
        default: return .null
        }
    }

    func subject(_ field: String) -> LinearFilterSubject {
        switch field {
        case "id": return .string(user.id)
        case "name": return .string(user.name)
        case "displayName": return .string(user.displayName)
        case "email": return .string(user.email)
        case "active": return .bool(user.active)
        case "isMe": return .bool(user.id == world.store.viewerID)
        case "createdAt", "updatedAt": return .date(user.createdAt)
        default: return .unsupported
        }
    }
}
