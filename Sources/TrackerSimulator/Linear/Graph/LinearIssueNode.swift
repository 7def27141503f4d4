/// An issue as the GraphQL API shows it.
struct LinearIssueNode: GraphQLObjectValue, LinearFilterable {
    let graphQLTypeName = "Issue"
    let world: LinearWorld
    let issue: LinearStore.Issue

    static let priorityLabels = ["No priority", "Urgent", "High", "Medium", "Low"]

    private var store: LinearStore { world.store }
    private var identifier: String { store.identifier(of: issue) }

    func resolve(_ field: String, _ arguments: GraphQLArguments) throws(GraphQLFieldError) -> GraphQLResult {
        switch field {
        case "id": return .string(issue.id)
        case "identifier": return .string(identifier)
        case "number": return .float(Double(issue.number))
        case "title": return .string(issue.title)
        case "description": return .optional(issue.description)
        case "priority": return .float(Double(issue.priority))
        case "priorityLabel": return .string(Self.priorityLabels[max(0, min(4, issue.priority))])
        case "url": return .string("https://linear.app/\(store.urlKey)/issue/\(identifier)/\(Self.slug(issue.title))")
        case "branchName":
            let owner = issue.assigneeID.flatMap { store.user(id: $0)?.name } ?? store.user(id: store.viewerID)?.name ?? "user"
            return .string("\(owner)/\(identifier.lowercased())-\(Self.slug(issue.title))")
        case "createdAt": return .string(LinearTime.format(issue.createdAt))
        case "updatedAt": return .string(LinearTime.format(issue.updatedAt))
        case "archivedAt": return .optional(issue.archivedAt.map(LinearTime.format))
        case "startedAt": return .optional(issue.startedAt.map(LinearTime.format))
        case "completedAt": return .optional(issue.completedAt.map(LinearTime.format))
        case "canceledAt": return .optional(issue.canceledAt.map(LinearTime.format))
        // Linear leaves the flag out (null) unless the issue is in the trash.
        case "trashed": return issue.trashed ? .bool(true) : .null
        case "previousIdentifiers": return .list(issue.previousIdentifiers.map(GraphQLResult.string))
        case "labelIds": return .list(issue.labelIDs.map(GraphQLResult.string))
        case "state": return .optional(store.state(id: issue.stateID).map { LinearStateNode(world: world, state: $0) })
        case "team": return .optional(store.team(id: issue.teamID).map { LinearTeamNode(world: world, team: $0) })
        case "assignee": return .optional(issue.assigneeID.flatMap(store.user(id:)).map { LinearUserNode(world: world, user: $0) })
        case "creator": return .optional(issue.creatorID.flatMap(store.user(id:)).map { LinearUserNode(world: world, user: $0) })
        case "parent": return .optional(issue.parentID.flatMap(store.issue(id:)).map { LinearIssueNode(world: world, issue: $0) })
        case "children":
            let children = store.allIssues.filter { $0.parentID == issue.id }
            let ordered = try world.issues(arguments, within: children)
            return .object(try LinearConnection.page(ordered, type: "IssueConnection", id: \.id, arguments: arguments) {
                LinearIssueNode(world: world, issue: $0)
            })
        case "labels":
            let labels = issue.labelIDs.compactMap(store.label(id:)).map { LinearLabelNode(world: world, label: $0) }
            let filtered = try world.filtered(labels, arguments)
            return .object(try LinearConnection.page(filtered, type: "IssueLabelConnection", id: \.label.id, arguments: arguments) { $0 })
        default: return .null
        }
    }

    func subject(_ field: String) -> LinearFilterSubject {
        switch field {
        case "id": return .string(issue.id)
        case "number": return .number(Double(issue.number))
        case "title": return .string(issue.title)
        case "description": return .string(issue.description)
        case "priority": return .number(Double(issue.priority))
        case "createdAt": return .date(issue.createdAt)
        case "updatedAt": return .date(issue.updatedAt)
        case "archivedAt": return .date(issue.archivedAt)
        case "team": return .entity(store.team(id: issue.teamID).map { LinearTeamNode(world: world, team: $0) })
        case "state": return .entity(store.state(id: issue.stateID).map { LinearStateNode(world: world, state: $0) })
        case "assignee": return .entity(issue.assigneeID.flatMap(store.user(id:)).map { LinearUserNode(world: world, user: $0) })
        case "creator": return .entity(issue.creatorID.flatMap(store.user(id:)).map { LinearUserNode(world: world, user: $0) })
        case "parent": return .entity(issue.parentID.flatMap(store.issue(id:)).map { LinearIssueNode(world: world, issue: $0) })
        case "labels": return .collection(issue.labelIDs.compactMap(store.label(id:)).map { LinearLabelNode(world: world, label: $0) })
        default: return .unsupported
        }
    }

    /// The readable tail of an issue URL: lower-case words joined by `-`.
    static func slug(_ title: String) -> String {
        let words = title.lowercased().split { !($0.isLetter || $0.isNumber) || !$0.isASCII }
        return words.prefix(8).joined(separator: "-")
    }
}
