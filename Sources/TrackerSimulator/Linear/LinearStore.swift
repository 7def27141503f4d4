import Foundation

/// Everything the Linear fake knows: one workspace with its users, teams (each with workflow states), labels (team
/// and workspace), issues and a millisecond clock. A plain value, so a reset is an assignment and the state file is
/// its JSON encoding; lookup indexes are rebuilt after decoding.
struct LinearStore: SimulatorStore {
    struct User: Codable, Sendable, Equatable {
        var id: String
        var name: String
        var displayName: String
        var email: String
        var active = true
        var admin = false
        var createdAt: Int64
    }

    struct Team: Codable, Sendable, Equatable {
        var id: String
        var key: String
        var name: String
        var timezone = "Europe/Berlin"
        /// The number the team's last issue got; the next one is this plus one.
        var lastNumber = 0
        var createdAt: Int64
        var updatedAt: Int64
    }

    struct WorkflowState: Codable, Sendable, Equatable {
        var id: String
        var teamID: String
        var name: String
        /// `triage`, `backlog`, `unstarted`, `started`, `completed` or `canceled`.
        var type: String
        var position: Double
        var color: String
        var createdAt: Int64
    }

    struct Label: Codable, Sendable, Equatable {
        var id: String
        var name: String
        var color: String
        /// nil: a workspace label, usable in every team.
        var teamID: String?
        var parentID: String?
        var isGroup = false
        var description: String?
        var createdAt: Int64
        var updatedAt: Int64
    }

    struct Issue: Codable, Sendable, Equatable {
        var id: String
        var teamID: String
        var number: Int
        /// Identifiers it had in teams it moved out of, oldest first.
        var previousIdentifiers: [String] = []
        var title: String
        var description: String?
        /// 0 none, 1 urgent, 2 high, 3 medium, 4 low.
        var priority: Int
        var stateID: String
        var labelIDs: [String]
        var assigneeID: String?
        var creatorID: String?
        var parentID: String?
        var createdAt: Int64
        var updatedAt: Int64
        var archivedAt: Int64?
        var trashed = false
        var startedAt: Int64?
        var completedAt: Int64?
        var canceledAt: Int64?
    }

    var organizationID = "5e1a0000-0000-4000-8000-00000000000a"
    var organizationName = "Simulated Workspace"
    var urlKey = "sim"
    var users: [User] = []
    /// The user the token belongs to (`viewer`, `isMe`, the creator of API creates).
    var viewerID = ""
    var teams: [Team] = []
    var states: [WorkflowState] = []
    var labels: [Label] = []
    /// In creation order.
    private(set) var issues: [Issue] = []
    /// Milliseconds since 1970 of the latest change.
    var clock: Int64 = 0
    /// The simulated "now" (tests move it instead of sleeping).
    var wallClock = SimulatorClock()
    /// Bumped by every change; the state file is written when it moves.
    var revision = 0
    private var nextSerial = 1

    private var issueIndex: [String: Int] = [:]
    /// Current and previous identifiers (upper-cased) → issue id.
    private var identifierIndex: [String: String] = [:]

    private enum CodingKeys: String, CodingKey {
        case organizationID, organizationName, urlKey, users, viewerID, teams, states, labels, issues, clock, wallClock, revision, nextSerial
    }

    init() {
        let viewer = addUser(name: "sim-user", displayName: "Sim User", email: "sim-user@example.com")
        viewerID = viewer
        addUser(name: "ana", displayName: "Ana Alves", email: "ana@example.com")
        addUser(name: "ben", displayName: "Ben Brooks", email: "ben@example.com")
        for (name, color) in [("Bug", "#eb5757"), ("Feature", "#bb87fc"), ("Improvement", "#4ea7fc")] {
            addLabel(name: name, color: color, teamID: nil)
        }
        _ = ensureTeam(key: "ENG", name: "Engineering")
    }

    mutating func rebuildIndexes() {
        issueIndex = [:]
        identifierIndex = [:]
        for (position, issue) in issues.enumerated() { addToIndexes(issue, at: position) }
    }

    private mutating func addToIndexes(_ issue: Issue, at position: Int) {
        issueIndex[issue.id] = position
        identifierIndex[identifier(of: issue).uppercased()] = issue.id
        for previous in issue.previousIdentifiers { identifierIndex[previous.uppercased()] = issue.id }
    }

