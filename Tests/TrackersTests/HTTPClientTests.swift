import Foundation
import Synchronization
import TrackerSimulator
import Trackers
import XCTest

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Records the waits instead of sleeping, so retry tests are fast and exact.
final class RecordedSleeps: Sendable {
    let waits = Mutex<[Duration]>([])
    var sleep: @Sendable (Duration) async throws -> Void { { [self] d in self.waits.withLock { $0.append(d) } } }
}

final class RetryPolicyTests: XCTestCase {
    private func response(_ status: Int, _ headers: [(String, String)] = []) -> HTTPResponseData {
        HTTPResponseData(status: status, headers: headers, body: [])
    }

    func testWhatIsWorthRetrying() {
        XCTAssertEqual(RetryPolicy.standardVerdict(response(503)), RetryVerdict(wait: nil, mayHaveTakenEffect: false))
        XCTAssertEqual(RetryPolicy.standardVerdict(response(429, [("retry-after", "3")])), RetryVerdict(wait: .seconds(3), mayHaveTakenEffect: false))
        XCTAssertEqual(RetryPolicy.standardVerdict(response(502))?.mayHaveTakenEffect, true, "a gateway error may hide a write that happened")
        XCTAssertNotNil(RetryPolicy.standardVerdict(response(403, [("x-ratelimit-remaining", "0")])))
        XCTAssertNotNil(RetryPolicy.standardVerdict(response(403, [("retry-after", "30")])))
        XCTAssertNil(RetryPolicy.standardVerdict(response(403)), "a permission 403 is final")
        XCTAssertNil(RetryPolicy.standardVerdict(response(422)))
        XCTAssertNil(RetryPolicy.standardVerdict(response(401)))
    }

    func testServerWaitsFromRetryAfterAndRateLimitReset() {
        let now = Date(timeIntervalSince1970: 1_000_000)
        XCTAssertEqual(RetryPolicy.serverWait(response(429, [("retry-after", "7")]), now: now), .seconds(7))
        XCTAssertEqual(RetryPolicy.serverWait(response(503, [("retry-after", "Mon, 12 Jan 1970 13:46:50 GMT")]), now: now), .seconds(10))
        XCTAssertEqual(RetryPolicy.serverWait(response(403, [("x-ratelimit-remaining", "0"), ("x-ratelimit-reset", "1000042")]), now: now), .seconds(42))
        XCTAssertNil(RetryPolicy.serverWait(response(503), now: now))
    }

    func testBackoffGrowsAndIsCapped() {
        let policy = RetryPolicy()
        XCTAssertLessThanOrEqual(policy.backoff(attempt: 1), .milliseconds(250))
        XCTAssertLessThanOrEqual(policy.backoff(attempt: 30), .seconds(8))
        XCTAssertGreaterThanOrEqual(policy.backoff(attempt: 30), .seconds(4))
    }

    func testLinkHeaders() {
        let header = #"<https://api.github.com/repositories/1/issues?per_page=3&page=2>; rel="next", <https://api.github.com/repositories/1/issues?per_page=3&page=5>; rel="last""#
        XCTAssertEqual(LinkHeader.url(rel: "next", in: header), "https://api.github.com/repositories/1/issues?per_page=3&page=2")
        XCTAssertEqual(LinkHeader.url(rel: "last", in: header), "https://api.github.com/repositories/1/issues?per_page=3&page=5")
        XCTAssertNil(LinkHeader.url(rel: "prev", in: header))
        XCTAssertNil(LinkHeader.url(rel: "next", in: nil))
    }
}

final class HTTPClientTests: XCTestCase {
    private var server: SimulatorServer!

    override func setUp() async throws {
        server = try await SimulatorServer.start(SimulatorOptions(kind: .github, token: "T"))
        try await admin("/_simulator/setup", ["repositories": ["acme/widgets"]])
    }

    override func tearDown() async throws { await server.stop() }

    /// A simulator admin request; POST with a body unless told otherwise. Returns the answer's body.
    @discardableResult
    private func admin(_ path: String, _ body: [String: Any]? = nil, method: String = "POST") async throws -> Data {
        var r = URLRequest(url: URL(string: server.baseURL + path)!)
        r.httpMethod = method
        r.httpBody = try body.map { try JSONSerialization.data(withJSONObject: $0) }
        return try await URLSession.shared.data(for: r).0
    }

    private func get(_ client: TrackerHTTPClient) async throws -> HTTPResponseData {
        try await client.send(HTTPRequestSpec(method: "GET", url: server.baseURL + "/repos/acme/widgets/issues",
            headers: [("Authorization", "Bearer T")]))
    }

    func testRetriesA503HonouringRetryAfterThenSucceeds() async throws {
        try await admin("/_simulator/faults", ["path": "/issues", "status": 503, "count": 2, "headers": ["retry-after": "3"]])
        let sleeps = RecordedSleeps()
        let client = TrackerHTTPClient(secrets: ["T"], sleep: sleeps.sleep)
        let response = try await get(client)
        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(sleeps.waits.withLock { $0 }, [.seconds(3), .seconds(3)])
        XCTAssertEqual(client.requestCount, 3)
    }

