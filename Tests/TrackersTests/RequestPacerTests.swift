import Foundation
import TrackerSimulator
@testable import Trackers
import XCTest

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

final class RequestPacerTests: XCTestCase {
    private let get = HTTPRequestSpec(method: "GET", url: "http://tracker.invalid/cards")
    private let put = HTTPRequestSpec(method: "PUT", url: "http://tracker.invalid/cards/1")

    func testABurstGoesAtOnceThenRequestsLeaveOneSpacingApart() {
        let clock = VirtualPacerClock()
        let pacer = RequestPacer(rules: [PacingRule(name: "r", spacing: .milliseconds(100), burst: 3)], clock: clock)
        let slots = (0..<6).map { _ in pacer.reserve(get, at: clock.now) }
        XCTAssertEqual(slots, [.zero, .zero, .zero, .milliseconds(100), .milliseconds(200), .milliseconds(300)])
    }

    func testAQuietSpellRefillsTheBurstButNoMore() {
        let clock = VirtualPacerClock()
        let pacer = RequestPacer(rules: [PacingRule(name: "r", spacing: .seconds(1), burst: 2)], clock: clock)
        _ = (0..<4).map { _ in pacer.reserve(get, at: clock.now) }
        clock.advance(by: .seconds(60))
        let after = (0..<3).map { _ in pacer.reserve(get, at: clock.now) }
        XCTAssertEqual(after, [.seconds(60), .seconds(60), .seconds(61)], "a long pause buys the burst back, not a minute of requests")
    }

    /// Trello's token limit as the Trello client configures it: whatever the order of requests, no sliding
    /// 10-second window holds more than 100, and the run still goes at more than 90% of the limit.
    func testARuleFittedUnderALimitNeverExceedsItInAnyWindowAndUsesMostOfIt() {
        let clock = VirtualPacerClock()
        let rule = PacingRule.fitting(name: "token", limit: 100, per: .seconds(10), utilisation: 0.93, burst: 4)
        let pacer = RequestPacer(rules: [rule], clock: clock)
        var slots: [Duration] = []
        for index in 0..<1000 {
            // Idle gaps now and then, so bursts come back in the middle of the run too.
            if index % 250 == 0 { clock.advance(by: .seconds(3)) }
            let slot = pacer.reserve(get, at: clock.now)
            slots.append(slot)
            clock.advance(by: max(.zero, slot - clock.now))
        }
        XCTAssertLessThanOrEqual(Self.busiestWindow(slots, width: .seconds(10)), 100)
        let busy = Self.seconds(slots[999] - slots[750])
        XCTAssertGreaterThanOrEqual(249 / busy, 9.0, "a saturated stretch runs at ≥ 90% of 10 requests a second")
    }

    func testARuleForOneClassOfRequestsLeavesTheOthersAlone() {
        let clock = VirtualPacerClock()
        let writes = PacingRule(name: "writes", spacing: .seconds(1), burst: 1, applies: { $0.method != "GET" })
        let pacer = RequestPacer(rules: [writes], clock: clock)
        XCTAssertEqual(pacer.reserve(put, at: .zero), .zero)
        XCTAssertEqual(pacer.reserve(put, at: .zero), .seconds(1))
        XCTAssertEqual(pacer.reserve(get, at: .zero), .zero, "reads are not counted by a writes rule")
        XCTAssertEqual(pacer.reserve(put, at: .zero), .seconds(2))
    }

    func testEveryRuleThatCountsARequestIsSpentAndTheStrictestDecides() {
        let clock = VirtualPacerClock()
        let token = PacingRule(name: "token", spacing: .milliseconds(100), burst: 1)
        let key = PacingRule(name: "key", spacing: .milliseconds(250), burst: 1)
        let pacer = RequestPacer(rules: [token, key], clock: clock)
        let slots = (0..<3).map { _ in pacer.reserve(get, at: .zero) }
        XCTAssertEqual(slots, [.zero, .milliseconds(250), .milliseconds(500)])
    }

    func testAHoldStopsEveryoneUntilItEnds() {
        let clock = VirtualPacerClock()
        let pacer = RequestPacer(rules: [PacingRule(name: "r", spacing: .milliseconds(10), burst: 5)], clock: clock)
        pacer.hold(for: .seconds(2))
        XCTAssertEqual(pacer.reserve(get, at: clock.now), .seconds(2))
        XCTAssertEqual(pacer.reserve(put, at: clock.now), .seconds(2))
    }

