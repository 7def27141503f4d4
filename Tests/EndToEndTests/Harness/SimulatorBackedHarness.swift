import Foundation

/// A harness over an in-process `tracker-simulator`: everything but the tracker's vocabulary comes from the
/// simulator's admin API, which is the same for every tracker. A new tracker's harness names its simulator, its
/// read and create paths and its words.
protocol SimulatorBackedHarness: TrackerHarness {
    var simulator: Simulator { get }
    /// A regular expression over path and query matching the requests that list or search items.
    var readPathPattern: String { get }
    /// A regular expression over path and query matching the request that creates an item.
    var createPathPattern: String { get }
    /// Whether a request only reads (Jira's searches are POSTs that change nothing).
    func isRead(_ request: LoggedRequest) -> Bool
}

extension SimulatorBackedHarness {
    var url: String { simulator.url }

    @discardableResult
    func add(_ fields: RemoteFields) async throws -> AdminItem {
        try AdminItem(try await simulator.admin("POST", "/_simulator/items", fields.json) as? [String: Any] ?? [:])
    }

    @discardableResult
    func change(_ key: String, _ fields: RemoteFields) async throws -> AdminItem {
        try AdminItem(try await simulator.patch(key, fields.json))
    }

    func delete(_ key: String) async throws { try await simulator.delete(key) }

    func items() async throws -> [AdminItem] { try await simulator.items().map(AdminItem.init) }

    func requests() async throws -> [LoggedRequest] {
        try await simulator.requests().map { LoggedRequest(method: $0.method, path: $0.path, status: $0.status) }
    }

    func clearRequests() async throws { try await simulator.clearRequests() }

    func advanceClock(seconds: Double) async throws { try await simulator.advanceClock(seconds: seconds) }

    func failReads(status: Int, count: Int, headers: [String: String], message: String?) async throws {
        var spec: [String: Any] = ["path": readPathPattern, "status": status, "count": count, "headers": headers]
        if let message { spec["message"] = message }
        try await simulator.fault(spec)
    }

    func dropNextCreate(afterEffect: Bool) async throws {
        try await simulator.fault(["path": createPathPattern, "drop": true, "after": afterEffect, "count": 1])
    }

    func isListOrSearch(_ request: LoggedRequest) -> Bool {
        (try? Regex(readPathPattern).firstMatch(in: request.path)) != nil
    }

    func setLatency(ms: Int) async throws { try await simulator.fault(["latency_ms": ms]) }

    /// `write` is "METHOD path": the fault takes that method on exactly that path and query.
    func failWrite(_ write: String, with fault: InjectedFault, count: Int) async throws {
        let parts = write.split(separator: " ", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { throw HarnessError("not a \"METHOD path\" write: \(write)") }
        var spec = fault.simulatorSpec
        spec["method"] = parts[0]
        spec["path"] = "^" + NSRegularExpression.escapedPattern(for: parts[1]) + "$"
        spec["count"] = count
        try await simulator.fault(spec)
    }

    func isRequest(_ request: LoggedRequest, the write: String) -> Bool { request.line == write }

    /// The write's path (its second word) is the create path.
    func isCreate(_ write: String) -> Bool {
        let words = write.split(separator: " ")
        return words.count >= 2 && (try? Regex(createPathPattern).firstMatch(in: String(words[1]))) != nil
    }

    func clearFaults() async throws { try await simulator.clearFaults() }

    func remoteWrites() async throws -> [String] {
        try await requests().filter { !isRead($0) }.map(\.line)
    }

    func stop() async { await simulator.stop() }
}
