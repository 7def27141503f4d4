import Foundation
import TrackerSimulator
import XCTest

/// Authentication as Linear does it, its rate-limit headers and `RATELIMITED` answer, and faults aimed at one
/// GraphQL operation.
final class LinearAuthAndLimitsTests: LinearTestCase {
    func testAnAPIKeyGoesBareAndNeverAsABearerToken() async throws {
        let bare = try await graphql("{ viewer { id } }")
        XCTAssertEqual(bare.status, 200)
        for wrong in ["Bearer \(token)", "not-the-key", ""] {
            let answer = try await graphql("{ viewer { id } }", authorization: wrong)
            XCTAssertEqual(answer.status, 401, wrong)
            XCTAssertEqual(messages(answer), ["Authentication required, not authenticated"], wrong)
            XCTAssertEqual(extensions(answer)["type"] as? String, "authentication error")
            XCTAssertEqual(extensions(answer)["code"] as? String, "AUTHENTICATION_ERROR")
        }
    }

    func testEveryAnswerCarriesLinearsRateLimitHeaders() async throws {
        let answer = try await graphql("{ viewer { id } }")
        XCTAssertEqual(answer.headers["x-ratelimit-requests-limit"], "5000")
        let remaining = try XCTUnwrap(answer.headers["x-ratelimit-requests-remaining"].flatMap(Int.init))
        XCTAssertLessThan(remaining, 5000)
        let reset = try XCTUnwrap(answer.headers["x-ratelimit-requests-reset"].flatMap(Int64.init))
        XCTAssertGreaterThan(reset, Int64(Date().timeIntervalSince1970 * 1000) - 60_000, "epoch milliseconds")
        XCTAssertEqual(answer.headers["x-ratelimit-complexity-limit"], "3000000")
        XCTAssertNotNil(answer.headers["x-ratelimit-complexity-remaining"].flatMap(Int.init))
    }

    func testASpentBudgetIsRatelimitedUntilItsReset() async throws {
        try await http.admin("POST", "/_simulator/faults", ["ratelimit_remaining": 1, "ratelimit_reset_seconds": 1])
        let allowed = try await graphql("{ viewer { id } }")
        XCTAssertEqual(allowed.status, 200)
        XCTAssertEqual(allowed.headers["x-ratelimit-requests-remaining"], "0")
        let refused = try await graphql("{ viewer { id } }")
        XCTAssertEqual(refused.status, 400)
        XCTAssertEqual(messages(refused), ["Rate limit exceeded"])
        XCTAssertEqual(extensions(refused)["code"] as? String, "RATELIMITED")
        XCTAssertEqual(extensions(refused)["type"] as? String, "ratelimited")
        let reset = try XCTUnwrap(refused.headers["x-ratelimit-requests-reset"].flatMap(Int64.init))
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        XCTAssertTrue((now...(now + 1_100)).contains(reset), "the reset is the end of the 1 s window: \(reset - now) ms away")
        let stillRefused = try await graphql("{ viewer { id } }")
        XCTAssertEqual(stillRefused.headers["x-ratelimit-requests-reset"], refused.headers["x-ratelimit-requests-reset"], "the window does not move")
        try await http.admin("POST", "/_simulator/clock", ["advance_seconds": 2])
        let lifted = try await graphql("{ viewer { id } }")
        XCTAssertEqual(lifted.status, 200)
    }

    func testFaultsCanAimAtOneOperationAndTheLogNamesOperations() async throws {
        try await http.admin("POST", "/_simulator/faults", ["path": "#mutation:IssueCreate$", "status": 503])
        let read = try await graphql("query Viewer { viewer { id } }")
        XCTAssertEqual(read.status, 200, "the fault waits for its operation")
        let team = try await teamID()
        let write = try await graphql("mutation IssueCreate($input: IssueCreateInput!) { issueCreate(input: $input) { success } }",
                                      ["input": ["teamId": team, "title": "Faulted"]])
        XCTAssertEqual(write.status, 503)
        XCTAssertEqual(extensions(write)["type"] as? String, "internal error")
        let log = try await http.requestLog().map { "\($0.method) \($0.path) \($0.status)" }
        XCTAssertEqual(log, ["POST /graphql#query:Viewer 200", "POST /graphql#query 200", "POST /graphql#mutation:IssueCreate 503"])
    }

    func testA429FaultIsLinearsRatelimitedShapeWithItsHeaders() async throws {
        try await http.admin("POST", "/_simulator/faults", ["path": "/graphql", "status": 429, "headers": ["retry-after": "1"]])
        let answer = try await graphql("{ viewer { id } }")
        XCTAssertEqual(answer.status, 429)
        XCTAssertEqual(answer.headers["retry-after"], "1")
        XCTAssertEqual(extensions(answer)["code"] as? String, "RATELIMITED")
    }

    func testOnlyJSONPostsToGraphQLAreServed() async throws {
        let get = try await http.api("GET", "/graphql?query=%7Bviewer%7Bid%7D%7D", authorization: .some(token))
        XCTAssertEqual(get.status, 405)
        let elsewhere = try await http.api("POST", "/api/issues", ["query": "{ viewer { id } }"], authorization: .some(token))
        XCTAssertEqual(elsewhere.status, 404)
        let text = try await http.send("POST", "/graphql", body: Data("{ viewer { id } }".utf8), authorization: token,
                                       headers: ["Content-Type": "text/plain"])
        XCTAssertEqual(text.status, 415)
        let notJSON = try await http.send("POST", "/graphql", body: Data("{ viewer".utf8), authorization: token, headers: [:])
        XCTAssertEqual(notJSON.status, 400)
    }
}

/// An OAuth access token (`lin_oauth_…`) must come as `Bearer`.
final class LinearOAuthTests: LinearTestCase {
    private let oauth = "lin_oauth_0123456789abcdef"

    override var options: SimulatorOptions { SimulatorOptions(kind: .linear, token: oauth) }

    func testAnOAuthTokenNeedsBearer() async throws {
        let bearer = try await graphql("{ viewer { id } }", authorization: "Bearer \(oauth)")
        XCTAssertEqual(bearer.status, 200)
        let bare = try await graphql("{ viewer { id } }", authorization: oauth)
        XCTAssertEqual(bare.status, 401)
    }
}
