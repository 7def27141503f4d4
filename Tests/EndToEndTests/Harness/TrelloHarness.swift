import Foundation
import Trackers
import TrelloTracker

/// Trello through its simulator: the board EngBoard with the lists Backlog, To Do, Doing, Review, Done and Won't Do,
/// people ana and ben. Trello has no projects: the project code is a board label (`team-widgets`), and priority and kind
/// are `priority: …`/`kind: …` labels, as the client maps them by default.
final class TrelloHarness: SimulatorBackedHarness {
    let simulator: Simulator
    let descriptor = TrelloDescriptor.descriptor
    let keyPattern = #"[A-Za-z0-9]{8}"#
    let projectCode = "team-widgets"
    let people = [Person(remote: "ana", filter: "ana", local: "ana"), Person(remote: "ben", filter: "Ben Brooks", local: "ben")]
    /// The board's activity (incremental reads) and the whole board's cards (first reads).
    let readPathPattern = #"^/1/boards/[^/]+/(actions|cards)"#
    let createPathPattern = #"^/1/cards$"#
    static let key = "0123456789abcdef0123456789abcdef"

    private init(simulator: Simulator) { self.simulator = simulator }

    static func start() async throws -> TrelloHarness {
        let simulator = try await Simulator.startTrello(apiKey: key)
        _ = try await simulator.admin("POST", "/_simulator/setup", [
            "boards": [["name": "Engineering", "shortLink": "EngBoard", "lists": ["Won't Do"]]],
        ])
        return TrelloHarness(simulator: simulator)
    }

    func configure(_ repo: ScratchRepo, narrowedToProject: Bool) throws {
        try repo.configureTrello(simulator: url, key: Self.key, extra: narrowedToProject ? "  default_project_code: \(projectCode)\n" : "")
    }

    func makeClient(token: String) throws -> any Tracker {
        try descriptor.make(TrackerSettings(
            integration: integration,
            values: ["trello.key": Self.key, "trello.board_id": "EngBoard", "trello.api_url": url, "work.default_project_code": projectCode],
            token: token, originURL: nil, cacheDirectory: nil))
    }

    func isRead(_ request: LoggedRequest) -> Bool { request.method == "GET" }

    /// A member of the board whose full name is `name`; a pull writes their username.
    func addPerson(named name: String) async throws -> Person {
        addedPeople += 1
        let username = "person\(addedPeople)"
        _ = try await simulator.admin("POST", "/_simulator/setup", ["members": [["username": username, "fullName": name]]])
        return Person(remote: username, filter: name, local: username)
    }

    private var addedPeople = 0

    /// A card is written by the `PUT` of its fields and by its labels and members one at a time.
    func isWrite(_ write: String, to key: String) -> Bool {
        write == "PUT /1/cards/\(key)" || write.hasPrefix("PUT /1/cards/\(key)?") || write.hasPrefix("POST /1/cards/\(key)/")
            || write.hasPrefix("DELETE /1/cards/\(key)/")
    }

    /// A create is confirmed by a `PUT` to the new card's object id, which is new every run (it starts with the
    /// creation time): such a write is listed as `PUT /1/cards/{created-card}?…`, and a fault on it takes the next one.
    static let createdCard = "{created-card}"

    func remoteWrites() async throws -> [String] {
        try await requests().filter { !isRead($0) }.map { Self.naming($0.line) }
    }

    /// `write` is "METHOD path": the fault takes that method on that path and query, `{created-card}` any object id.
    func failWrite(_ write: String, with fault: InjectedFault, count: Int) async throws {
        let parts = write.split(separator: " ", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { throw HarnessError("not a \"METHOD path\" write: \(write)") }
        var spec = fault.simulatorSpec
        spec["method"] = parts[0]
        spec["path"] = "^" + parts[1].components(separatedBy: Self.createdCard).map { NSRegularExpression.escapedPattern(for: $0) }
            .joined(separator: "[0-9a-f]{24}") + "$"
        spec["count"] = count
        try await simulator.fault(spec)
    }

    func isRequest(_ request: LoggedRequest, the write: String) -> Bool { Self.naming(request.line) == write }

    /// The request line with a card named by its object id (not its shortLink) written as `{created-card}`.
    private static func naming(_ line: String) -> String {
        guard let match = line.wholeMatch(of: #/([A-Z]+ /1/cards/)[0-9a-f]{24}([?/].*)?/#) else { return line }
        return match.1 + createdCard + (match.2 ?? "")
    }

    func inProject(_ fields: RemoteFields) -> RemoteFields { labelled(fields, projectCode) }
    func outsideProject(_ fields: RemoteFields) -> RemoteFields { labelled(fields, "frontend") }

    func remoteState(forLocal status: String) -> String {
        ["draft": "Backlog", "ready": "To Do", "in-progress": "Doing", "review": "Review", "done": "Done", "abandoned": "Won't Do"][status]
            ?? "To Do"
    }

    func remotePriority(forLocal priority: String) -> String { priority }
    func remoteKind(forLocal kind: String) -> String { kind }
    func remoteLabel(forLocal tag: String) -> String { tag }
    /// Trello takes any name and any label up to 16,384 characters.
    func allowsTitle(_ text: String) -> Bool { !text.isEmpty && text.utf16.count <= 16_384 }
    func allowsLabel(_ text: String) -> Bool { !text.trimmingCharacters(in: .whitespaces).isEmpty }

    private func labelled(_ fields: RemoteFields, _ label: String) -> RemoteFields {
        var fields = fields
        fields.labels = (fields.labels ?? []) + [label]
        return fields
    }
}
