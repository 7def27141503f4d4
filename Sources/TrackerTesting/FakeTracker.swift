import Foundation
import Synchronization
import Trackers
import WorkItems

/// An in-memory tracker that behaves like the real ones wherever the engine can tell the difference:
/// - every write moves the item's updated time on (second precision, as GitHub and Jira report it), read from a
///   `ManualClock` the test shares with the engine;
/// - it keeps no `kind` (like GitHub without issue types), so `representable` drops it and a pull must keep the local one;
/// - a create carries its marker, and `findCreated` finds it by marker and creation time;
/// - a deleted key is `notFound` on update and left out of `fetch` and `read`;
/// - `read` returns tracked items changed at or after `since` (boundary included) and discovery candidates that match
///   the filter; `requestCount` counts one request per call;
/// - every item has a stable id (`remoteID`) that survives `move`, which gives it a key in another project, as a
///   Linear issue moved to another team gets a new identifier; `read` follows tracked items by `remoteIDs`;
/// - faults can be queued per operation: the write fails before it happens, or happens and then its answer is lost
///   (`outcomeUnknown`), as a dropped connection does.
public final class FakeTracker: Tracker, Sendable {
    public enum Operation: String, Sendable { case read, fetch, create, findCreated, update }

    public struct Fault: Sendable {
        public var operation: Operation
        public var error: TrackerError
        /// The write takes effect before the error is thrown.
        public var afterApplying: Bool

        public init(_ operation: Operation, _ error: TrackerError, afterApplying: Bool = false) {
            self.operation = operation
            self.error = error
            self.afterApplying = afterApplying
        }
    }

    /// One remote write that took effect, in order.
    public struct Write: Sendable, Equatable {
        public var operation: Operation
        public var key: String
    }

    private struct Stored: Sendable {
        var item: RemoteItem
        var project: String
        var deleted = false
    }

    private struct State: Sendable {
        var items: [String: Stored] = [:]
        var order: [String] = []
        var nextNumber: [String: Int] = [:]
        var faults: [Fault] = []
        var writes: [Write] = []
        var requests = 0
    }

    public let integrationName: String
    public let displayName = "Fake Tracker"
    /// The project new items go to (`FAKE-1`, `FAKE-2`, …).
    public let project: String
    public let clock: ManualClock
    private let state = Mutex(State())

    public init(integrationName: String = "fake", project: String = "FAKE", clock: ManualClock = ManualClock()) {
        self.integrationName = integrationName
        self.project = project
        self.clock = clock
    }

    /// The registry entry for `SyncEnvironment.trackers`: every run talks to this same tracker. Configuration keys
    /// live under `fake.`, the token in `ACCELERATOR_FAKE_TOKEN`; there is no credential host to ask git about.
    public var descriptor: TrackerDescriptor {
        TrackerDescriptor(
            integration: integrationName, displayName: displayName, configPrefix: "fake", configKeys: TrackerConfigKey.common,
            credentialHost: { _ in nil }, keySyntax: .projectAndNumber, make: { [self] _ in self })
    }

    // MARK: Tracker

    public func itemNoun(for content: WorkItemContent) -> String { "item" }

    public func representable(_ content: WorkItemContent) -> WorkItemContent {
        var kept = content
        kept.kind = nil
        return kept
    }

    public func matches(_ item: RemoteItem, filter: DiscoveryFilter) -> Bool {
        if !filter.all, let code = filter.projectCode, !item.key.hasPrefix(code + "-") { return false }
        let tags = Set(item.content.tags.map { $0.lowercased() })
        if !filter.labels.allSatisfy({ tags.contains($0.lowercased()) }) { return false }
        if let who = filter.assignee, item.content.assignee?.lowercased() != who.lowercased() { return false }
        if let wanted = filter.state?.lowercased(), wanted != "all" {
            // As the real trackers read it: `open` is anything not finished, `closed` anything finished.
            let finished = ["done", "abandoned"].contains(item.content.status?.lowercased() ?? "")
            switch wanted {
            case "open": if finished { return false }
            case "closed", "done": if !finished { return false }
            default: if item.content.status?.lowercased() != wanted { return false }
            }
        }
        return true
    }

    public func read(_ request: RemoteReadRequest) async throws -> RemoteReadResult {
        try state.withLock { state in
            state.requests += 1
            try Self.failBefore(.read, &state)
            var out: [RemoteItem] = []
            for key in state.order {
                guard let stored = state.items[key], !stored.deleted else { continue }
                let updated = FakeTime.parse(stored.item.updatedAt) ?? .distantPast
                let trackedByID = stored.item.remoteID.map { Set(request.remoteIDs.values).contains($0) } ?? false
                if request.trackedKeys.contains(key) || trackedByID {
                    if request.since.map({ updated >= $0 }) ?? true { out.append(stored.item) }
                } else if matches(stored.item, filter: request.discovery),
                    request.discoverySince.map({ updated >= $0 }) ?? true
                {
                    out.append(stored.item)
                }
            }
            return RemoteReadResult(items: out, requestCount: 1)
        }
    }

    public func fetch(keys: [String]) async throws -> [RemoteItem] {
        try state.withLock { state in
            state.requests += 1
            try Self.failBefore(.fetch, &state)
            return keys.compactMap { key in state.items[key].flatMap { $0.deleted ? nil : $0.item } }
        }
    }

