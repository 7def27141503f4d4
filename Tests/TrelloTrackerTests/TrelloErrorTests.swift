import Foundation
@testable import Trackers
import WorkItems
import XCTest
@testable import TrelloTracker

final class TrelloErrorTests: TrelloClientTestCase {
    private func readError(_ tracker: TrelloTracker, since: Date? = nil) async -> TrackerError? {
        do {
            _ = try await read(tracker, since: since)
            return nil
        } catch let error as TrackerError {
            return error
        } catch {
            XCTFail("\(error)")
            return nil
        }
    }

    func testAWrongTokenIsUnauthorizedWithTheTokenNowhere() async throws {
        let wrong = "wrong-token-1234567890"
        let refusal = await readError(try tracker(token: wrong))
        let error = try XCTUnwrap(refusal)
        guard case .unauthorized(let message) = error else { return XCTFail("\(error)") }
        XCTAssertTrue(message.contains("ACCELERATOR_TRELLO_TOKEN"), message)
        for form in [wrong, key, "oauth_token"] { XCTAssertFalse(message.contains(form), message) }
    }

    func testAWrongKeyNamesTheKeySettingNotTheKey() async throws {
        let wrong = "ffffffffffffffffffffffffffffffff"
        let refusal = await readError(try tracker(key: wrong))
        let error = try XCTUnwrap(refusal)
        guard case .unauthorized(let message) = error else { return XCTFail("\(error)") }
        XCTAssertTrue(message.contains("trello.key"), message)
        XCTAssertFalse(message.contains(wrong), message)
    }

    func testAMissingBoardIsAConfigurationError() async throws {
        try await assertAMissingBoardIsAConfigurationError(since: nil)
    }

    /// An incremental read asks for the board and its activity at once; the board's answer is the one reported.
    func testAMissingBoardIsAConfigurationErrorInAnIncrementalReadToo() async throws {
        try await assertAMissingBoardIsAConfigurationError(since: Date())
    }

    private func assertAMissingBoardIsAConfigurationError(since: Date?) async throws {
        let refusal = await readError(try tracker(["trello.board_id": "NoBoard1"]), since: since)
        let error = try XCTUnwrap(refusal)
        guard case .configuration(let message) = error else { return XCTFail("\(error)") }
        XCTAssertTrue(message.contains("trello.board_id"), message)
    }

    func testTrellosRateLimitAnswerIsWaitedOut() async throws {
        try await addCard(["title": "A"])
        try await fault(["path": "/actions", "status": 429, "count": 2])
        let result = try await read(try tracker(), since: Date(), tracked: [])
        XCTAssertEqual(result.items.count, 0)
        XCTAssertEqual(result.requestCount, 4, "the board, two refusals, then the answer")
        XCTAssertEqual(retryWaits.all.count, 2)
        let log = try await requests()
        XCTAssertEqual(log.filter { $0.contains("/actions") }.count, 3)
    }

    func testA429BodyIsReadForWhichLimitItWas() {
        let token = HTTPResponseData(status: 429, headers: [], body: Array(#"{"error":"API_TOKEN_LIMIT_EXCEEDED","message":"Rate limit exceeded"}"#.utf8))
        let key = HTTPResponseData(status: 429, headers: [], body: Array(#"{"error":"API_KEY_LIMIT_EXCEEDED","message":"Rate limit exceeded"}"#.utf8))
        XCTAssertEqual(TrelloResponses.classify(token), RetryVerdict(wait: nil, mayHaveTakenEffect: false))
        XCTAssertEqual(TrelloResponses.classify(key), RetryVerdict(wait: nil, mayHaveTakenEffect: false))
        XCTAssertEqual(TrelloResponses.limitName(key.body), "API_KEY_LIMIT_EXCEEDED")
        XCTAssertNil(TrelloResponses.classify(HTTPResponseData(status: 400, headers: [], body: Array("invalid id".utf8))))
        XCTAssertEqual(TrelloResponses.errorText(Array("invalid value for desc\n\u{1B}[31m".utf8)), "invalid value for desc  [31m",
                       "remote text comes as one line without control characters")
    }

    func testTheClientPacesUnderTrellosLimitsInEveryWindow() {
        let clock = VirtualClockForTrello()
        let pacer = TrelloAPI.pacer(clock: clock)
        let spec = HTTPRequestSpec(method: "PUT", url: "https://api.trello.com/1/cards/x")
        var slots: [Duration] = []
        for _ in 0..<600 {
            let slot = pacer.reserve(spec, at: clock.now)
            slots.append(slot)
            clock.now = max(clock.now, slot)
        }
        var busiest = 0, start = 0
        for end in slots.indices {
            while slots[end] - slots[start] >= .seconds(10) { start += 1 }
            busiest = max(busiest, end - start + 1)
        }
        XCTAssertLessThanOrEqual(busiest, 100, "Trello's token limit: 100 in any 10 seconds")
        let seconds = Double((slots[599] - slots[0]).components.seconds) + Double((slots[599] - slots[0]).components.attoseconds) / 1e18
        XCTAssertGreaterThanOrEqual(599 / seconds, 8.5, "at least 85% of the limit")
        XCTAssertEqual(slots[12], slots[0], "a sync of ten changes goes out unpaced: its thirteen requests at once")
        XCTAssertGreaterThan(slots[13], slots[0])
    }
}
