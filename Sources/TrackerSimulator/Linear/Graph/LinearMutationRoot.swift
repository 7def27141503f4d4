import Foundation

/// `Mutation`: `issueCreate` (with a client-chosen `id`), `issueUpdate` (any subset of fields, labels replaced or
/// added/removed, `teamId` moves the issue and gives it a new identifier) and `issueLabelCreate`. Inputs are checked
/// as Linear checks them: ids must exist and belong to the issue's team, priorities are 0–4, titles are not empty.
struct LinearMutationRoot: GraphQLObjectValue {
    let graphQLTypeName = "Mutation"
    let world: LinearWorld

    /// A mutation that fails changes nothing: each checks its input before changing the store, and an update that
    /// moved the issue before a refused field puts the store back. (A copy of the store kept for every mutation
    /// made each one copy all the issues.)
    func resolve(_ field: String, _ arguments: GraphQLArguments) throws(GraphQLFieldError) -> GraphQLResult {
        switch field {
        case "issueCreate": return try create(arguments.object("input") ?? [:])
        case "issueUpdate": return try update(id: arguments.string("id") ?? "", arguments.object("input") ?? [:])
        case "issueLabelCreate": return try createLabel(arguments.object("input") ?? [:])
        default: return .null
        }
    }

    private func payload(_ issue: LinearStore.Issue) -> GraphQLResult {
        .object(LinearPayload(graphQLTypeName: "IssuePayload", entityField: "issue",
                              entity: LinearIssueNode(world: world, issue: world.store.issue(id: issue.id) ?? issue),
                              lastSyncID: world.store.revision))
    }

    // MARK: issueCreate

    private func create(_ input: [String: GraphQLInput]) throws(GraphQLFieldError) -> GraphQLResult {
        let store = world.store
        guard let teamID = input["teamId"]?.string, let team = store.team(id: teamID) else { throw LinearErrors.entityNotFound("Team") }
        var id = UUID().uuidString.lowercased()
        if let chosen = input["id"]?.string {
            guard UUID(uuidString: chosen) != nil else { throw LinearErrors.argumentValidation("id must be a UUID.") }
            guard store.issue(id: chosen.lowercased()) == nil else {
                throw LinearErrors.invalidInput("An issue with this id already exists.", message: "Entity already exists")
            }
            id = chosen.lowercased()
        }
        let title = input["title"]?.string ?? ""
        guard !title.trimmingCharacters(in: .whitespaces).isEmpty else { throw LinearErrors.argumentValidation("title should not be empty.") }
        var issue = LinearStore.Issue(id: id, teamID: team.id, number: 0, title: title, description: nil, priority: 0,
                                      stateID: store.defaultState(ofTeam: team.id)?.id ?? "", labelIDs: [], assigneeID: nil,
                                      creatorID: store.viewerID, parentID: nil, createdAt: 0, updatedAt: 0)
        try apply(input, to: &issue)
        stamp(&issue, previousState: nil)
        return payload(world.store.insert(issue))
    }

    // MARK: issueUpdate

    private func update(id: String, _ input: [String: GraphQLInput]) throws(GraphQLFieldError) -> GraphQLResult {
        guard let issue = world.store.issue(idOrIdentifier: id) else { throw LinearErrors.entityNotFound("Issue") }
        guard let teamID = input["teamId"]?.string, teamID != issue.teamID else {
            return try update(issue, input, previousState: issue.stateID)
        }
        guard world.store.team(id: teamID) != nil else { throw LinearErrors.entityNotFound("Team") }
        let beforeMove = world.store
        do {
            world.store.move(issue.id, toTeam: teamID)
            return try update(world.store.issue(id: issue.id) ?? issue, input, previousState: issue.stateID)
        } catch {
            world.store = beforeMove
            throw error
        }
    }

    /// The fields of `input` applied to `issue` (already in its new team when the update moves it).
    private func update(_ current: LinearStore.Issue, _ input: [String: GraphQLInput], previousState: String)
        throws(GraphQLFieldError) -> GraphQLResult
    {
        var issue = current
        try apply(input, to: &issue)
        if let added = input["addedLabelIds"]?.list?.compactMap(\.string) {
            try checkLabels(added, team: issue.teamID)
            for label in added where !issue.labelIDs.contains(label) { issue.labelIDs.append(label) }
        }
        if let removed = input["removedLabelIds"]?.list?.compactMap(\.string) {
            issue.labelIDs.removeAll { removed.contains($0) }
        }
        stamp(&issue, previousState: previousState)
        world.store.update(issue)
        return payload(issue)
    }

