import Foundation

/// Everything the GitHub fake knows: repositories, their issues and labels, users, and a simulated clock.
/// A plain value, so a reset is an assignment and the state file is its JSON encoding.
struct GitHubStore: SimulatorStore {
    struct Label: Codable, Sendable, Equatable {
        var id: Int
        var name: String
        var color: String
        var description: String?
    }

    struct Issue: Codable, Sendable, Equatable {
        var number: Int
        var id: Int
        var title: String
        var body: String?
        var state: IssueState
        var stateReason: String?
        /// Label names as the repository spells them.
        var labels: [String]
        var assignees: [String]
        var user: String
        /// Seconds since 1970 (GitHub shows second precision).
        var createdAt: Int
        var updatedAt: Int
        var closedAt: Int?
        var closedBy: String?
        var isPullRequest: Bool
        var comments: Int
        var locked: Bool
    }

    enum IssueState: String, Codable, Sendable { case open, closed }

    struct Repository: Codable, Sendable {
        var id: Int
        var fullName: String
        /// Ascending by number, so a number is found by binary search.
        var issues: [Issue] = []
        var labels: [Label] = []
        var nextNumber = 1
        /// Bumped by every change to this repository; cached list orders are valid for one revision.
        var revision = 0

        func index(ofIssue number: Int) -> Int? {
            var low = 0, high = issues.count - 1
            while low <= high {
                let mid = (low + high) / 2
                if issues[mid].number == number { return mid }
                if issues[mid].number < number { low = mid + 1 } else { high = mid - 1 }
            }
            return nil
        }

