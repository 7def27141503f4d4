import Foundation

/// Everything the Jira fake knows: projects with their issues and workflow, users, the user's time zone and a
/// millisecond clock. A plain value, so a reset is an assignment and the state file is its JSON encoding.
struct JiraStore: SimulatorStore {
    struct User: Codable, Sendable, Equatable {
        var accountId: String
        var displayName: String
        var emailAddress: String
        var active = true
    }

    struct Issue: Codable, Sendable, Equatable {
        var id: Int
        var number: Int
        var summary: String
        /// The ADF document as compact JSON text; nil when there is none.
        var description: String?
        var statusID: String
        var priorityID: String
        var issueTypeID: String
        var labels: [String]
        var assigneeID: String?
        var reporterID: String?
        var creatorID: String
        /// The parent's issue id.
        var parentID: Int?
        /// Milliseconds since 1970.
        var created: Int64
        var updated: Int64
        var statusCategoryChanged: Int64
        /// Property key → value as compact JSON text.
        var properties: [String: String] = [:]
    }

    struct Project: Codable, Sendable {
        var id: Int
        var key: String
        var name: String
        var leadAccountID: String
        var workflow: JiraWorkflow
        /// Ascending by number and so by id: both grow with every create.
        var issues: [Issue] = []
        var nextNumber = 1

        func index(ofNumber number: Int) -> Int? {
            binarySearch { $0.number < number ? .orderedAscending : $0.number > number ? .orderedDescending : .orderedSame }
        }

        func index(ofID id: Int) -> Int? {
            binarySearch { $0.id < id ? .orderedAscending : $0.id > id ? .orderedDescending : .orderedSame }
        }

        func issueKey(_ issue: Issue) -> String { "\(key)-\(issue.number)" }

        private func binarySearch(_ compare: (Issue) -> ComparisonResult) -> Int? {
            var low = 0, high = issues.count - 1
            while low <= high {
                let mid = (low + high) / 2
                switch compare(issues[mid]) {
                case .orderedSame: return mid
                case .orderedAscending: low = mid + 1
                case .orderedDescending: high = mid - 1
                }
            }
            return nil
        }
    }

    /// Where an issue lives: `projects[project].issues[issue]`.
    struct Location: Sendable, Hashable {
        var project: Int
        var issue: Int
    }

    static let defaultTimeZone = "Europe/Berlin"

    var projects: [Project] = []
    var users: [User]
    /// The account the token belongs to (`GET /myself`, `currentUser()`, the reporter of API creates).
    var tokenAccountID: String
    /// The user's time zone: JQL dates are read in it and timestamps written in it.
    var timeZone = JiraStore.defaultTimeZone
    /// Milliseconds since 1970 of the latest change.
    var clock: Int64 = 0
    var wallClock = SimulatorClock()
    var nextIssueID = 10_000
    var nextProjectID = 10_000
    /// Bumped by every change; the state file is written when it moves.
    var revision = 0

    init() {
        users = JiraStore.defaultUsers
        tokenAccountID = JiraStore.defaultUsers[0].accountId
        _ = try? ensureProject(key: "ENG", name: "Engineering")
    }

    static let defaultUsers = [
        User(accountId: "712020:5e1a0c0d-0001-4a5b-9c1d-000000000001", displayName: "Sim User", emailAddress: "sim-user@example.com"),
        User(accountId: "712020:5e1a0c0d-0002-4a5b-9c1d-000000000002", displayName: "Ana Alves", emailAddress: "ana@example.com"),
        User(accountId: "712020:5e1a0c0d-0003-4a5b-9c1d-000000000003", displayName: "Ben Brooks", emailAddress: "ben@example.com"),
        User(accountId: "712020:5e1a0c0d-0004-4a5b-9c1d-000000000004", displayName: "Carla Cruz", emailAddress: "carla@example.com"),
    ]

    /// Who the admin API acts as when a change names nobody: a colleague, not the token's user.
    var remoteAccountID: String { users.first { $0.accountId != tokenAccountID }?.accountId ?? tokenAccountID }

    var zone: TimeZone { TimeZone(identifier: timeZone) ?? TimeZone(identifier: "UTC")! }

    // MARK: Lookup

    func projectIndex(key: String) -> Int? { projects.firstIndex { $0.key == key } }

