import Foundation
import TrackerTesting
import Trackers
import WorkItems

/// The engine's in-memory `FakeTracker` as a client harness, so the fake the engine's interruption tests trust is
/// held to the same contract as the real clients. It speaks no HTTP (no token, no rate limit) and keeps content in
/// the local vocabulary, less `kind`.
final class FakeHarness: ClientHarness {
    private let clock = ManualClock()
    private let tracker: FakeTracker
    let keyPattern = #"(FAKE|OPS)-\d+"#
    let projectCode = "FAKE"
    let people = [Person(remote: "ana", filter: "ana", local: "ana"), Person(remote: "ben", filter: "ben", local: "ben")]

    init() { tracker = FakeTracker(project: "FAKE", clock: clock) }

    var descriptor: TrackerDescriptor { tracker.descriptor }

    func makeClient() throws -> any Tracker { tracker }

    @discardableResult
    func add(_ fields: RemoteFields) async throws -> AdminItem {
        var content = WorkItemContent(title: fields.title ?? "", description: "")
        Self.apply(fields, to: &content)
        return Self.view(tracker.add(content, project: fields.scope))
    }

    @discardableResult
    func change(_ key: String, _ fields: RemoteFields) async throws -> AdminItem {
        guard let item = tracker.edit(key, { Self.apply(fields, to: &$0) }) else { throw HarnessError("no item \(key)") }
        return Self.view(item)
    }

    func delete(_ key: String) async throws { tracker.delete(key) }

    func items() async throws -> [AdminItem] { tracker.items.map(Self.view) }

    func advanceClock(seconds: Double) async throws { clock.advance(by: seconds) }

    func dropNextCreate(afterEffect: Bool) async throws {
        tracker.inject(.init(.create, .outcomeUnknown("the connection closed before the answer came"), afterApplying: afterEffect))
    }

    func inProject(_ fields: RemoteFields) -> RemoteFields { fields }

    func outsideProject(_ fields: RemoteFields) -> RemoteFields {
        var fields = fields
        fields.scope = "OPS"
        return fields
    }

    func remoteState(forLocal status: String) -> String { status }
    func remotePriority(forLocal priority: String) -> String { priority }
    func remoteKind(forLocal kind: String) -> String { kind }
    func remoteLabel(forLocal tag: String) -> String { tag }

    func stop() async {}

    private static func apply(_ fields: RemoteFields, to content: inout WorkItemContent) {
        if let title = fields.title { content.title = title }
        if let description = fields.description { content.description = description }
        if let state = fields.state { content.status = state }
        if let labels = fields.labels { content.tags = labels }
        if let assignee = fields.assignee { content.assignee = assignee }
        if let priority = fields.priority { content.priority = priority }
        if let kind = fields.kind { content.kind = kind }
    }

    private static func view(_ item: RemoteItem) -> AdminItem {
        AdminItem(key: item.key, scope: String(item.key.prefix { $0 != "-" }), title: item.content.title,
                  description: item.content.description, state: item.content.status ?? "", labels: item.content.tags,
                  assignee: item.content.assignee, priority: item.content.priority, kind: item.content.kind)
    }
}
