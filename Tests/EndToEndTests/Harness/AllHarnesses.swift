import Testing

/// A tracker the conformance suite runs for: a name for the test report and how to start its harness.
struct TrackerUnderTest: Sendable, CustomTestStringConvertible {
    let name: String
    let start: @Sendable () async throws -> any TrackerHarness

    var testDescription: String { name }
}

/// Every tracker the conformance suite runs for. Adding a tracker: its harness file and one line here.
let allHarnesses: [TrackerUnderTest] = [
    TrackerUnderTest(name: "github", start: { try await GitHubHarness.start() }),
    TrackerUnderTest(name: "jira", start: { try await JiraHarness.start() }),
]

/// Runs `body` with a started harness and stops it afterwards, whatever happens.
func withHarness<T>(_ tracker: TrackerUnderTest, _ body: (any TrackerHarness) async throws -> T) async throws -> T {
    let harness = try await tracker.start()
    do {
        let result = try await body(harness)
        await harness.stop()
        return result
    } catch {
        await harness.stop()
        throw error
    }
}