        func label(named name: String) -> Label? {
            labels.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }
        }
    }

    /// Who may set unknown users: GitHub's API refuses them, the admin API (a remote user's doing) adds them.
    enum UnknownUsers { case refuse, add }

    /// The token's own user (`GET /user`).
    static let tokenUser = "sim-user"

    /// Keyed by the lower-cased `owner/name`: GitHub's names are case-insensitive.
    var repositories: [String: Repository] = [:]
    /// login → numeric id.
    var users: [String: Int] = ["sim-user": 31_898_001, "octocat": 31_898_002, "ana": 31_898_003, "ben": 31_898_004]
    /// Seconds since 1970 of the latest change.
    var clock = 0
    var wallClock = SimulatorClock()
    var nextID = 1_300_000_000
    /// Bumped by every change anywhere; the state file is written when it moves.
    var revision = 0

    // MARK: Lookup

    func repository(named fullName: String) -> Repository? { repositories[fullName.lowercased()] }

    func repository(id: Int) -> Repository? { repositories.values.first { $0.id == id } }

    /// The first repository set up or seeded: where admin items go when they name no scope.
    var defaultRepository: Repository? { repositories.values.min { $0.id < $1.id } }

    func issue(_ number: Int, in fullName: String) -> Issue? {
        guard let repo = repository(named: fullName), let index = repo.index(ofIssue: number) else { return nil }
        return repo.issues[index]
    }

    func userID(_ login: String) -> Int { users[login] ?? 0 }

    // MARK: Changes

    /// Makes `owner/name` exist (the admin API creates repositories on first use).
    @discardableResult
    mutating func ensureRepository(_ fullName: String) throws(GitHubStoreError) -> String {
        let parts = fullName.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(Self.isNameCharacter) }) else {
            throw .invalid(.init(resource: "Repository", field: "repository", code: "invalid", value: fullName))
        }
        let key = fullName.lowercased()
        if repositories[key] == nil {
            repositories[key] = Repository(id: 700_000_000 + repositories.count + 1, fullName: fullName)
            revision += 1
        }
        return key
    }

    mutating func addUser(_ login: String) {
        guard users[login] == nil else { return }
        users[login] = 31_898_001 + users.count
        revision += 1
    }

    /// `at` back-dates seeded issues; live changes take the next tick of the clock.
    mutating func createIssue(_ new: NewIssue, in fullName: String, unknownUsers: UnknownUsers,
                              at time: Int? = nil) throws(GitHubStoreError) -> Issue {
        let key = fullName.lowercased()
        guard repositories[key] != nil else { throw .notFound }
        try checkUsers(new.assignees, policy: unknownUsers)
        addUser(new.user)
        if unknownUsers == .add { new.assignees.forEach { addUser($0) } }
        let now: Int
        if let time {
            now = time
            clock = max(clock, time)
        } else {
            now = tick()
        }
        var repo = takeRepository(key)
        defer { putBack(repo, key) }
        let closed = new.state == .closed
        let issue = Issue(
            number: repo.nextNumber, id: takeID(), title: new.title, body: Self.nonEmpty(new.body), state: new.state,
            stateReason: closed ? (new.stateReason ?? "completed") : nil,
            labels: Self.resolveLabels(new.labels, in: &repo, nextID: &nextID),
            assignees: Self.unique(new.assignees), user: new.user, createdAt: now, updatedAt: now,
            closedAt: closed ? now : nil, closedBy: closed ? new.user : nil, isPullRequest: new.isPullRequest,
            comments: 0, locked: false)
        repo.nextNumber += 1
        repo.issues.append(issue)
        return issue
    }

    /// Applies an edit as `PATCH /repos/{o}/{r}/issues/{n}` does. Nothing changes when the input is invalid;
    /// `updated_at` moves only when something did change.
    mutating func editIssue(_ number: Int, in fullName: String, changes: IssueChanges, by actor: String,
                            unknownUsers: UnknownUsers) throws(GitHubStoreError) -> Issue {
        let key = fullName.lowercased()
        // No lasting copy of the repository here: it would make the write below copy the whole issue array.
        guard let index = repositories[key]?.index(ofIssue: number), let old = repositories[key]?.issues[index] else {
            throw .notFound
        }
        if let assignees = changes.assignees { try checkUsers(assignees, policy: unknownUsers) }
        var issue = old
        if let title = changes.title { issue.title = title }
        if let body = changes.body { issue.body = Self.nonEmpty(body) }
        if let assignees = changes.assignees { issue.assignees = Self.unique(assignees) }
        if let comments = changes.comments { issue.comments = comments }
        let newState = changes.state ?? old.state
        if newState == .closed, case .some(.some("reopened")) = changes.stateReason {
            throw .invalid(.init(field: "state_reason", code: "invalid", value: "reopened"))
        }
        switch (old.state, newState) {
        case (.open, .closed):
            issue.stateReason = (changes.stateReason ?? nil) ?? "completed"
        case (.closed, .open):
            issue.stateReason = "reopened"
        case (.closed, .closed):
            if let reason = changes.stateReason { issue.stateReason = reason ?? "completed" }
        case (.open, .open):
            break
        }
        issue.state = newState
        if let users = changes.assignees, unknownUsers == .add { users.forEach { addUser($0) } }
        var repo = takeRepository(key)
        defer { putBack(repo, key) }
        if let labels = changes.labels { issue.labels = Self.resolveLabels(labels, in: &repo, nextID: &nextID) }
        guard issue != old else { return old }
        let now = tick()
        issue.updatedAt = now
        if old.state == .open, issue.state == .closed {
            issue.closedAt = now
            issue.closedBy = actor
        } else if issue.state == .open {
            issue.closedAt = nil
            issue.closedBy = nil
        }
        repo.issues[index] = issue
        return issue
    }

    mutating func deleteIssue(_ number: Int, in fullName: String) throws(GitHubStoreError) {
        let key = fullName.lowercased()
        guard let index = repositories[key]?.index(ofIssue: number) else { throw .notFound }
        var repo = takeRepository(key)
        repo.issues.remove(at: index)
        putBack(repo, key)
    }

    // MARK: Helpers

    /// Every change moves the clock at least one second, so `updated_at` (second precision) strictly increases
    /// even for changes within the same real second; it never runs behind the real clock.
    mutating func tick() -> Int {
        clock = max(clock + 1, wallClock.nowSeconds)
        return clock
    }

    mutating func keepLatestChange(of previous: GitHubStore) {
        clock = max(clock, previous.clock)
    }

    mutating func takeID() -> Int {
        nextID += 1
        return nextID
    }

    /// Moves a repository out of the dictionary, so changing its issue array does not copy it.
    private mutating func takeRepository(_ key: String) -> Repository {
        repositories.removeValue(forKey: key)!
    }

    /// Puts a repository back and counts the change.
    private mutating func putBack(_ repo: Repository, _ key: String) {
        var repo = repo
        repo.revision += 1
        revision += 1
        repositories[key] = repo
    }

    private func checkUsers(_ logins: [String], policy: UnknownUsers) throws(GitHubStoreError) {
        guard policy == .refuse else { return }
        if let unknown = logins.first(where: { users[$0] == nil }) {
            throw .invalid(.init(field: "assignees", code: "invalid", value: unknown))
        }
    }

    /// Names as the repository spells them, unknown ones created (as GitHub does when an issue names them).
    static func resolveLabels(_ names: [String], in repo: inout Repository, nextID: inout Int) -> [String] {
        var result: [String] = []
        for name in names where !name.isEmpty {
            let label: Label
            if let existing = repo.label(named: name) {
                label = existing
            } else {
                nextID += 1
                label = Label(id: nextID, name: name, color: "ededed", description: nil)
                repo.labels.append(label)
            }
            if !result.contains(label.name) { result.append(label.name) }
        }
        return result
    }

    private static func unique(_ logins: [String]) -> [String] {
        var seen = Set<String>()
        return logins.filter { seen.insert($0).inserted }
    }

    private static func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        return text
    }

    private static func isNameCharacter(_ c: Character) -> Bool {
        c.isASCII && (c.isLetter || c.isNumber || c == "-" || c == "_" || c == ".")
    }
}

/// An issue to create.
struct NewIssue: Sendable {
    var title: String
    var body: String?
    var labels: [String] = []
    var assignees: [String] = []
    var user: String = GitHubStore.tokenUser
    var state: GitHubStore.IssueState = .open
    var stateReason: String?
    var isPullRequest = false
}

/// The fields an edit sets; nil means "leave as it is", `.some(nil)` means "clear".
struct IssueChanges: Sendable {
    var title: String?
    var body: String??
    var state: GitHubStore.IssueState?
    var stateReason: String??
    var labels: [String]?
    var assignees: [String]?
    var comments: Int?
}

/// One entry of a 422's `errors` list, as GitHub writes it.
struct GitHubValidationError: Error, Sendable {
    var resource = "Issue"
    var field: String
    var code: String
    var value: String?
}

enum GitHubStoreError: Error, Sendable {
    case notFound
    case invalid(GitHubValidationError)
}