    // MARK: Ids and time

    /// A fresh id in UUID form (v4 layout, so it looks like Linear's); counted, so seeded workspaces are identical.
    mutating func newID() -> String {
        defer { nextSerial += 1 }
        let hex = String(nextSerial, radix: 16)
        return "5e1a0000-0000-4000-8000-" + String(repeating: "0", count: max(0, 12 - hex.count)) + hex
    }

    /// Every change moves the clock at least one millisecond, so `updatedAt` strictly increases even within the
    /// same millisecond; it never runs behind the real clock.
    mutating func tick() -> Int64 {
        clock = max(clock + 1, wallClock.nowMilliseconds)
        revision += 1
        return clock
    }

    // MARK: Users, teams, states, labels

    @discardableResult
    mutating func addUser(name: String, displayName: String, email: String, admin: Bool = false) -> String {
        if let existing = users.firstIndex(where: { $0.email.lowercased() == email.lowercased() }) {
            users[existing].name = name
            users[existing].displayName = displayName
            revision += 1
            return users[existing].id
        }
        let user = User(id: newID(), name: name, displayName: displayName, email: email, admin: admin, createdAt: clock)
        users.append(user)
        revision += 1
        return user.id
    }

    func user(id: String) -> User? { users.first { $0.id == id } }

    /// `--email`: the token user's address.
    mutating func setViewerEmail(_ email: String) {
        guard let index = users.firstIndex(where: { $0.id == viewerID }) else { return }
        users[index].email = email
        revision += 1
    }

    /// An email address, a display name or a name, case-insensitively; an id as it is.
    func user(named name: String) -> User? {
        let lower = name.lowercased()
        return users.first { $0.id == name } ?? users.first { $0.email.lowercased() == lower }
            ?? users.first { $0.displayName.lowercased() == lower } ?? users.first { $0.name.lowercased() == lower }
    }

    /// The team with this key, created with Linear's default workflow when it does not exist yet.
    mutating func ensureTeam(key: String, name: String? = nil) -> String {
        if let team = team(key: key) { return team.id }
        let now = clock
        let team = Team(id: newID(), key: key, name: name ?? key, createdAt: now, updatedAt: now)
        teams.append(team)
        for (position, (stateName, type, color)) in Self.defaultWorkflow.enumerated() {
            states.append(WorkflowState(id: newID(), teamID: team.id, name: stateName, type: type, position: Double(position),
                                        color: color, createdAt: now))
        }
        revision += 1
        return team.id
    }

    /// A new team's states, as Linear creates them.
    static let defaultWorkflow: [(String, String, String)] = [
        ("Backlog", "backlog", "#bec2c8"), ("Todo", "unstarted", "#e2e2e2"), ("In Progress", "started", "#f2c94c"),
        ("In Review", "started", "#0f783c"), ("Done", "completed", "#5e6ad2"), ("Canceled", "canceled", "#95a2b3"),
        ("Duplicate", "canceled", "#95a2b3"),
    ]

    func team(id: String) -> Team? { teams.first { $0.id == id } }
    func team(key: String) -> Team? { teams.first { $0.key.uppercased() == key.uppercased() } }

    func states(ofTeam teamID: String) -> [WorkflowState] {
        states.filter { $0.teamID == teamID }.sorted { $0.position < $1.position }
    }

    func state(id: String) -> WorkflowState? { states.first { $0.id == id } }

    /// A new issue's state when none is given: the team's first backlog state, else its first unstarted one.
    func defaultState(ofTeam teamID: String) -> WorkflowState? {
        let all = states(ofTeam: teamID)
        return all.first { $0.type == "backlog" } ?? all.first { $0.type == "unstarted" } ?? all.first
    }

    @discardableResult
    mutating func addLabel(name: String, color: String = "#95a2b3", teamID: String?, id: String? = nil) -> String {
        let now = clock
        let label = Label(id: id ?? newID(), name: name, color: color, teamID: teamID, createdAt: now, updatedAt: now)
        labels.append(label)
        revision += 1
        return label.id
    }

    func label(id: String) -> Label? { labels.first { $0.id == id } }

