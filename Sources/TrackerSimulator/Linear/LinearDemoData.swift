/// Start states for `--seed-demo` (a small, realistic ENG team) and `--seed-issues N` (benchmarks).
enum LinearDemoData {
    static let demoTeam = "ENG"

    static func seedDemo(into store: inout LinearStore) {
        let team = store.ensureTeam(key: demoTeam, name: "Engineering")
        let (sim, ana, ben) = (store.viewerID, store.user(named: "ana")?.id, store.user(named: "ben")?.id)
        let accounts = store.addLabel(name: "accounts", color: "#26b5ce", teamID: team)
        let maintenance = store.addLabel(name: "maintenance", color: "#95a2b3", teamID: team)
        func label(_ name: String) -> String? { store.labels.first { $0.name == name }?.id }
        func state(_ name: String) -> String { store.states(ofTeam: team).first { $0.name == name }?.id ?? "" }
        var time = max(store.clock + 1, store.wallClock.nowMilliseconds - 8 * 60_000)
        func add(_ title: String, _ description: String?, state stateName: String, priority: Int, labels: [String?],
                 assignee: String?, creator: String?, parent: String? = nil) -> String {
            let issue = store.insert(LinearStore.Issue(
                id: store.newID(), teamID: team, number: 0, title: title, description: description.map(LinearMarkdown.render),
                priority: priority, stateID: state(stateName), labelIDs: labels.compactMap { $0 }, assigneeID: assignee,
                creatorID: creator, parentID: parent, createdAt: 0, updatedAt: 0), at: time)
            time += 60_000
            return issue.id
        }
        let login = add("Login fails after the session times out", demoBug, state: "In Progress", priority: 1,
                        labels: [label("Bug"), accounts], assignee: ben, creator: ana)
        _ = add("Add a regression test for expired sessions", "Cover the redirect in the login flow.", state: "Todo", priority: 3,
                labels: [], assignee: ben, creator: ben, parent: login)
        _ = add("Reset a forgotten password by email", demoStory, state: "In Review", priority: 2,
                labels: [label("Feature"), accounts], assignee: sim, creator: ana)
        _ = add("Upgrade the database driver", demoTask, state: "Done", priority: 4, labels: [label("Improvement"), maintenance],
                assignee: nil, creator: ben)
        _ = add("Dark mode", nil, state: "Backlog", priority: 0, labels: [label("Feature")], assignee: nil, creator: sim)
    }

    /// `count` issues in team `teamKey`, one second apart, the newest a second ago. Varied enough for filters
    /// (states, labels, priorities, assignees), cheap enough that 10,000 take well under a second.
    static func seedGenerated(count: Int, teamKey: String, into store: inout LinearStore) {
        guard count > 0 else { return }
        let team = store.ensureTeam(key: teamKey, name: "Benchmark")
        let states = ["Todo", "In Progress", "In Review", "Done"].compactMap { name in store.states(ofTeam: team).first { $0.name == name }?.id }
        let bench = store.addLabel(name: "bench", teamID: team)
        let kinds = LinearAdminItem.kindLabels.compactMap { name in store.labels.first { $0.name == name && $0.teamID == nil }?.id }
        let users = store.users.map(\.id)
        let start = max(store.clock + 1, store.wallClock.nowMilliseconds - Int64(count) * 1000)
        for n in 1...count {
            let description = "## Summary\n\nGenerated issue number \(n).\n\n## Acceptance Criteria\n\n- It works"
            store.insert(LinearStore.Issue(
                id: store.newID(), teamID: team, number: 0, title: "Generated issue \(n)", description: description,
                priority: n % 5, stateID: states[n % states.count], labelIDs: [bench, kinds[n % kinds.count]],
                assigneeID: n % 4 == 0 ? nil : users[n % users.count], creatorID: users[0], parentID: nil,
                createdAt: 0, updatedAt: 0), at: start + Int64(n - 1) * 1000)
        }
    }

    private static let demoBug = """
        ## Steps to reproduce

        1. Log in and wait **31 minutes**
        2. Click any link

        The server logs:

        ```text
        ERROR session expired: token=null
        at SessionFilter.check(SessionFilter.java:88)
        ```

        > Users lose unsaved work.
        """

    private static let demoStory = """
        ## Summary

        As a user who forgot the password, I want a reset link by email.

        ## Acceptance Criteria

        - [x] The link expires after one hour
        - [ ] Using the link twice shows a clear message
        """

    private static let demoTask = """
        The driver we use is out of support at the end of the year. Bump `pgdriver` to 5.x.

        * Check the connection pool settings
        * Run the _load test_

        | Setting | Value |
        | --- | --- |
        | pool size | 20 |
        """
}
