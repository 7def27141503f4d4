/// `Query`: what a client can read.
struct LinearQueryRoot: GraphQLObjectValue {
    let graphQLTypeName = "Query"
    let world: LinearWorld

    func resolve(_ field: String, _ arguments: GraphQLArguments) throws(GraphQLFieldError) -> GraphQLResult {
        let store = world.store
        switch field {
        case "issues":
            let issues = try world.issues(arguments)
            return .object(try LinearConnection.page(issues, type: "IssueConnection", id: \.id, arguments: arguments) {
                LinearIssueNode(world: world, issue: $0)
            })
        case "issue":
            guard let key = arguments.string("id"), let issue = store.issue(idOrIdentifier: key) else { throw LinearErrors.entityNotFound("Issue") }
            return .object(LinearIssueNode(world: world, issue: issue))
        case "teams":
            let teams = try world.filtered(store.teams.map { LinearTeamNode(world: world, team: $0) }, arguments)
            return .object(try LinearConnection.page(teams, type: "TeamConnection", id: \.team.id, arguments: arguments) { $0 })
        case "team":
            guard let id = arguments.string("id"), let team = store.team(id: id) else { throw LinearErrors.entityNotFound("Team") }
            return .object(LinearTeamNode(world: world, team: team))
        case "issueLabels":
            let labels = try world.filtered(store.labels.map { LinearLabelNode(world: world, label: $0) }, arguments)
            return .object(try LinearConnection.page(labels, type: "IssueLabelConnection", id: \.label.id, arguments: arguments) { $0 })
        case "users":
            let includeDisabled = arguments.bool("includeDisabled") ?? false
            let users = try world.filtered(store.users.filter { includeDisabled || $0.active }.map { LinearUserNode(world: world, user: $0) }, arguments)
            return .object(try LinearConnection.page(users, type: "UserConnection", id: \.user.id, arguments: arguments) { $0 })
        case "workflowStates":
            let states = try world.filtered(store.states.map { LinearStateNode(world: world, state: $0) }, arguments)
            return .object(try LinearConnection.page(states, type: "WorkflowStateConnection", id: \.state.id, arguments: arguments) { $0 })
        case "viewer":
            guard let viewer = store.user(id: store.viewerID) else { throw LinearErrors.entityNotFound("User") }
            return .object(LinearUserNode(world: world, user: viewer))
        case "organization":
            return .object(LinearOrganizationNode(world: world))
        default:
            return .null
        }
    }
}