    func testGivesUpWhenTheTrackerAsksForTooLongAWait() async throws {
        try await admin("/_simulator/faults", ["path": "/issues", "status": 429, "count": 1, "headers": ["retry-after": "3600"]])
        let client = TrackerHTTPClient(sleep: RecordedSleeps().sleep)
        do {
            _ = try await get(client)
            XCTFail("expected rateLimited")
        } catch let error as TrackerError {
            guard case .rateLimited(let message) = error else { return XCTFail("\(error)") }
            XCTAssertTrue(message.contains("retry after"), message)
        }
    }

    func testAPostWhoseConnectionDropsHasAnUnknownOutcomeAndIsNotRepeated() async throws {
        try await admin("/_simulator/faults", ["path": "^/repos/acme/widgets/issues$", "drop": true, "after": true, "count": 1])
        let client = TrackerHTTPClient(secrets: ["T"], sleep: RecordedSleeps().sleep)
        do {
            _ = try await client.send(HTTPRequestSpec(method: "POST", url: server.baseURL + "/repos/acme/widgets/issues",
                headers: [("Authorization", "Bearer T"), ("Content-Type", "application/json")], body: Array(#"{"title":"once"}"#.utf8)))
            XCTFail("expected outcomeUnknown")
        } catch {
            guard case .outcomeUnknown(let message) = error else { return XCTFail("\(error)") }
            XCTAssertFalse(message.contains("Bearer T"))
        }
        XCTAssertEqual(client.requestCount, 1, "a non-idempotent write is never sent twice")
    }

    func testAGetWhoseConnectionDropsIsRetried() async throws {
        try await admin("/_simulator/faults", ["path": "/issues", "drop": true, "count": 1])
        let client = TrackerHTTPClient(sleep: RecordedSleeps().sleep)
        let status = try await get(client).status
        XCTAssertEqual(status, 200)
        XCTAssertEqual(client.requestCount, 2)
    }

    func testSecretsAreRedactedFromErrors() async throws {
        let client = TrackerHTTPClient(secrets: ["supersecret-token-value"], policy: { var p = RetryPolicy(); p.maxAttempts = 1; return p }(),
            sleep: RecordedSleeps().sleep)
        XCTAssertEqual(client.redact("Authorization: Bearer supersecret-token-value failed"), "Authorization: Bearer [redacted] failed")
        do {
            _ = try await client.send(HTTPRequestSpec(method: "GET", url: "http://127.0.0.1:1/x?key=abc&token=supersecret-token-value"))
            XCTFail("port 1 must refuse")
        } catch {
            XCTAssertFalse(error.description.contains("supersecret-token-value"), error.description)
            XCTAssertFalse(error.description.contains("abc"), error.description)
        }
    }

    // The simulator counts the requests it is answering at once (`/_simulator/in-flight`): each test's latency only
    // keeps the requests in flight long enough to overlap, and no assertion reads a clock.

    func testTheConcurrencyBoundHolds() async throws {
        let most = try await mostAtOnce(4, concurrency: 2, latency: 200)
        XCTAssertEqual(most, 2, "two at a time, never more, and not one after another")
    }

    /// The bound is the client's, not the connection pool's: AsyncHTTPClient opens 8 connections to a host unless
    /// told otherwise, which held `--concurrency 12` to 8, and 12 requests to two rounds.
    func testTwelveRequestsUnderABoundOfTwelveGoInOneRound() async throws {
        let most = try await mostAtOnce(12, concurrency: 12, latency: 600)
        XCTAssertEqual(most, 12, "the connection pool held requests back")
    }

    /// A small sync's ten writes go in one round trip unless `--concurrency` says otherwise; at the default of
    /// eight before, they took two. More than the default still wait.
    func testTheDefaultBoundLetsTenGoAtOnceAndNoMore() async throws {
        XCTAssertEqual(TrackerHTTPClient.defaultConcurrency, 10)
        let most = try await mostAtOnce(14, concurrency: nil, latency: 600)
        XCTAssertEqual(most, 10)
    }

    /// The most requests the simulator answered at once while `count` listing reads went through one client bounded
    /// to `concurrency` (nil: the client's default), each answered after `latency` milliseconds.
    private func mostAtOnce(_ count: Int, concurrency: Int?, latency: Int) async throws -> Int {
        try await admin("/_simulator/faults", ["latency_ms": latency])
        try await admin("/_simulator/requests", method: "DELETE")
        let client = concurrency.map { TrackerHTTPClient(concurrency: $0) } ?? TrackerHTTPClient()
        let url = server.baseURL + "/repos/acme/widgets/issues"
        try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<count {
                group.addTask {
                    try await client.send(HTTPRequestSpec(method: "GET", url: url, headers: [("Authorization", "Bearer T")])).status
                }
            }
            for try await status in group { XCTAssertEqual(status, 200) }
        }
        let answer = try await admin("/_simulator/in-flight", method: "GET")
        let counts = try XCTUnwrap(JSONSerialization.jsonObject(with: answer) as? [String: Int])
        XCTAssertEqual(counts["now"], 0, "every request answered")
        return try XCTUnwrap(counts["most"])
    }
}
