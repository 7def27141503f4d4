import Foundation
import JSON

/// Start states for `--seed-demo` (a small, realistic ENG project) and `--seed-issues N` (benchmarks).
enum JiraDemoData {
    static let demoProject = "ENG"

    static func seedDemo(into store: inout JiraStore) {
        let p = (try? store.ensureProject(key: demoProject, name: "Engineering")) ?? 0
        let users = JiraStore.defaultUsers.map(\.accountId)
        let (sim, ana, ben, carla) = (users[0], users[1], users[2], users[3])
        let start = startTime(for: 8, spacing: 60_000, store: store)
        var time = start
        func add(_ type: String, _ summary: String, _ description: String?, status: String? = nil, priority: String = "Medium",
                 labels: [String] = [], assignee: String? = nil, reporter: String, parent: Int? = nil) -> Int {
            let location = store.createIssue(JiraIssueDraft(
                project: p, issueTypeID: JiraCatalog.issueType(named: type)!.id, summary: summary, description: description,
                labels: labels, priorityID: JiraCatalog.priority(named: priority)!.id, assigneeID: assignee,
                reporterID: reporter, creatorID: reporter, parentID: parent,
                statusID: status.flatMap { store.projects[p].workflow.status(named: $0)?.id }), at: time)
            time += 60_000
            return store[location].id
        }
        let epic = add("Epic", "Self-service account recovery", demoEpic, status: "In Progress", priority: "High",
                       labels: ["accounts"], assignee: ana, reporter: ana)
        _ = add("Story", "Reset a forgotten password by email", demoStory, status: "In Review", priority: "High",
                labels: ["accounts", "email"], assignee: sim, reporter: ana, parent: epic)
        let bug = add("Bug", "Login fails after the session times out", demoBug, status: "In Progress", priority: "Highest",
                      labels: ["accounts", "regression"], assignee: ben, reporter: carla)
        _ = add("Sub-task", "Add a regression test for expired sessions", paragraphs(["Cover the redirect in the login flow."]),
                assignee: ben, reporter: ben, parent: bug)
        _ = add("Task", "Upgrade the database driver", demoTask, status: "Done", priority: "Low", labels: ["maintenance"],
                assignee: carla, reporter: carla)
        _ = add("Story", "Export monthly reports as CSV", demoTable, labels: ["reports"], reporter: ana)
        _ = add("Story", "Dark mode", nil, priority: "Lowest", reporter: sim)
        _ = add("Task", "Migrate the CI runners", paragraphs(["Superseded by the platform team's migration."]),
                status: "Won't Do", priority: "Low", labels: ["maintenance"], reporter: ben)
    }

    /// `count` issues in `projectKey`, one second apart, the newest a second ago. Varied enough for JQL
    /// (statuses, labels, priorities, assignees), cheap enough that 10,000 take well under a second.
    static func seedGenerated(count: Int, projectKey: String, into store: inout JiraStore) {
        guard count > 0 else { return }
        let p = (try? store.ensureProject(key: projectKey, name: "Benchmark")) ?? 0
        let workflow = store.projects[p].workflow
        let statuses = ["To Do", "In Progress", "In Review", "Done"].compactMap { workflow.status(named: $0)?.id }
        let priorities = JiraCatalog.priorities.map(\.id)
        let types = ["Story", "Task", "Bug"].compactMap { JiraCatalog.issueType(named: $0)?.id }
        let users = JiraStore.defaultUsers.map(\.accountId)
        let start = startTime(for: count, spacing: 1000, store: store)
        store.projects[p].issues.reserveCapacity(store.projects[p].issues.count + count)
        for n in 1...count {
            let description = #"{"type":"doc","version":1,"content":[{"type":"heading","attrs":{"level":2},"content":[{"type":"text","text":"Summary"}]},"#
                + #"{"type":"paragraph","content":[{"type":"text","text":"Generated issue number \#(n)."}]},"#
                + #"{"type":"heading","attrs":{"level":2},"content":[{"type":"text","text":"Acceptance Criteria"}]},"#
                + #"{"type":"bulletList","content":[{"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"It works"}]}]}]}]}"#
            _ = store.createIssue(JiraIssueDraft(
                project: p, issueTypeID: types[n % types.count], summary: "Generated issue \(n)", description: description,
                labels: n % 3 == 0 ? ["bench", "priority-high"] : ["bench"], priorityID: priorities[n % priorities.count],
                assigneeID: n % 4 == 0 ? nil : users[n % users.count], reporterID: users[0], creatorID: users[0],
                statusID: statuses[n % statuses.count]), at: start + Int64(n - 1) * 1000)
        }
    }

