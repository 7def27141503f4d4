import Foundation
import LinearTracker
import Trackers

/// Linear through its simulator: teams ENG (the project code) and OPS, people Ana Lima and Ben Okafor. Every request
/// goes to `/graphql`; the simulator's log names each one's operation (`/graphql#query:Issues`), and writes are
/// the mutations, told apart by the issue they name (recorded request bodies).
final class LinearHarness: SimulatorBackedHarness {
    let simulator: Simulator
    let descriptor = LinearDescriptor.descriptor
    let keyPattern = #"(ENG|OPS)-\d+"#
    let projectCode = "ENG"
    let people = [
        Person(remote: "ana@example.invalid", filter: "ana@example.invalid", local: "ana@example.invalid"),
        Person(remote: "ben@example.invalid", filter: "ben@example.invalid", local: "ben@example.invalid"),
    ]
    let readPathPattern = #"#query:Issues(AndNewest)?$"#
    let createPathPattern = #"#mutation:IssueCreate$"#

    private init(simulator: Simulator) { self.simulator = simulator }

    static func start() async throws -> LinearHarness {
        let simulator = try await Simulator.startLinear()
        _ = try await simulator.admin("POST", "/_simulator/setup", ["record_bodies": true])
        return LinearHarness(simulator: simulator)
    }

    /// Linear needs its team even when a scenario does not narrow discovery.
    func configure(_ repo: ScratchRepo, narrowedToProject: Bool) throws {
        try repo.configureLinear(simulator: url, team: projectCode)
    }

    func makeClient(token: String) throws -> any Tracker {
        try descriptor.make(TrackerSettings(integration: integration,
                                            values: ["linear.api_url": url, "work.default_project_code": projectCode],
                                            token: token, originURL: nil, cacheDirectory: nil))
    }

    func isRead(_ request: LoggedRequest) -> Bool { request.path.contains("#query") }

    /// Each mutation, with the issue (`id`) or label it names: `POST /graphql#mutation:IssueUpdate ENG-2`.
    func remoteWrites() async throws -> [String] {
        let log = try await simulator.admin("GET", "/_simulator/requests?bodies=1", nil) as? [[String: Any]] ?? []
        return log.compactMap { entry in
            let path = entry["path"] as? String ?? ""
            guard path.contains("#mutation") else { return nil }
            let variables = (entry["request_body"] as? [String: Any])?["variables"] as? [String: Any]
            let target = variables?["id"] as? String
            return "\(entry["method"] as? String ?? "POST") \(path)" + (target.map { " " + $0 } ?? "")
        }
    }

    /// `write` is "POST /graphql#mutation:IssueUpdate ENG-2": the fault takes that mutation naming that issue in
    /// its `id` variable. A create's `id` is the marker, new every run, so a create's fault takes the next create.
    func failWrite(_ write: String, with fault: InjectedFault, count: Int) async throws {
        let parts = write.split(separator: " ").map(String.init)
        guard parts.count >= 2 else { throw HarnessError("not a \"METHOD label [id]\" write: \(write)") }
        var spec = fault.simulatorSpec
        spec["method"] = parts[0]
        spec["path"] = "^" + NSRegularExpression.escapedPattern(for: parts[1]) + "$"
        spec["count"] = count
        if parts.count > 2, !parts[1].hasSuffix("#mutation:IssueCreate") {
            spec["body"] = #""id"\s*:\s*""# + NSRegularExpression.escapedPattern(for: parts[2]) + "\""
        }
        try await simulator.fault(spec)
    }

    /// The log names the operation only; the write adds the issue it names.
    func isRequest(_ request: LoggedRequest, the write: String) -> Bool {
        request.line == write || write.hasPrefix(request.line + " ")
    }

    func isWrite(_ write: String, to key: String) -> Bool {
        write.hasSuffix("#mutation:IssueUpdate \(key)")
    }

    func addPerson(named name: String) async throws -> Person {
        addedPeople += 1
        let email = "person-\(addedPeople)@example.invalid"
        _ = try await simulator.admin("POST", "/_simulator/setup", ["users": [["email": email, "displayName": name, "name": "person\(addedPeople)"]]])
        return Person(remote: email, filter: name, local: email)
    }

    private var addedPeople = 0

    func inProject(_ fields: RemoteFields) -> RemoteFields { scoped(fields, "ENG") }
    func outsideProject(_ fields: RemoteFields) -> RemoteFields { scoped(fields, "OPS") }

    func remoteState(forLocal status: String) -> String {
        ["done": "Done", "abandoned": "Canceled", "in-progress": "In Progress", "review": "In Review", "draft": "Backlog"][status] ?? "Todo"
    }

    func remotePriority(forLocal priority: String) -> String { priority.prefix(1).uppercased() + priority.dropFirst() }
    func remoteKind(forLocal kind: String) -> String { ["bug": "Bug", "story": "Feature", "task": "Improvement"][kind] ?? kind }
    func remoteLabel(forLocal tag: String) -> String { tag }
    /// Linear titles are one line.
    func allowsTitle(_ text: String) -> Bool { !text.trimmingCharacters(in: .whitespaces).isEmpty && !text.contains(where: \.isNewline) }
    func allowsLabel(_ text: String) -> Bool { !text.trimmingCharacters(in: .whitespaces).isEmpty && !text.contains(where: \.isNewline) }

    private func scoped(_ fields: RemoteFields, _ team: String) -> RemoteFields {
        var fields = fields
        fields.scope = team
        return fields
    }
}
