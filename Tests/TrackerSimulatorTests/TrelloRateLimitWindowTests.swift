@testable import TrackerSimulator
import XCTest

/// The limits' arithmetic, at chosen instants.
final class TrelloRateLimitWindowTests: XCTestCase {
    private func refusal(_ limits: inout TrelloRateLimit, path: String = "/1/cards/x", at time: Int64) -> String? {
        if case .failure(let refusal) = limits.spend(key: "K", path: path, at: time) { return refusal.limit }
        return nil
    }

    func testTheTokenWindowSlides() {
        var limits = TrelloRateLimit()
        for index in 0..<100 { XCTAssertNil(refusal(&limits, at: Int64(index) * 50)) }
        XCTAssertEqual(refusal(&limits, at: 9_999), "API_TOKEN_LIMIT_EXCEEDED")
        XCTAssertNil(refusal(&limits, at: 10_000), "the first request has left the window")
        XCTAssertEqual(refusal(&limits, at: 10_001), "API_TOKEN_LIMIT_EXCEEDED", "and only that one")
        XCTAssertNil(refusal(&limits, at: 10_050))
        XCTAssertEqual(limits.refusals["API_TOKEN_LIMIT_EXCEEDED"], 2, "refusals do not count against the window but are counted")
    }

    func testMembersHaveTheirOwnSlowerLimit() {
        var limits = TrelloRateLimit()
        for index in 0..<100 { XCTAssertNil(refusal(&limits, path: "/1/members/me", at: Int64(index) * 200)) }
        XCTAssertEqual(refusal(&limits, path: "/1/members/me", at: 30_000), "MEMBER_LIMIT_EXCEEDED")
        XCTAssertNil(refusal(&limits, path: "/1/boards/x", at: 30_000), "other routes are not held back by it")
        XCTAssertNil(refusal(&limits, path: "/1/members/me", at: 900_001))
    }
}