    /// Back-dated so that the last seeded change is in the past and live changes come after all of them.
    private static func startTime(for count: Int, spacing: Int64, store: JiraStore) -> Int64 {
        max(store.clock + 1, store.wallClock.nowMilliseconds - Int64(count) * spacing)
    }

    // MARK: Descriptions

    private static func paragraphs(_ texts: [String]) -> String {
        let document: JSONValue = ["type": "doc", "version": 1, "content": .array(texts.map { paragraph($0) })]
        return document.encodedString()
    }

    private static func paragraph(_ text: String) -> JSONValue {
        ["type": "paragraph", "content": [["type": "text", "text": .string(text)]]]
    }

    private static let demoEpic = #"""
        {"type":"doc","version":1,"content":[{"type":"heading","attrs":{"level":2},"content":[{"type":"text","text":"Goal"}]},\#
        {"type":"paragraph","content":[{"type":"text","text":"Users recover their account without calling support. See the "},\#
        {"type":"text","text":"support dashboard","marks":[{"type":"link","attrs":{"href":"https://example.com/support"}}]},\#
        {"type":"text","text":" for today's numbers."}]},\#
        {"type":"panel","attrs":{"panelType":"info"},"content":[{"type":"paragraph","content":[{"type":"text","text":"Tickets about lost passwords are 40% of the support queue."}]}]}]}
        """#

    private static let demoStory = #"""
        {"type":"doc","version":1,"content":[{"type":"heading","attrs":{"level":2},"content":[{"type":"text","text":"Summary"}]},\#
        {"type":"paragraph","content":[{"type":"text","text":"As a user who forgot the password, I want a reset link by email."}]},\#
        {"type":"heading","attrs":{"level":2},"content":[{"type":"text","text":"Acceptance Criteria"}]},\#
        {"type":"taskList","attrs":{"localId":"a1"},"content":[\#
        {"type":"taskItem","attrs":{"localId":"a2","state":"DONE"},"content":[{"type":"text","text":"The link expires after one hour"}]},\#
        {"type":"taskItem","attrs":{"localId":"a3","state":"TODO"},"content":[{"type":"text","text":"Using the link twice shows a clear message"}]}]}]}
        """#

    private static let demoBug = #"""
        {"type":"doc","version":1,"content":[{"type":"heading","attrs":{"level":2},"content":[{"type":"text","text":"Steps to reproduce"}]},\#
        {"type":"orderedList","attrs":{"order":1},"content":[\#
        {"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"Log in and wait "},{"type":"text","text":"31 minutes","marks":[{"type":"strong"}]}]}]},\#
        {"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"Click any link"}]}]}]},\#
        {"type":"paragraph","content":[{"type":"text","text":"The server logs:"}]},\#
        {"type":"codeBlock","attrs":{"language":"text"},"content":[{"type":"text","text":"ERROR session expired: token=null\nat SessionFilter.check(SessionFilter.java:88)"}]},\#
        {"type":"panel","attrs":{"panelType":"warning"},"content":[{"type":"paragraph","content":[{"type":"text","text":"Users lose unsaved work."}]}]}]}
        """#

    private static let demoTask = #"""
        {"type":"doc","version":1,"content":[{"type":"paragraph","content":[{"type":"text","text":"The driver we use is out of support at the end of the year. Bump "},\#
        {"type":"text","text":"pgdriver","marks":[{"type":"code"}]},{"type":"text","text":" to 5.x."}]},\#
        {"type":"bulletList","content":[\#
        {"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"Check the connection pool settings"}]}]},\#
        {"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"Run the load test","marks":[{"type":"em"}]}]}]}]}]}
        """#

    private static let demoTable = #"""
        {"type":"doc","version":1,"content":[{"type":"paragraph","content":[{"type":"text","text":"Finance wants the monthly report as a CSV file."}]},\#
        {"type":"table","attrs":{"isNumberColumnEnabled":false,"layout":"default"},"content":[\#
        {"type":"tableRow","content":[{"type":"tableHeader","content":[{"type":"paragraph","content":[{"type":"text","text":"Column"}]}]},\#
        {"type":"tableHeader","content":[{"type":"paragraph","content":[{"type":"text","text":"Format"}]}]}]},\#
        {"type":"tableRow","content":[{"type":"tableCell","content":[{"type":"paragraph","content":[{"type":"text","text":"Amount"}]}]},\#
        {"type":"tableCell","content":[{"type":"paragraph","content":[{"type":"text","text":"1234.56 (dot as decimal separator)"}]}]}]},\#
        {"type":"tableRow","content":[{"type":"tableCell","content":[{"type":"paragraph","content":[{"type":"text","text":"Date"}]}]},\#
        {"type":"tableCell","content":[{"type":"paragraph","content":[{"type":"text","text":"yyyy-MM-dd"}]}]}]}]}]}
        """#
}