    /// As the REST paths take it: the id, or the key (case-sensitive).
    func projectIndex(idOrKey: String) -> Int? {
        projects.firstIndex { $0.key == idOrKey || String($0.id) == idOrKey }
    }

    /// An issue by id or key; keys are matched case-insensitively, as Jira does before giving up.
    func locate(_ idOrKey: String) -> Location? {
        if let id = Int(idOrKey) { return locate(id: id) }
        guard let dash = idOrKey.lastIndex(of: "-"), let number = Int(idOrKey[idOrKey.index(after: dash)...]) else {
            return nil
        }
        let projectKey = idOrKey[..<dash].uppercased()
        guard let p = projects.firstIndex(where: { $0.key == projectKey }), let i = projects[p].index(ofNumber: number) else {
            return nil
        }
        return Location(project: p, issue: i)
    }

    func locate(id: Int) -> Location? {
        for (p, project) in projects.enumerated() {
            if let i = project.index(ofID: id) { return Location(project: p, issue: i) }
        }
        return nil
    }

    subscript(location: Location) -> Issue { projects[location.project].issues[location.issue] }

    func key(of location: Location) -> String { projects[location.project].issueKey(self[location]) }

    func user(_ accountID: String?) -> User? {
        guard let accountID else { return nil }
        return users.first { $0.accountId == accountID }
    }

    var tokenUser: User { user(tokenAccountID) ?? JiraStore.defaultUsers[0] }

    /// Children of an issue (sub-tasks or an epic's issues).
    func children(of id: Int) -> [Location] {
        var found: [Location] = []
        for (p, project) in projects.enumerated() {
            for (i, issue) in project.issues.enumerated() where issue.parentID == id { found.append(Location(project: p, issue: i)) }
        }
        return found
    }

    // MARK: Changes

    enum ProjectKeyError: Error { case invalid }

    /// Creates the project when it does not exist (with the standard workflow), or renames it.
    @discardableResult
    mutating func ensureProject(key: String, name: String?) throws(ProjectKeyError) -> Int {
        guard Self.isValidProjectKey(key) else { throw .invalid }
        if let index = projectIndex(key: key) {
            if let name, projects[index].name != name {
                projects[index].name = name
                revision += 1
            }
            return index
        }
        projects.append(Project(id: nextProjectID, key: key, name: name ?? key, leadAccountID: tokenAccountID,
                                workflow: .standard))
        nextProjectID += 1
        revision += 1
        return projects.count - 1
    }

    /// Adds the user, or updates name and email of an existing account.
    mutating func upsertUser(_ user: User) {
        if let index = users.firstIndex(where: { $0.accountId == user.accountId }) {
            guard users[index] != user else { return }
            users[index] = user
        } else {
            users.append(user)
        }
        revision += 1
    }

    /// `at` back-dates seeded issues; live creates take the next tick of the clock.
    mutating func createIssue(_ draft: JiraIssueDraft, at time: Int64? = nil) -> Location {
        let now: Int64
        if let time {
            now = time
            clock = max(clock, time)
        } else {
            now = tick()
        }
        let p = draft.project
        let workflow = projects[p].workflow
        let issue = Issue(
            id: nextIssueID, number: projects[p].nextNumber, summary: draft.summary, description: draft.description,
            statusID: draft.statusID ?? workflow.initialStatusID, priorityID: draft.priorityID,
            issueTypeID: draft.issueTypeID, labels: Self.unique(draft.labels), assigneeID: draft.assigneeID,
            reporterID: draft.reporterID, creatorID: draft.creatorID, parentID: draft.parentID, created: now,
            updated: now, statusCategoryChanged: now, properties: draft.properties)
        nextIssueID += 1
        projects[p].nextNumber += 1
        projects[p].issues.append(issue)
        revision += 1
        return Location(project: p, issue: projects[p].issues.count - 1)
    }

