struct LinearTeamNode: GraphQLObjectValue, LinearFilterable {
    let graphQLTypeName = "Team"
    let world: LinearWorld
    let team: LinearStore.Team

    func resolve(_ field: String, _ arguments: GraphQLArguments) throws(GraphQLFieldError) -> GraphQLResult {
        let store = world.store
        switch field {
        case "id": return .string(team.id)
        case "key": return .string(team.key)
        case "name", "displayName": return .string(team.name)
        case "description": return .null
        case "timezone": return .string(team.timezone)
        case "private": return .bool(false)
        case "createdAt": return .string(LinearTime.format(team.createdAt))
        case "updatedAt": return .string(LinearTime.format(team.updatedAt))
        case "archivedAt": return .null
        case "issueCount":
            let archived = arguments.bool("includeArchived") ?? false
            return .int(store.allIssues.filter { $0.teamID == team.id && (archived || $0.archivedAt == nil) }.count)
        case "defaultIssueState": return .optional(store.defaultState(ofTeam: team.id).map { LinearStateNode(world: world, state: $0) })
        case "states":
            let states = try world.filtered(store.states(ofTeam: team.id).map { LinearStateNode(world: world, state: $0) }, arguments)
            return .object(try LinearConnection.page(states, type: "WorkflowStateConnection", id: \.state.id, arguments: arguments) { $0 })
        case "labels":
            let labels = try world.filtered(store.labels.filter { $0.teamID == team.id }.map { LinearLabelNode(world: world, label: $0) }, arguments)
            return .object(try LinearConnection.page(labels, type: "IssueLabelConnection", id: \.label.id, arguments: arguments) { $0 })
        case "members":
            let users = try world.filtered(store.users.map { LinearUserNode(world: world, user: $0) }, arguments)
            return .object(try LinearConnection.page(users, type: "UserConnection", id: \.user.id, arguments: arguments) { $0 })
        default: return .null
        }
    }

    func subject(_ field: String) -> LinearFilterSubject {
        switch field {
        case "id": return .string(team.id)
        case "key": return .string(team.key)
        case "name": return .string(team.name)
        case "createdAt": return .date(team.createdAt)
        case "updatedAt": return .date(team.updatedAt)
        default: return .unsupported
        }
    }
}
