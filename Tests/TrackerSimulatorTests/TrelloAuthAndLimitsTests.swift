import Foundation
@testable import TrackerSimulator
import XCTest

final class TrelloAuthAndLimitsTests: TrelloTestCase {
    func testTheOAuthHeaderOrKeyAndTokenParametersAuthenticate() async throws {
        let me = try await trello("GET", "/members/me").object["username"] as? String
        XCTAssertEqual(me, "simuser")
        let query = try await http.api("GET", "/1/members/me?key=\(key)&token=\(token)", authorization: .some(nil))
        XCTAssertEqual(query.status, 200, query.text)
    }

    func testAWrongKeyOrTokenGetsTrellosPlainTextRefusal() async throws {
        let badKey = try await http.api("GET", "/1/members/me", authorization: .some("OAuth oauth_consumer_key=\"nope\", oauth_token=\"\(token)\""))
        XCTAssertEqual(badKey.status, 401)
        XCTAssertEqual(badKey.text, "invalid key")
        let badToken = try await http.api("GET", "/1/members/me", authorization: .some("OAuth oauth_consumer_key=\"\(key)\", oauth_token=\"nope\""))
        XCTAssertEqual(badToken.status, 401)
        XCTAssertEqual(badToken.text, "invalid token")
        let none = try await http.api("GET", "/1/members/me", authorization: .some(nil))
        XCTAssertEqual(none.status, 401)
    }

    func testTheTokenLimitIsAHundredInTenSecondsWithTrellosBody() async throws {
        var last: HTTPAnswer?
        for _ in 0..<100 {
            last = try await trello("GET", "/boards/EngBoard?fields=name")
            XCTAssertEqual(last?.status, 200)
        }
        XCTAssertEqual(last?.headers["x-rate-limit-api-token-remaining"], "0")
        XCTAssertEqual(last?.headers["x-rate-limit-api-token-max"], "100")
        XCTAssertEqual(last?.headers["x-rate-limit-api-key-remaining"], "200")
        let refused = try await trello("GET", "/boards/EngBoard?fields=name")
        XCTAssertEqual(refused.status, 429)
        XCTAssertEqual(refused.object["error"] as? String, "API_TOKEN_LIMIT_EXCEEDED")
        XCTAssertEqual(refused.object["message"] as? String, "Rate limit exceeded")
        XCTAssertNil(refused.headers["retry-after"], "Trello says nothing about when to come back")
    }

    func testABudgetSetThroughTheAdminAPIRunsOut() async throws {
        try await http.admin("POST", "/_simulator/faults", ["ratelimit_remaining": 2, "ratelimit_reset_seconds": 30])
        for _ in 0..<2 {
            let allowed = try await trello("GET", "/members/me")
            XCTAssertEqual(allowed.status, 200)
        }
        let refused = try await trello("GET", "/members/me")
        XCTAssertEqual(refused.status, 429)
        XCTAssertEqual(refused.object["error"] as? String, "API_TOKEN_LIMIT_EXCEEDED")
    }

    func testInjectedFaultsAnswerInTrellosShapes() async throws {
        try await http.admin("POST", "/_simulator/faults", ["path": "/members/me", "status": 429, "count": 1])
        try await http.admin("POST", "/_simulator/faults", ["path": "/members/me", "status": 503, "count": 1])
        let limited = try await trello("GET", "/members/me")
        XCTAssertEqual(limited.status, 429)
        XCTAssertEqual(limited.object["error"] as? String, "API_TOKEN_LIMIT_EXCEEDED")
        let unavailable = try await trello("GET", "/members/me")
        XCTAssertEqual(unavailable.status, 503)
        try await expect(200, "GET", "/members/me")
    }
}
