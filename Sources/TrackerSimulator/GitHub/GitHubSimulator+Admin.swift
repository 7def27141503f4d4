import Foundation
import JSON

/// The admin API's GitHub side: items are issues in GitHub's JSON with the neutral members laid over it
/// (`GitHubAdminItem`); `key` is `owner/repo#N`.
extension GitHubSimulator {
    func adminListItems(baseURL: String) -> SimResponse {
        var items: [[String: Any]] = []
        for repo in store.repositories.values.sorted(by: { $0.fullName < $1.fullName }) {
            for issue in repo.issues { items.append(adminItem(issue, in: repo.fullName, baseURL: baseURL)) }
        }
        return .json(200, items)
    }

    func adminAddItem(_ body: Data, baseURL: String) -> SimResponse {
        guard let request = Self.object(body) else { return Self.adminError(400, "expected a JSON object") }
        let fields: [String: Any]
        do throws(NeutralItemInput.Invalid) {
            fields = try GitHubAdminItem.native(request)
        } catch {
            return Self.adminError(422, error.message)
        }
        guard let repoName = fields["repository"] as? String ?? store.defaultRepository?.fullName else {
            return Self.adminError(422, "\"scope\": \"owner/name\" is required: no repository was seeded or set up")
        }
        guard let title = fields["title"] as? String, !title.isEmpty else { return Self.adminError(422, "\"title\" is required") }
        let state = (fields["state"] as? String).flatMap(GitHubStore.IssueState.init(rawValue:)) ?? .open
        let new = NewIssue(
            title: title, body: fields["body"] as? String, labels: fields["labels"] as? [String] ?? [],
            assignees: fields["assignees"] as? [String] ?? [], user: fields["user"] as? String ?? "octocat", state: state,
            stateReason: fields["state_reason"] as? String, isPullRequest: JSONScalar.boolean(fields["pull_request"]) ?? false)
        do {
            try store.ensureRepository(repoName)
            let issue = try store.createIssue(new, in: repoName, unknownUsers: .add)
            return .json(201, adminItem(issue, in: repoName, baseURL: baseURL))
        } catch {
            return Self.response(for: error, documentation: GitHubErrors.docs)
        }
    }

    /// A change as a remote user would make it (lenient about unknown users); `comments: N` stands for new
    /// comments, which move `updated_at` on GitHub too.
    func adminChangeItem(key: String, _ body: Data, baseURL: String) -> SimResponse {
        guard let (repoName, number) = Self.splitKey(key), let current = store.issue(number, in: repoName) else {
            return Self.adminError(404, "no item \(key)")
        }
        do {
            guard let request = Self.object(body) else { return GitHubErrors.problemsParsingJSON() }
            let fields = try GitHubAdminItem.native(request, currentLabels: current.labels)
            if let scope = fields["repository"] as? String, scope.lowercased() != repoName.lowercased() {
                return Self.adminError(422, "\"scope\" cannot change: the simulator does not move issues between repositories")
            }
            let parsed = GitHubRequestBody(fields: fields)
            var changes = try parsed.changes()
            changes.comments = fields["comments"] as? Int
            let actor = fields["user"] as? String ?? "octocat"
            store.addUser(actor)
            let issue = try store.editIssue(number, in: repoName, changes: changes, by: actor, unknownUsers: .add)
            return .json(200, adminItem(issue, in: repoName, baseURL: baseURL))
        } catch let invalid as NeutralItemInput.Invalid {
            return Self.adminError(422, invalid.message)
        } catch let failure as GitHubRequestBody.Failure {
            return Self.response(for: failure, documentation: GitHubErrors.docs)
        } catch let error as GitHubStoreError {
            return Self.response(for: error, documentation: GitHubErrors.docs)
        } catch {
            return Self.adminError(400, "\(error)")
        }
    }

    func adminDeleteItem(key: String) -> SimResponse {
        guard let (repoName, number) = Self.splitKey(key) else { return Self.adminError(404, "no item \(key)") }
        do {
            try store.deleteIssue(number, in: repoName)
            return .empty(204)
        } catch {
            return Self.adminError(404, "no item \(key)")
        }
    }

    func adminSetup(_ body: Data) -> SimResponse {
        guard let fields = Self.object(body) else { return Self.adminError(400, "expected a JSON object") }
        do {
            for name in fields["repositories"] as? [String] ?? [] { try store.ensureRepository(name) }
        } catch {
            return Self.response(for: error, documentation: GitHubErrors.docs)
        }
        for login in fields["users"] as? [String] ?? [] { store.addUser(login) }
        return .empty(204)
    }

    func setRequestBudget(remaining: Int, resetInSeconds: Int?) {
        rateLimit.set(remaining: remaining, resetInSeconds: resetInSeconds, now: store.wallClock.nowSeconds)
    }

    func reset() {
        store = store.restarted(from: initial)
        rateLimit = GitHubRateLimit(now: store.wallClock.nowSeconds)
        listCache.clear()
        // Ids of users and labels made after the start are handed out again.
        renderer = GitHubRenderer(apiRoot: "")
    }

    func clock(_ move: ClockMove?) -> Date { store.moveClock(move) }

    func snapshot(ifNewerThan revision: Int) -> (revision: Int, data: Data)? {
        store.snapshot(ifNewerThan: revision)
    }

    private func adminItem(_ issue: GitHubStore.Issue, in repoName: String, baseURL: String) -> [String: Any] {
        GitHubAdminItem.view(issue, in: store.repository(named: repoName)!, native: single(issue, in: repoName, apiRoot: baseURL))
    }
}
