struct LinearStateNode: GraphQLObjectValue, LinearFilterable {
    let graphQLTypeName = "WorkflowState"
    let world: LinearWorld
    let state: LinearStore.WorkflowState

    func resolve(_ field: String, _ arguments: GraphQLArguments) throws(GraphQLFieldError) -> GraphQLResult {
        switch field {
        case "id": return .string(state.id)
        case "name": return .string(state.name)
        case "type": return .string(state.type)
        case "position": return .float(state.position)
        case "color": return .string(state.color)
        case "description": return .null
        case "team": return .optional(world.store.team(id: state.teamID).map { LinearTeamNode(world: world, team: $0) })
        case "createdAt", "updatedAt": return .string(LinearTime.format(state.createdAt))
        case "archivedAt": return .null
        default: return .null
        }
    }

    func subject(_ field: String) -> LinearFilterSubject {
        switch field {
        case "id": return .string(state.id)
        case "name": return .string(state.name)
        case "type": return .string(state.type)
        case "position": return .number(state.position)
        case "team": return .entity(world.store.team(id: state.teamID).map { LinearTeamNode(world: world, team: $0) })
        case "createdAt", "updatedAt": return .date(state.createdAt)
        default: return .unsupported
        }
    }
}