    /// The fields `issueCreate` and `issueUpdate` share.
    private func apply(_ input: [String: GraphQLInput], to issue: inout LinearStore.Issue) throws(GraphQLFieldError) {
        let store = world.store
        if let title = input["title"] {
            guard let text = title.string, !text.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw LinearErrors.argumentValidation("title should not be empty.")
            }
            issue.title = text
        }
        if let description = input["description"] {
            issue.description = description.string.map(LinearMarkdown.render)
        }
        if let priority = input["priority"] {
            guard let value = priority.int, (0...4).contains(value) else {
                throw LinearErrors.argumentValidation("priority must not be greater than 4 or less than 0.")
            }
            issue.priority = value
        }
        if let stateID = input["stateId"]?.string {
            guard let state = store.state(id: stateID) else { throw LinearErrors.entityNotFound("WorkflowState") }
            guard state.teamID == issue.teamID else {
                throw LinearErrors.invalidInput("The workflow state does not belong to the issue's team.", message: "Invalid state for team")
            }
            issue.stateID = stateID
        }
        if let labels = input["labelIds"] {
            let ids = labels.list?.compactMap(\.string) ?? []
            try checkLabels(ids, team: issue.teamID)
            issue.labelIDs = ids
        }
        if let assignee = input["assigneeId"] {
            if let id = assignee.string {
                guard store.user(id: id) != nil else { throw LinearErrors.entityNotFound("User") }
                issue.assigneeID = id
            } else {
                issue.assigneeID = nil
            }
        }
        if let parent = input["parentId"] {
            if let id = parent.string {
                guard let found = store.issue(id: id) else { throw LinearErrors.entityNotFound("Issue") }
                guard found.id != issue.id else { throw LinearErrors.invalidInput("An issue cannot be its own parent.", message: "Invalid parent") }
                issue.parentID = found.id
            } else {
                issue.parentID = nil
            }
        }
    }

    private func checkLabels(_ ids: [String], team: String) throws(GraphQLFieldError) {
        for id in ids {
            guard let label = world.store.label(id: id) else { throw LinearErrors.entityNotFound("IssueLabel") }
            guard label.teamID == nil || label.teamID == team else {
                throw LinearErrors.invalidInput("Labels must belong to the issue's team or the workspace.", message: "LabelIds for incorrect team")
            }
            guard !label.isGroup else {
                throw LinearErrors.invalidInput("A label group cannot be applied to an issue.", message: "Label group")
            }
        }
    }

    /// `startedAt`, `completedAt` and `canceledAt` follow the state's type, as Linear sets them.
    private func stamp(_ issue: inout LinearStore.Issue, previousState: String?) {
        guard issue.stateID != previousState, let type = world.store.state(id: issue.stateID)?.type else { return }
        let now = world.store.now
        issue.completedAt = type == "completed" ? now : nil
        issue.canceledAt = type == "canceled" ? now : nil
        if type == "started", issue.startedAt == nil { issue.startedAt = now }
        if ["backlog", "unstarted", "triage"].contains(type) { issue.startedAt = nil }
    }

    // MARK: issueLabelCreate

    private func createLabel(_ input: [String: GraphQLInput]) throws(GraphQLFieldError) -> GraphQLResult {
        guard let name = input["name"]?.string, !name.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw LinearErrors.argumentValidation("name should not be empty.")
        }
        let teamID = input["teamId"]?.string
        if let teamID, world.store.team(id: teamID) == nil { throw LinearErrors.entityNotFound("Team") }
        let clash = world.store.labels.contains {
            $0.name.lowercased() == name.lowercased() && ($0.teamID == nil || teamID == nil || $0.teamID == teamID)
        }
        guard !clash else { throw LinearErrors.invalidInput("A label with this name already exists.", message: "Duplicate label name") }
        var chosen: String?
        if let id = input["id"]?.string {
            guard UUID(uuidString: id) != nil else { throw LinearErrors.argumentValidation("id must be a UUID.") }
            chosen = id.lowercased()
        }
        let id = world.store.addLabel(name: name, color: input["color"]?.string ?? "#95a2b3", teamID: teamID, id: chosen)
        world.store.revision += 1
        guard let label = world.store.label(id: id) else { throw LinearErrors.entityNotFound("IssueLabel") }
        return .object(LinearPayload(graphQLTypeName: "IssueLabelPayload", entityField: "issueLabel",
                                     entity: LinearLabelNode(world: world, label: label), lastSyncID: world.store.revision))
    }
}
