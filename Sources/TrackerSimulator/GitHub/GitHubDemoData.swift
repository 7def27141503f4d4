import Foundation

/// Start states for `--seed-demo` (the README demo) and `--seed-issues N` (benchmarks).
enum GitHubDemoData {
    static let demoRepository = "demo-org/demo-repo"

    static func seedDemo(into store: inout GitHubStore) {
        let issues = [
            NewIssue(
                title: "Login fails after the session times out",
                body: "## Summary\n\nUsers see a blank page instead of the login form once their session has expired.\n\n"
                    + "## Acceptance Criteria\n\n- [ ] An expired session redirects to the login page\n"
                    + "- [ ] The page the user was on is restored after logging in\n",
                labels: ["kind: bug", "priority: high"], assignees: ["ana"], user: "octocat"),
            NewIssue(
                title: "Export monthly reports as CSV",
                body: "## Summary\n\nFinance wants the monthly report as a CSV file they can open in a spreadsheet.\n\n"
                    + "## Acceptance Criteria\n\n- [ ] One row per invoice\n- [ ] Amounts use a dot as the decimal separator\n",
                labels: ["kind: story", "priority: medium", "reports"], user: "ana"),
            NewIssue(
                title: "Upgrade the database driver",
                body: "## Summary\n\nThe driver we use is out of support at the end of the year.\n",
                labels: ["kind: task", "priority: low"], user: "ben", state: .closed, stateReason: "completed"),
            NewIssue(
                title: "Dark mode",
                body: "## Summary\n\nA dark colour scheme that follows the system setting.\n",
                labels: ["kind: story"], user: "octocat"),
            NewIssue(
                title: "Bump the test dependencies", body: "Automated update of the test dependencies.",
                user: "ben", isPullRequest: true),
        ]
        seed(issues, repository: demoRepository, into: &store)
    }

    static func seedGenerated(count: Int, repository: String, into store: inout GitHubStore) {
        let issues = (1...count).map { n in
            NewIssue(
                title: "Generated issue \(n)",
                body: "## Summary\n\nGenerated issue number \(n).\n\n## Acceptance Criteria\n\n- [ ] It works\n",
                labels: ["kind: story", n % 3 == 0 ? "priority: high" : "priority: medium"], user: "octocat")
        }
        seed(issues, repository: repository, into: &store)
    }

    private static func seed(_ issues: [NewIssue], repository: String, into store: inout GitHubStore) {
        do {
            try store.ensureRepository(repository)
            // One second apart, the newest a second ago, so live changes come after all of them.
            let start = max(store.clock + 1, store.wallClock.nowSeconds - issues.count)
            for (offset, issue) in issues.enumerated() {
                _ = try store.createIssue(issue, in: repository, unknownUsers: .add, at: start + offset)
            }
        } catch {
            preconditionFailure("the built-in seed data is valid: \(error)")
        }
    }
}
