import Testing

/// A tracker the conformance suite runs for: a name for the test report and how to start its harness.
struct TrackerUnderTest: Sendable, CustomTestStringConvertible {
    let name: String
    let start: @Sendable () async throws -> any TrackerHarness

    var testDescription: String { name }
}

/// A client the client checks run for: every tracker, and in-memory fakes that have no simulator.
struct ClientUnderTest: Sendable, CustomTestStringConvertible {
    let name: String
    let start: @Sendable () async throws -> any ClientHarness

    var testDescription: String { name }
}

/// Every tracker the conformance suite runs for. Adding a tracker: its harness file and one line here.
let allHarnesses: [TrackerUnderTest] = [
    TrackerUnderTest(name: "github", start: { try await GitHubHarness.start() }),
    TrackerUnderTest(name: "jira", start: { try await JiraHarness.start() }),
    TrackerUnderTest(name: "linear", start: { try await LinearHarness.start() }),
    TrackerUnderTest(name: "trello", start: { try await TrelloHarness.start() }),
]

/// Every tracker, and the engine's `FakeTracker`.
let allClientHarnesses: [ClientUnderTest] = allHarnesses.map { tracker in
    ClientUnderTest(name: tracker.name, start: { try await tracker.start() })
} + [ClientUnderTest(name: "fake", start: { FakeHarness() })]

/// Runs `body` with a started harness and stops it afterwards, whatever happens.
func withHarness<T>(_ tracker: TrackerUnderTest, _ body: (any TrackerHarness) async throws -> T) async throws -> T {
    let harness = try await tracker.start()
    return try await stopping({ await harness.stop() }) { try await body(harness) }
}

func withHarness<T>(_ client: ClientUnderTest, _ body: (any ClientHarness) async throws -> T) async throws -> T {
    let harness = try await client.start()
    return try await stopping({ await harness.stop() }) { try await body(harness) }
}

private func stopping<T>(_ stop: () async -> Void, _ body: () async throws -> T) async throws -> T {
    do {
        let result = try await body()
        await stop()
        return result
    } catch {
        await stop()
        throw error
    }
}
