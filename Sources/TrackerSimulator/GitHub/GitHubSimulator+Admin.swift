import Foundation
import JSON

/// The admin API's GitHub side: items are issues in GitHub's JSON plus `key` (`owner/repo#N`).
extension GitHubSimulator {
    func adminListItems(baseURL: String) -> SimResponse {
        let body = render(baseURL) { renderer, store in
            var json = JSONWriter()
            json.array { json in
                for repo in store.repositories.values.sorted(by: { $0.fullName < $1.fullName }) {
                    for issue in repo.issues {
                        renderer.write(issue, in: repo, store: store, single: true, key: Self.key(repo, issue), to: &json)
                    }
                }
            }
            return json.bytes
        }
        return .json(200, bytes: body)
    }

    func adminAddItem(_ body: Data, baseURL: String) -> SimResponse {
        guard let fields = Self.object(body) else { return Self.adminError(400, "expected a JSON object") }
        guard let repoName = fields["repository"] as? String else {
            return Self.adminError(422, "\"repository\": \"owner/name\" is required")
        }
        guard let title = fields["title"] as? String, !title.isEmpty else { return Self.adminError(422, "\"title\" is required") }
        let state = (fields["state"] as? String).flatMap(GitHubStore.IssueState.init(rawValue:)) ?? .open
        let new = NewIssue(
            title: title, body: fields["body"] as? String, labels: fields["labels"] as? [String] ?? [],
            assignees: fields["assignees"] as? [String] ?? [], user: fields["user"] as? String ?? "octocat", state: state,
            stateReason: fields["state_reason"] as? String, isPullRequest: fields["pull_request"] as? Bool ?? false)
        do {
            try store.ensureRepository(repoName)
            let issue = try store.createIssue(new, in: repoName, unknownUsers: .add)
            return .json(201, bytes: single(issue, in: repoName, apiRoot: baseURL, keyed: true))
        } catch {
            return Self.response(for: error, documentation: GitHubErrors.docs)
        }
    }

    /// A change as a remote user would make it (lenient about unknown users); `comments: N` stands for new
    /// comments, which move `updated_at` on GitHub too.
    func adminChangeItem(key: String, _ body: Data, baseURL: String) -> SimResponse {
        guard let (repoName, number) = Self.splitKey(key), store.issue(number, in: repoName) != nil else {
            return Self.adminError(404, "no item \(key)")
        }
        do {
            let request = try GitHubRequestBody(body)
            var changes = try request.changes()
            changes.comments = request.fields["comments"] as? Int
            let actor = request.fields["user"] as? String ?? "octocat"
            store.addUser(actor)
            let issue = try store.editIssue(number, in: repoName, changes: changes, by: actor, unknownUsers: .add)
            return .json(200, bytes: single(issue, in: repoName, apiRoot: baseURL, keyed: true))
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
        rateLimit.set(remaining: remaining, resetInSeconds: resetInSeconds)
    }

    func reset() {
        let (revision, clock) = (store.revision, store.clock)
        store = initial
        // Still a change for the state file, and the clock never goes back.
        store.revision = revision + 1
        store.clock = max(clock, initial.clock)
        rateLimit = GitHubRateLimit()
        listCache.clear()
        // Ids of users and labels made after the start are handed out again.
        renderer = GitHubRenderer(apiRoot: "")
    }

    func snapshot(ifNewerThan revision: Int) -> (revision: Int, data: Data)? {
        guard store.revision > revision, let data = try? JSONEncoder().encode(store) else { return nil }
        return (store.revision, data)
    }
}