    /// Puts the label in a group (Linear's parent labels, which issues cannot carry themselves).
    mutating func setLabelGroup(_ id: String, parent: String) {
        guard let child = labels.firstIndex(where: { $0.id == id }), let group = labels.firstIndex(where: { $0.id == parent }) else { return }
        labels[child].parentID = parent
        labels[group].isGroup = true
        revision += 1
    }

    /// The labels an issue in `teamID` may carry: the team's own and the workspace's.
    func labels(usableIn teamID: String) -> [Label] { labels.filter { $0.teamID == nil || $0.teamID == teamID } }

    // MARK: Issues

    var allIssues: [Issue] { issues }

    func issue(id: String) -> Issue? { issueIndex[id].map { issues[$0] } }

    /// By id, current identifier or a previous one (identifiers case-insensitively), as `issue(id:)` takes it.
    func issue(idOrIdentifier key: String) -> Issue? {
        if let byID = issue(id: key) { return byID }
        return identifierIndex[key.uppercased()].flatMap { issue(id: $0) }
    }

    func identifier(of issue: Issue) -> String {
        "\(team(id: issue.teamID)?.key ?? "?")-\(issue.number)"
    }

    /// Adds the issue with the next number of its team. `at` back-dates seeded issues; live creates take the clock.
    @discardableResult
    mutating func insert(_ draft: Issue, at time: Int64? = nil) -> Issue {
        var issue = draft
        let now = time ?? tick()
        if time != nil { clock = max(clock, now); revision += 1 }
        guard let teamIndex = teams.firstIndex(where: { $0.id == issue.teamID }) else { return issue }
        teams[teamIndex].lastNumber += 1
        issue.number = teams[teamIndex].lastNumber
        issue.createdAt = now
        issue.updatedAt = now
        issues.append(issue)
        addToIndexes(issue, at: issues.count - 1)
        return issue
    }

    /// Replaces the issue, moving `updatedAt` when anything changed.
    mutating func update(_ changed: Issue) {
        guard let position = issueIndex[changed.id], issues[position] != changed else { return }
        var issue = changed
        issue.updatedAt = tick()
        issues[position] = issue
        addToIndexes(issue, at: position)
    }

    /// Moves the issue into another team: a new number there, the old identifier kept in `previousIdentifiers`
    /// (and still found by `issue(id:)`), the state mapped to the new team's state of the same name or type, and the
    /// old team's labels dropped.
    mutating func move(_ issueID: String, toTeam teamID: String) {
        guard let position = issueIndex[issueID], issues[position].teamID != teamID,
              let teamIndex = teams.firstIndex(where: { $0.id == teamID }) else { return }
        var issue = issues[position]
        let oldState = state(id: issue.stateID)
        issue.previousIdentifiers.append(identifier(of: issue))
        teams[teamIndex].lastNumber += 1
        issue.teamID = teamID
        issue.number = teams[teamIndex].lastNumber
        let targets = states(ofTeam: teamID)
        issue.stateID = (targets.first { $0.name == oldState?.name } ?? targets.first { $0.type == oldState?.type }
            ?? defaultState(ofTeam: teamID))?.id ?? issue.stateID
        issue.labelIDs = issue.labelIDs.filter { label(id: $0)?.teamID == nil || label(id: $0)?.teamID == teamID }
        issue.updatedAt = tick()
        issues[position] = issue
        addToIndexes(issue, at: position)
    }

    /// Only `updatedAt` moves (a comment, a reaction).
    mutating func touch(_ issueID: String) {
        guard let position = issueIndex[issueID] else { return }
        issues[position].updatedAt = tick()
    }

    /// Gone for good (the admin API's DELETE); its identifiers stop resolving.
    mutating func remove(_ issueID: String) {
        guard let position = issueIndex[issueID] else { return }
        issues.remove(at: position)
        revision += 1
        rebuildIndexes()
    }

    /// The latest change time, kept by a reset so `updatedAt` never goes back.
    mutating func keepLatestChange(of previous: LinearStore) {
        clock = max(clock, previous.clock)
    }

    /// The simulated now, never before the latest change.
    var now: Int64 { max(clock, wallClock.nowMilliseconds) }
}