    public func create(_ content: WorkItemContent, marker: SyncMarker) async throws -> RemoteItem {
        try state.withLock { state in
            state.requests += 1
            let fault = try Self.failBefore(.create, &state)
            let item = Self.insert(representable(content), marker: marker, project: project, clock: clock, into: &state)
            state.writes.append(Write(operation: .create, key: item.key))
            if let fault { throw fault.error }
            return item
        }
    }

    public func findCreated(marker: SyncMarker, createdAfter: Date) async throws -> RemoteItem? {
        try state.withLock { state in
            state.requests += 1
            try Self.failBefore(.findCreated, &state)
            return state.order.compactMap { state.items[$0] }.first { stored in
                !stored.deleted && stored.item.marker == marker
                    && (FakeTime.parse(stored.item.createdAt ?? "") ?? .distantPast) >= createdAfter
            }?.item
        }
    }

    public func update(key: String, to content: WorkItemContent, previous: WorkItemContent?) async throws -> RemoteItem {
        try state.withLock { state in
            state.requests += 1
            let fault = try Self.failBefore(.update, &state)
            guard var stored = state.items[key], !stored.deleted else {
                throw TrackerError.notFound("\(key) does not exist (deleted, or never created)")
            }
            let incoming = representable(content)
            if incoming.normalised() != stored.item.content.normalised() {
                stored.item.content = incoming
                stored.item.updatedAt = FakeTime.format(clock.advance())
                state.items[key] = stored
            }
            state.writes.append(Write(operation: .update, key: key))
            if let fault { throw fault.error }
            return stored.item
        }
    }

    // MARK: What a person does on the tracker's side (tests)

    /// A person creates an item in `project` (default: this tracker's).
    @discardableResult
    public func add(_ content: WorkItemContent, project: String? = nil) -> RemoteItem {
        state.withLock { state in
            Self.insert(representable(content), marker: nil, project: project ?? self.project, clock: clock, into: &state)
        }
    }

    /// A person edits an item; its updated time moves on.
    @discardableResult
    public func edit(_ key: String, _ change: (inout WorkItemContent) -> Void) -> RemoteItem? {
        state.withLock { state in
            guard var stored = state.items[key], !stored.deleted else { return nil }
            change(&stored.item.content)
            stored.item.content = representable(stored.item.content)
            stored.item.updatedAt = FakeTime.format(clock.advance())
            state.items[key] = stored
            return stored.item
        }
    }

    /// A person moves an item to another project: it gets that project's next key, keeps its stable id, and its
    /// updated time moves on. Returns the item under its new key.
    @discardableResult
    public func move(_ key: String, to project: String) -> RemoteItem? {
        state.withLock { state in
            guard var stored = state.items[key], !stored.deleted else { return nil }
            let number = (state.nextNumber[project] ?? 0) + 1
            state.nextNumber[project] = number
            stored.item.key = "\(project)-\(number)"
            stored.item.updatedAt = FakeTime.format(clock.advance())
            stored.project = project
            state.items[key] = nil
            state.items[stored.item.key] = stored
            state.order = state.order.map { $0 == key ? stored.item.key : $0 }
            return stored.item
        }
    }

    public func delete(_ key: String) {
        state.withLock { state in
            state.items[key]?.deleted = true
            clock.advance()
        }
    }

    /// Every item that exists, in creation order.
    public var items: [RemoteItem] {
        state.withLock { state in state.order.compactMap { state.items[$0] }.filter { !$0.deleted }.map(\.item) }
    }

    public func item(_ key: String) -> RemoteItem? {
        state.withLock { state in state.items[key].flatMap { $0.deleted ? nil : $0.item } }
    }

    /// Writes that took effect (creates and updates), in order.
    public var writes: [Write] { state.withLock { $0.writes } }

    public var requestCount: Int { state.withLock { $0.requests } }

    /// Queues a fault for the next call of its operation.
    public func inject(_ fault: Fault) {
        state.withLock { $0.faults.append(fault) }
    }

    // MARK: Inside

    /// Throws a queued fault for `operation` that fails before anything happens; returns one that fails after.
    @discardableResult
    private static func failBefore(_ operation: Operation, _ state: inout State) throws -> Fault? {
        guard let index = state.faults.firstIndex(where: { $0.operation == operation }) else { return nil }
        let fault = state.faults.remove(at: index)
        if !fault.afterApplying { throw fault.error }
        return fault
    }

    private static func insert(_ content: WorkItemContent, marker: SyncMarker?, project: String, clock: ManualClock,
                               into state: inout State) -> RemoteItem {
        let number = (state.nextNumber[project] ?? 0) + 1
        state.nextNumber[project] = number
        let key = "\(project)-\(number)"
        let time = FakeTime.format(clock.advance())
        let item = RemoteItem(key: key, remoteID: "fake-id-\(state.order.count + 1)", updatedAt: time, createdAt: time, author: "Fake Person",
            url: "https://tracker.invalid/\(key)", content: content, marker: marker)
        state.items[key] = Stored(item: item, project: project)
        state.order.append(key)
        return item
    }
}
