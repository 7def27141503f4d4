import Foundation
import TrackerSimulator
import XCTest

/// ETag/304 and the primary rate limit.
final class GitHubLimitsTests: SimulatorTestCase {
    func testAMatchingETagGives304WithoutSpendingTheRateLimit() async throws {
        try await addIssues(2)
        let first = try await http.api("GET", "/repos/acme/widgets/issues")
        let etag = try XCTUnwrap(first.headers["etag"])
        XCTAssertTrue(etag.hasPrefix("W/\""), etag)
        let remaining = try XCTUnwrap(Int(first.headers["x-ratelimit-remaining"] ?? ""))

        let cached = try await http.api("GET", "/repos/acme/widgets/issues", headers: ["If-None-Match": etag])
        XCTAssertEqual(cached.status, 304)
        XCTAssertTrue(cached.body.isEmpty)
        XCTAssertEqual(cached.headers["etag"], etag)
        XCTAssertEqual(cached.headers["x-ratelimit-remaining"], String(remaining), "a 304 is free")

        try await http.admin("PATCH", "/_simulator/items/acme%2Fwidgets%231", ["title": "Changed elsewhere"])
        let changed = try await http.api("GET", "/repos/acme/widgets/issues", headers: ["If-None-Match": etag])
        XCTAssertEqual(changed.status, 200, "a change gives a new ETag")
        XCTAssertNotEqual(changed.headers["etag"], etag)
        XCTAssertEqual(changed.headers["x-ratelimit-remaining"], String(remaining - 1))
    }

    func testRateLimitHeadersCountEveryRequest() async throws {
        let first = try await http.api("GET", "/repos/acme/widgets/issues")
        let second = try await http.api("POST", "/repos/acme/widgets/issues", ["title": "x"])
        for answer in [first, second] {
            XCTAssertEqual(answer.headers["x-ratelimit-limit"], "5000")
            XCTAssertEqual(answer.headers["x-ratelimit-resource"], "core")
            let used = try XCTUnwrap(Int(answer.headers["x-ratelimit-used"] ?? ""))
            let remaining = try XCTUnwrap(Int(answer.headers["x-ratelimit-remaining"] ?? ""))
            XCTAssertEqual(used + remaining, 5000)
            let reset = try XCTUnwrap(Double(answer.headers["x-ratelimit-reset"] ?? ""))
            XCTAssertGreaterThan(reset, Date().timeIntervalSince1970)
        }
        XCTAssertEqual(Int(second.headers["x-ratelimit-remaining"]!)!, Int(first.headers["x-ratelimit-remaining"]!)! - 1)
    }

    func testAnExhaustedBudgetAnswers403UntilTheReset() async throws {
        try await http.admin("POST", "/_simulator/faults", ["ratelimit_remaining": 2])
        let statuses = [
            try await http.api("GET", "/repos/acme/widgets/issues").status,
            try await http.api("GET", "/repos/acme/widgets/issues").status,
        ]
        XCTAssertEqual(statuses, [200, 200])
        let limited = try await http.api("GET", "/repos/acme/widgets/issues")
        XCTAssertEqual(limited.status, 403)
        XCTAssertEqual(limited.headers["x-ratelimit-remaining"], "0")
        XCTAssertEqual(limited.headers["x-ratelimit-used"], "5000")
        XCTAssertTrue((limited.object["message"] as? String)?.hasPrefix("API rate limit exceeded") == true)
        XCTAssertNotNil(limited.object["documentation_url"] as? String)

        // A reset time in the past starts a new window, as on GitHub.
        try await http.admin("POST", "/_simulator/faults", ["ratelimit_remaining": 0, "ratelimit_reset_seconds": -1])
        let afterReset = try await http.api("GET", "/repos/acme/widgets/issues")
        XCTAssertEqual(afterReset.status, 200)
        XCTAssertEqual(afterReset.headers["x-ratelimit-remaining"], "4999")
    }
}
