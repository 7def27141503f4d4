import Foundation
import Trackers
import WorkItems

/// What the client checks need from a tracker: an in-process client, remote items added, changed and read as a
/// person would, simulated time, a lost create, and the tracker's words for a scenario's local ones. A
/// simulator-backed harness implements it over the admin API; an in-memory fake implements it directly.
protocol ClientHarness: AnyObject {
    /// The tracker's descriptor: its integration name, display name, token variable and factory.
    var descriptor: TrackerDescriptor { get }

    /// A client of this tracker, in process, pointed at the harness's remote.
    func makeClient() throws -> any Tracker

    // MARK: The remote, as a person changes it

    @discardableResult func add(_ fields: RemoteFields) async throws -> AdminItem
    @discardableResult func change(_ key: String, _ fields: RemoteFields) async throws -> AdminItem
    func delete(_ key: String) async throws
    func items() async throws -> [AdminItem]
    /// Lets simulated time pass (updated stamps, rate-limit windows); nothing sleeps.
    func advanceClock(seconds: Double) async throws
    /// The next create loses its connection; with `afterEffect` the item is created first.
    func dropNextCreate(afterEffect: Bool) async throws

    // MARK: Vocabulary

    /// A whole-key regular expression (`acme/widgets#\d+`, `ENG-\d+`).
    var keyPattern: String { get }
    /// What `work.default_project_code` is set to when a scenario narrows discovery to the project.
    var projectCode: String { get }
    /// `fields` placed inside / outside `projectCode`'s project (a label, a project, a team, a board label).
    func inProject(_ fields: RemoteFields) -> RemoteFields
    func outsideProject(_ fields: RemoteFields) -> RemoteFields
    /// At least two people the tracker knows.
    var people: [Person] { get }
    /// The remote `state` of an item whose local status is `status` (GitHub `closed` for `done`, Jira `Done`).
    func remoteState(forLocal status: String) -> String
    /// The remote `priority` / `kind` / label for a local priority / kind / tag.
    func remotePriority(forLocal priority: String) -> String
    func remoteKind(forLocal kind: String) -> String
    func remoteLabel(forLocal tag: String) -> String

    func stop() async
}

/// A tracker end to end over HTTP: a simulator the built binary and in-process clients talk to, a scratch repository
/// configured for it, its request log and faults, and which requests are writes.
protocol TrackerHarness: ClientHarness {
    /// The simulator's base URL (what `<tracker>.api_url` is set to).
    var url: String { get }

    /// A client that presents `token` (the wrong-token check).
    func makeClient(token: String) throws -> any Tracker
    /// Writes `.accelerator/config.md` for this tracker and puts the token in `repo.environment`;
    /// `narrowedToProject` sets `work.default_project_code` to `projectCode` (trackers that need it always set it).
    func configure(_ repo: ScratchRepo, narrowedToProject: Bool) throws

    /// Every request served so far.
    func requests() async throws -> [LoggedRequest]
    func clearRequests() async throws
    /// "METHOD path" of every request so far that changed something remotely (reads, including searches sent
    /// as POST, are left out).
    func remoteWrites() async throws -> [String]
    /// Whether a remote write ("METHOD path") changed the item `key`.
    func isWrite(_ write: String, to key: String) -> Bool
    /// Whether a remote write (one of the lines `remoteWrites()` lists) makes a new item.
    func isCreate(_ write: String) -> Bool
    /// The next `count` reads (listing or search) answer `status` with `headers`, carrying `message` when given.
    func failReads(status: Int, count: Int, headers: [String: String], message: String?) async throws
    /// Whether a logged request is one of the reads `failReads` fails.
    func isListOrSearch(_ request: LoggedRequest) -> Bool
    /// Every request to the tracker is delayed by `ms` (the kill scenarios stretch a run with it).
    func setLatency(ms: Int) async throws
    /// The next `count` requests that are `write` (one of the lines `remoteWrites()` lists) meet `fault`. A tracker
    /// whose writes share a method and path with its reads (GraphQL) tells them apart here by what it sends.
    func failWrite(_ write: String, with fault: InjectedFault, count: Int) async throws
    /// Whether a logged request is `write` (one of the lines `remoteWrites()` lists), as `failWrite` picks it.
    func isRequest(_ request: LoggedRequest, the write: String) -> Bool
    /// Faults not used up yet are forgotten (latency stays).
    func clearFaults() async throws

    /// A person the tracker shows under `name` (the hostile scenarios use names no real tracker would allow).
    func addPerson(named name: String) async throws -> Person
    /// Whether a person could enter `text` as a title / a label in this tracker (Jira refuses line breaks in a
    /// summary and white space in a label): the hostile scenarios send only what a real tracker could hold.
    func allowsTitle(_ text: String) -> Bool
    func allowsLabel(_ text: String) -> Bool
}

extension ClientHarness {
    /// `work.integration` (`github-issues`, `jira`, …), also the folder under `paths.integrations`.
    var integration: String { descriptor.integration }
    /// How prompts name the tracker ("GitHub Issues", "Jira").
    var displayName: String { descriptor.displayName }
    /// The environment variable the harness puts the token in.
    var tokenVariable: String { descriptor.tokenVariable }

    func item(_ key: String) async throws -> AdminItem? { try await items().first { $0.key == key } }

    func isKey(_ text: String) -> Bool { (try? Regex(keyPattern).wholeMatch(in: text)) != nil }
}

extension TrackerHarness {
    func makeClient() throws -> any Tracker { try makeClient(token: E2E.token) }

    func configure(_ repo: ScratchRepo) throws { try configure(repo, narrowedToProject: false) }

    /// Where this tracker's baseline lives in a repository.
    var baselinePath: String { ".accelerator/state/integrations/\(integration)/last-sync.json" }
    var syncLogPath: String { ".accelerator/state/integrations/\(integration)/sync.log" }
}
