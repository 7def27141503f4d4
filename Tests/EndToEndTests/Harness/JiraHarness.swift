import Foundation
import JiraTracker
import Trackers

/// Jira through its simulator: projects ENG (the project code) and OPS, people Ana Lima and Ben Okafor, the user's
/// time zone Europe/Berlin (so timestamps are not UTC).
final class JiraHarness: SimulatorBackedHarness {
    let simulator: Simulator
    let descriptor = JiraDescriptor.descriptor
    let keyPattern = #"(ENG|OPS)-\d+"#
    let projectCode = "ENG"
    let people = [
        Person(remote: "acc-ana", filter: "ana@example.invalid", local: "ana@example.invalid"),
        Person(remote: "acc-ben", filter: "ben@example.invalid", local: "ben@example.invalid"),
    ]
    let readPathPattern = #"^/rest/api/3/search/jql"#
    let createPathPattern = #"^/rest/api/3/issue$"#

    private init(simulator: Simulator) { self.simulator = simulator }

    static func start() async throws -> JiraHarness { JiraHarness(simulator: try await Simulator.startJira()) }

    /// Jira needs its project even when a scenario does not narrow discovery.
    func configure(_ repo: ScratchRepo, narrowedToProject: Bool) throws {
        try repo.configureJira(simulator: url, project: projectCode)
    }

    func makeClient(token: String) throws -> any Tracker {
        try descriptor.make(TrackerSettings(
            integration: integration,
            values: ["jira.site": "acme", "jira.api_url": url, "jira.email": E2E.jiraEmail, "work.default_project_code": projectCode],
            token: token, originURL: nil, cacheDirectory: nil))
    }

    func isRead(_ request: LoggedRequest) -> Bool {
        request.method == "GET" || request.path.hasPrefix("/rest/api/3/search/jql")
    }

    /// A user without a visible email, so Jira shows (and a pull writes) the display name.
    func addPerson(named name: String) async throws -> Person {
        addedPeople += 1
        let accountID = "acc-person-\(addedPeople)"
        _ = try await simulator.admin("POST", "/_simulator/setup", [
            "users": [["accountId": accountID, "displayName": name, "emailAddress": ""]],
        ])
        return Person(remote: accountID, filter: name, local: name)
    }

    private var addedPeople = 0

    func isWrite(_ write: String, to key: String) -> Bool {
        write == "PUT /rest/api/3/issue/\(key)" || write == "POST /rest/api/3/issue/\(key)/transitions"
    }

    func inProject(_ fields: RemoteFields) -> RemoteFields { scoped(fields, "ENG") }
    func outsideProject(_ fields: RemoteFields) -> RemoteFields { scoped(fields, "OPS") }

    func remoteState(forLocal status: String) -> String {
        ["done": "Done", "abandoned": "Won't Do", "in-progress": "In Progress", "review": "In Review"][status] ?? "To Do"
    }

    func remotePriority(forLocal priority: String) -> String { priority.prefix(1).uppercased() + priority.dropFirst() }
    func remoteKind(forLocal kind: String) -> String { kind.prefix(1).uppercased() + kind.dropFirst() }
    /// Jira labels cannot hold spaces.
    func remoteLabel(forLocal tag: String) -> String { tag.replacingOccurrences(of: " ", with: "-") }
    func allowsTitle(_ text: String) -> Bool { !text.isEmpty && !text.contains(where: \.isNewline) }
    func allowsLabel(_ text: String) -> Bool { !text.isEmpty && !text.contains(where: \.isWhitespace) }

    private func scoped(_ fields: RemoteFields, _ project: String) -> RemoteFields {
        var fields = fields
        fields.scope = project
        return fields
    }
}
