/// The site-wide configuration every simulated Jira has: status categories, priorities, issue types and the
/// system fields the simulator knows. Ids and names are Jira Cloud's defaults.
enum JiraCatalog {
    struct StatusCategory: Sendable {
        var id: Int
        var key: String
        var name: String
        var colorName: String
    }

    struct Priority: Sendable {
        var id: String
        var name: String
        var description: String
        var color: String
        var icon: String
        /// Higher is more urgent; `ORDER BY priority DESC` puts Highest first, as in Jira.
        var rank: Int
    }

    struct IssueType: Sendable {
        var id: String
        var name: String
        var description: String
        var hierarchyLevel: Int
        var avatarID: Int
        var isSubtask: Bool { hierarchyLevel < 0 }
    }

    /// A system field as `GET /field` lists it.
    struct Field: Sendable {
        var id: String
        var name: String
        var schemaType: String
        var items: String?
        var orderable = true
        var searchable = true
        var clauseNames: [String]
    }

    static let statusCategories = [
        StatusCategory(id: 1, key: "undefined", name: "No Category", colorName: "medium-gray"),
        StatusCategory(id: 2, key: "new", name: "To Do", colorName: "blue-gray"),
        StatusCategory(id: 4, key: "indeterminate", name: "In Progress", colorName: "yellow"),
        StatusCategory(id: 3, key: "done", name: "Done", colorName: "green"),
    ]

    static func statusCategory(key: String) -> StatusCategory {
        statusCategories.first { $0.key == key } ?? statusCategories[0]
    }

    static let priorities = [
        Priority(id: "1", name: "Highest", description: "This problem will block progress.", color: "#d04437",
                 icon: "highest.svg", rank: 5),
        Priority(id: "2", name: "High", description: "Serious problem that could block progress.", color: "#f15C75",
                 icon: "high.svg", rank: 4),
        Priority(id: "3", name: "Medium", description: "Has the potential to affect progress.", color: "#f79232",
                 icon: "medium.svg", rank: 3),
        Priority(id: "4", name: "Low", description: "Minor problem or easily worked around.", color: "#707070",
                 icon: "low.svg", rank: 2),
        Priority(id: "5", name: "Lowest", description: "Trivial problem with little or no impact on progress.",
                 color: "#999999", icon: "lowest.svg", rank: 1),
    ]

    static let defaultPriorityID = "3"

    static func priority(id: String) -> Priority? { priorities.first { $0.id == id } }

    /// By id or by name (case-insensitive), as Jira resolves `{"name": …}` and JQL values.
    static func priority(named text: String) -> Priority? {
        priorities.first { $0.id == text || $0.name.caseInsensitiveCompare(text) == .orderedSame }
    }

    static let issueTypes = [
        IssueType(id: "10000", name: "Epic", description: "A big user story that needs to be broken down.",
                  hierarchyLevel: 1, avatarID: 10307),
        IssueType(id: "10001", name: "Story", description: "Functionality or a feature expressed as a user goal.",
                  hierarchyLevel: 0, avatarID: 10315),
        IssueType(id: "10002", name: "Task", description: "A small, distinct piece of work.", hierarchyLevel: 0,
                  avatarID: 10318),
        IssueType(id: "10003", name: "Bug", description: "A problem or error.", hierarchyLevel: 0, avatarID: 10303),
        IssueType(id: "10004", name: "Sub-task", description: "A small piece of work that's part of a larger task.",
                  hierarchyLevel: -1, avatarID: 10316),
    ]

    static let defaultIssueTypeID = "10002"

    static func issueType(id: String) -> IssueType? { issueTypes.first { $0.id == id } }

    static func issueType(named text: String) -> IssueType? {
        issueTypes.first { $0.id == text || $0.name.caseInsensitiveCompare(text) == .orderedSame }
    }

    static let fields = [
        Field(id: "summary", name: "Summary", schemaType: "string", clauseNames: ["summary"]),
        Field(id: "description", name: "Description", schemaType: "string", clauseNames: ["description"]),
        Field(id: "status", name: "Status", schemaType: "status", orderable: false, clauseNames: ["status"]),
        Field(id: "priority", name: "Priority", schemaType: "priority", clauseNames: ["priority"]),
        Field(id: "issuetype", name: "Issue Type", schemaType: "issuetype", clauseNames: ["issuetype", "type"]),
        Field(id: "labels", name: "Labels", schemaType: "array", items: "string", clauseNames: ["labels"]),
        Field(id: "assignee", name: "Assignee", schemaType: "user", clauseNames: ["assignee"]),
        Field(id: "reporter", name: "Reporter", schemaType: "user", clauseNames: ["reporter"]),
        Field(id: "creator", name: "Creator", schemaType: "user", orderable: false, clauseNames: ["creator"]),
        Field(id: "parent", name: "Parent", schemaType: "issuelink", clauseNames: ["parent"]),
        Field(id: "project", name: "Project", schemaType: "project", clauseNames: ["project"]),
        Field(id: "created", name: "Created", schemaType: "datetime", orderable: false,
              clauseNames: ["created", "createdDate"]),
        Field(id: "updated", name: "Updated", schemaType: "datetime", orderable: false,
              clauseNames: ["updated", "updatedDate"]),
        Field(id: "statuscategorychangedate", name: "Status Category Changed", schemaType: "datetime",
              orderable: false, clauseNames: ["statusCategoryChangedDate"]),
        Field(id: "issuekey", name: "Key", schemaType: "string", orderable: false, clauseNames: ["id", "issue", "issuekey", "key"]),
    ]
}