    /// Applies the edit; `updated` moves only when something changed. Returns whether anything did.
    @discardableResult
    mutating func apply(_ edit: JiraIssueEdit, to location: Location) -> Bool {
        let old = self[location]
        var issue = old
        if let summary = edit.summary { issue.summary = summary }
        if let description = edit.description { issue.description = description }
        if let labels = edit.labels { issue.labels = Self.unique(labels) }
        if let priority = edit.priorityID { issue.priorityID = priority }
        if let assignee = edit.assigneeID { issue.assigneeID = assignee }
        if let reporter = edit.reporterID { issue.reporterID = reporter }
        if let parent = edit.parentID { issue.parentID = parent }
        if let type = edit.issueTypeID { issue.issueTypeID = type }
        if let status = edit.statusID, status != old.statusID {
            issue.statusID = status
            let workflow = projects[location.project].workflow
            if workflow.status(id: status)?.categoryKey != workflow.status(id: old.statusID)?.categoryKey {
                issue.statusCategoryChanged = -1
            }
        }
        for (key, value) in edit.properties { issue.properties[key] = value }
        guard issue != old else { return false }
        // Properties are not fields: setting one leaves `updated` alone, as in Jira.
        var fieldsOnly = issue
        fieldsOnly.properties = old.properties
        if fieldsOnly != old {
            let now = tick()
            issue.updated = now
            if issue.statusCategoryChanged == -1 { issue.statusCategoryChanged = now }
        }
        projects[location.project].issues[location.issue] = issue
        revision += 1
        return true
    }

    /// A change that shows only in `updated` (a comment, say).
    mutating func touch(_ location: Location) {
        projects[location.project].issues[location.issue].updated = tick()
        revision += 1
    }

    /// Returns whether the property existed before.
    @discardableResult
    mutating func setProperty(_ key: String, value: String, at location: Location) -> Bool {
        let existed = projects[location.project].issues[location.issue].properties.updateValue(value, forKey: key) != nil
        revision += 1
        return existed
    }

    /// Returns whether there was such a property.
    mutating func deleteProperty(_ key: String, at location: Location) -> Bool {
        guard projects[location.project].issues[location.issue].properties.removeValue(forKey: key) != nil else { return false }
        revision += 1
        return true
    }

    /// Removes the issue with its sub-tasks; an epic's children lose their parent.
    mutating func deleteIssue(id: Int) {
        for child in children(of: id).reversed() {
            if JiraCatalog.issueType(id: self[child].issueTypeID)?.isSubtask == true {
                projects[child.project].issues.remove(at: child.issue)
            } else {
                projects[child.project].issues[child.issue].parentID = nil
            }
        }
        if let location = locate(id: id) { projects[location.project].issues.remove(at: location.issue) }
        revision += 1
    }

    /// Every change moves the clock at least one millisecond, so `updated` strictly increases even for changes
    /// within the same millisecond; it never runs behind the real clock.
    mutating func tick() -> Int64 {
        clock = max(clock + 1, wallClock.nowMilliseconds)
        return clock
    }

    mutating func keepLatestChange(of previous: JiraStore) {
        clock = max(clock, previous.clock)
    }

    // MARK: Helpers

    /// An uppercase letter, then uppercase letters, digits or underscores; 2 to 10 characters.
    static func isValidProjectKey(_ key: String) -> Bool {
        guard (2...10).contains(key.count), let first = key.first, first.isASCII, first.isUppercase else { return false }
        return key.allSatisfy { $0.isASCII && ($0.isUppercase || $0.isNumber || $0 == "_") }
    }

    private static func unique(_ labels: [String]) -> [String] {
        var seen = Set<String>()
        return labels.filter { seen.insert($0).inserted }
    }
}

/// An issue to create, already checked.
struct JiraIssueDraft: Sendable {
    var project: Int
    var issueTypeID: String
    var summary: String
    var description: String?
    var labels: [String] = []
    var priorityID: String = JiraCatalog.defaultPriorityID
    var assigneeID: String?
    var reporterID: String?
    var creatorID: String
    var parentID: Int?
    /// Set directly (admin API and seeding only); nil starts in the workflow's initial status.
    var statusID: String?
    var properties: [String: String] = [:]
}

/// The changes of one edit, already checked; nil means "leave as it is", `.some(nil)` means "clear".
struct JiraIssueEdit: Sendable {
    var summary: String?
    var description: String??
    var labels: [String]?
    var priorityID: String?
    var assigneeID: String??
    var reporterID: String??
    var parentID: Int??
    var issueTypeID: String?
    /// Only the admin API sets a status directly; the REST API goes through transitions.
    var statusID: String?
    var properties: [String: String] = [:]
}
