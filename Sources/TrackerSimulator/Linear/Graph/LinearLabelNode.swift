struct LinearLabelNode: GraphQLObjectValue, LinearFilterable {
    let graphQLTypeName = "IssueLabel"
    let world: LinearWorld
    let label: LinearStore.Label

    func resolve(_ field: String, _ arguments: GraphQLArguments) throws(GraphQLFieldError) -> GraphQLResult {
        let store = world.store
        switch field {
        case "id": return .string(label.id)
        case "name": return .string(label.name)
        case "color": return .string(label.color)
        case "description": return .optional(label.description)
        case "isGroup": return .bool(label.isGroup)
        case "parent": return .optional(label.parentID.flatMap(store.label(id:)).map { LinearLabelNode(world: world, label: $0) })
        case "team": return .optional(label.teamID.flatMap(store.team(id:)).map { LinearTeamNode(world: world, team: $0) })
        case "createdAt": return .string(LinearTime.format(label.createdAt))
        case "updatedAt": return .string(LinearTime.format(label.updatedAt))
        case "archivedAt": return .null
        default: return .null
        }
    }

    func subject(_ field: String) -> LinearFilterSubject {
        switch field {
        case "id": return .string(label.id)
        case "name": return .string(label.name)
        case "isGroup": return .bool(label.isGroup)
        case "team": return .entity(label.teamID.flatMap(world.store.team(id:)).map { LinearTeamNode(world: world, team: $0) })
        case "parent": return .entity(label.parentID.flatMap(world.store.label(id:)).map { LinearLabelNode(world: world, label: $0) })
        case "createdAt": return .date(label.createdAt)
        case "updatedAt": return .date(label.updatedAt)
        default: return .unsupported
        }
    }
}
