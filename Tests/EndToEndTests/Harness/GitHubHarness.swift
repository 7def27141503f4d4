import Foundation
import GitHubTracker
import Trackers

/// GitHub Issues through its simulator: repository `acme/widgets`, people `ana` and `ben`. GitHub has no project
/// field, so the project code is a label (`widgets-team`), and priority and kind are `priority: …`/`kind: …` labels.
final class GitHubHarness: SimulatorBackedHarness {
    let simulator: Simulator
    let descriptor = GitHubDescriptor.descriptor
    let keyPattern = #"acme/widgets#\d+"#
    let projectCode = "widgets-team"
    let people = [Person(remote: "ana", filter: "ana", local: "ana"), Person(remote: "ben", filter: "ben", local: "ben")]
    let readPathPattern = #"^/repos/acme/widgets/issues\?"#
    let createPathPattern = #"^/repos/acme/widgets/issues$"#

    private init(simulator: Simulator) { self.simulator = simulator }

    static func start() async throws -> GitHubHarness {
        let simulator = try await Simulator.start()
        _ = try await simulator.admin("POST", "/_simulator/setup", ["users": ["ana", "ben"]])
        return GitHubHarness(simulator: simulator)
    }

    func configure(_ repo: ScratchRepo, narrowedToProject: Bool) throws {
        try repo.configure(simulator: url, extra: narrowedToProject ? "  default_project_code: \(projectCode)\n" : "")
    }

    func makeClient(token: String) throws -> any Tracker {
        try descriptor.make(TrackerSettings(
            integration: integration, values: ["github.repo": "acme/widgets", "github.api_url": url],
            token: token, originURL: nil, cacheDirectory: nil))
    }

    func isRead(_ request: LoggedRequest) -> Bool { request.method == "GET" }

    /// The simulator takes any login; the admin API adds unknown users when an item names them.
    func addPerson(named name: String) async throws -> Person {
        _ = try await simulator.admin("POST", "/_simulator/setup", ["users": [name]])
        return Person(remote: name, filter: name, local: name)
    }

    func isWrite(_ write: String, to key: String) -> Bool {
        guard let number = key.split(separator: "#").last else { return false }
        return write == "PATCH /repos/acme/widgets/issues/\(number)"
    }

    func inProject(_ fields: RemoteFields) -> RemoteFields { labelled(fields, projectCode) }
    func outsideProject(_ fields: RemoteFields) -> RemoteFields { labelled(fields, "other-team") }

    func remoteState(forLocal status: String) -> String { ["done", "abandoned"].contains(status) ? "closed" : "open" }
    func remotePriority(forLocal priority: String) -> String { priority }
    func remoteKind(forLocal kind: String) -> String { kind }
    func remoteLabel(forLocal tag: String) -> String { tag }
    func allowsTitle(_ text: String) -> Bool { !text.isEmpty }
    func allowsLabel(_ text: String) -> Bool { !text.isEmpty }

    private func labelled(_ fields: RemoteFields, _ label: String) -> RemoteFields {
        var fields = fields
        fields.labels = (fields.labels ?? []) + [label]
        return fields
    }
}
