import Foundation
import Synchronization
import TrackerSimulator
import Trackers
import WorkItems
import XCTest
@testable import GitHubTracker

/// Writes are spaced under GitHub's secondary limits (80 content-generating requests a minute, 500 an hour);
/// reads are not.
final class GitHubPacingTests: XCTestCase {
    private var server: SimulatorServer!

    override func setUp() async throws {
        server = try await SimulatorServer.start(SimulatorOptions(kind: .github, token: "T", seedCount: 30, seedRepository: "acme/widgets"))
    }

    override func tearDown() async throws { await server.stop() }

    private func tracker(clock: RecordingPacerClock) throws -> GitHubTracker {
        try GitHubTracker(settings: TrackerSettings(integration: "github-issues",
            values: ["github.repo": "acme/widgets", "github.api_url": server.baseURL], token: "T", originURL: nil, cacheDirectory: nil),
            pacer: GitHubPacing.pacer(clock: clock))
    }

    func testAfterABurstOfTwentyWritesGoOneASecond() async throws {
        let clock = RecordingPacerClock()
        let t = try tracker(clock: clock)
        for n in 1...25 {
            let key = "acme/widgets#\(n)"
            _ = try await t.update(key: key, to: WorkItemContent(title: "Renamed \(n)", description: ""), previous: nil)
        }
        XCTAssertEqual(clock.waits, (1...5).map { Duration.seconds($0) }, "the 21st write waits a second, each next one more")
        _ = try await t.read(RemoteReadRequest(since: nil, trackedKeys: ["acme/widgets#1"], discovery: DiscoveryFilter(), discoverySince: nil))
        XCTAssertEqual(clock.waits.count, 5, "reads are not paced")
    }

    func testTheHourlyLimitTakesOverOnceItsBurstIsSpent() async throws {
        let clock = RecordingPacerClock()
        let pacer = GitHubPacing.pacer(clock: clock)
        let write = HTTPRequestSpec(method: "POST", url: "https://api.github.com/repos/o/r/issues")
        for _ in 1...60 { try await pacer.waitForTurn(write) }
        // A second apart after the first 20; once the hour's budget (450 an hour after 50) is the tighter, 8 s apart.
        XCTAssertEqual(clock.waits, (1...34).map { Duration.seconds($0) } + [40, 48, 56, 64, 72, 80].map { Duration.seconds($0) })
        // Any minute holds at most 80 writes, any hour at most 500.
        let sent = Array(repeating: Duration.zero, count: 20) + clock.waits
        for (index, start) in sent.enumerated() {
            XCTAssertLessThanOrEqual(sent[index...].prefix { $0 < start + .seconds(60) }.count, 80)
        }
        XCTAssertLessThanOrEqual(sent.count, 500)
        try await pacer.waitForTurn(HTTPRequestSpec(method: "GET", url: "https://api.github.com/repos/o/r/issues"))
        XCTAssertEqual(clock.waits.count, 40, "a read waits for nothing")
    }
}

/// A pacer clock whose sleeps move its time at once, recording each deadline.
final class RecordingPacerClock: PacerClock {
    private let state = Mutex<(now: Duration, waits: [Duration])>((.zero, []))

    var now: Duration { state.withLock { $0.now } }
    var waits: [Duration] { state.withLock { $0.waits } }

    func sleep(until deadline: Duration) async throws {
        state.withLock { state in
            state.waits.append(deadline)
            state.now = max(state.now, deadline)
        }
    }
}