    func testConcurrentRequestsGetDistinctSlotsInTheOrderTheyAsked() async throws {
        let clock = VirtualPacerClock()
        let pacer = RequestPacer(rules: [PacingRule(name: "r", spacing: .milliseconds(50), burst: 1)], clock: clock)
        let spec = get
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<20 { group.addTask { try await pacer.waitForTurn(spec) } }
            try await group.waitForAll()
        }
        let waits = clock.waits.sorted()
        XCTAssertEqual(waits.count, 19, "only the first request goes without waiting")
        XCTAssertEqual(Set(waits).count, 19, "no two requests share a slot")
        for (earlier, later) in zip(waits, waits.dropFirst()) { XCTAssertGreaterThanOrEqual(later - earlier, .milliseconds(50)) }
    }

    func testACancelledWaitThrows() async {
        let pacer = RequestPacer(rules: [PacingRule(name: "r", spacing: .seconds(3600), burst: 1)])
        let spec = get
        try? await pacer.waitForTurn(spec)
        let waiting = Task { try await pacer.waitForTurn(spec) }
        waiting.cancel()
        do {
            try await waiting.value
            XCTFail("a cancelled wait must throw")
        } catch {}
    }

    static func busiestWindow(_ slots: [Duration], width: Duration) -> Int {
        var busiest = 0, start = 0
        for end in slots.indices {
            while slots[end] - slots[start] >= width { start += 1 }
            busiest = max(busiest, end - start + 1)
        }
        return busiest
    }

    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }
}

/// The shared HTTP client asks the pacer before every attempt, and a 429 holds everyone back.
final class PacedHTTPClientTests: XCTestCase {
    private var server: SimulatorServer!

    override func setUp() async throws {
        server = try await SimulatorServer.start(SimulatorOptions(kind: .github, token: "T"))
        var request = URLRequest(url: URL(string: server.baseURL + "/_simulator/setup")!)
        request.httpMethod = "POST"
        request.httpBody = Data(#"{"repositories": ["acme/widgets"]}"#.utf8)
        _ = try await URLSession.shared.data(for: request)
    }

    override func tearDown() async throws { await server.stop() }

    private func fault(_ body: String) async throws {
        var request = URLRequest(url: URL(string: server.baseURL + "/_simulator/faults")!)
        request.httpMethod = "POST"
        request.httpBody = Data(body.utf8)
        _ = try await URLSession.shared.data(for: request)
    }

    private var list: HTTPRequestSpec {
        HTTPRequestSpec(method: "GET", url: server.baseURL + "/repos/acme/widgets/issues", headers: [("Authorization", "Bearer T")])
    }

    func testEveryAttemptIncludingRetriesWaitsForItsTurn() async throws {
        try await fault(#"{"path": "/issues", "status": 503, "count": 1, "headers": {"retry-after": "0"}}"#)
        let clock = VirtualPacerClock()
        let pacer = RequestPacer(rules: [PacingRule(name: "r", spacing: .seconds(1), burst: 1)], clock: clock)
        let client = TrackerHTTPClient(pacer: pacer, sleep: RecordedSleeps().sleep)
        for _ in 0..<2 { _ = try await client.send(list) }
        XCTAssertEqual(client.requestCount, 3)
        XCTAssertEqual(clock.waits, [.seconds(1), .seconds(2)], "three attempts, one second apart")
    }

    func testA429HoldsThePacerForTheWaitTheTrackerAskedFor() async throws {
        try await fault(#"{"path": "/issues", "status": 429, "count": 1, "headers": {"retry-after": "5"}}"#)
        let clock = VirtualPacerClock()
        let pacer = RequestPacer(rules: [PacingRule(name: "r", spacing: .milliseconds(1), burst: 10)], clock: clock)
        let sleeps = RecordedSleeps()
        let client = TrackerHTTPClient(pacer: pacer, sleep: sleeps.sleep)
        let status = try await client.send(list).status
        XCTAssertEqual(status, 200)
        XCTAssertEqual(sleeps.waits.withLock { $0 }, [.seconds(5)])
        XCTAssertEqual(clock.waits, [.seconds(5)], "the retry waited for the hold, and so would any other request")
    }
}
