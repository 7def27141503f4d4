import Foundation
import TrackerSimulator
import XCTest

/// `/_simulator/clock`: tests move the simulated time instead of sleeping, and everything timed follows it.
final class SimulatorClockTests: SimulatorTestCase {
    private func now() async throws -> Date {
        let answer = try await http.admin("GET", "/_simulator/clock")
        let text = try XCTUnwrap(answer.object["now"] as? String)
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return try XCTUnwrap(formatter.date(from: text), text)
    }

    func testAdvancingMovesNowAndTheNextUpdatedStamp() async throws {
        let before = try await now()
        let moved = try await http.admin("POST", "/_simulator/clock", ["advance_seconds": 3600])
        XCTAssertEqual(moved.status, 200)
        let after = try await now()
        XCTAssertGreaterThanOrEqual(after.timeIntervalSince(before), 3600)
        XCTAssertLessThan(after.timeIntervalSince(before), 3600 + 600, "moved by the hour, not more")
        let created = try await http.api("POST", "/repos/acme/widgets/issues", ["title": "Later"]).object
        let stamp = try XCTUnwrap(ISO8601DateFormatter().date(from: try XCTUnwrap(created["created_at"] as? String)))
        XCTAssertGreaterThanOrEqual(stamp.timeIntervalSince(before), 3599)
    }

    /// `1` is a number, `true` is not: on Linux `is Bool` holds for the NSNumbers 0 and 1, which refused a move of
    /// one second.
    func testOneSecondIsAMoveAndTrueIsNot() async throws {
        let before = try await now()
        let moved = try await http.admin("POST", "/_simulator/clock", ["advance_seconds": 1])
        XCTAssertEqual(moved.status, 200, "\(moved.object)")
        let after = try await now()
        XCTAssertGreaterThanOrEqual(after.timeIntervalSince(before), 1)
        XCTAssertLessThan(after.timeIntervalSince(before), 60)
        let refused = try await http.admin("POST", "/_simulator/clock", ["advance_seconds": true])
        XCTAssertEqual(refused.status, 400)
    }

    func testSettingNowInThePastNeverMakesUpdatedStampsGoBack() async throws {
        let first = try await http.api("POST", "/repos/acme/widgets/issues", ["title": "First"]).object
        let set = try await http.admin("POST", "/_simulator/clock", ["now": "2001-01-01T00:00:00Z"])
        XCTAssertEqual(set.status, 200)
        XCTAssertTrue((set.object["now"] as? String ?? "").hasPrefix("2001-01-01T00:00:0"), "\(set.object)")
        let second = try await http.api("POST", "/repos/acme/widgets/issues", ["title": "Second"]).object
        XCTAssertGreaterThan(try XCTUnwrap(second["updated_at"] as? String), try XCTUnwrap(first["updated_at"] as? String))
    }

    func testARateLimitWindowEndsWhenTheClockPassesItsReset() async throws {
        try await http.admin("POST", "/_simulator/faults", ["ratelimit_remaining": 0, "ratelimit_reset_seconds": 120])
        let limited = try await http.api("GET", "/user")
        XCTAssertEqual(limited.status, 403)
        try await http.admin("POST", "/_simulator/clock", ["advance_seconds": 121])
        let after = try await http.api("GET", "/user")
        XCTAssertEqual(after.status, 200, "a new window with a full budget")
    }

    func testABodyThatSaysNeitherIsRefused() async throws {
        let answer = try await http.admin("POST", "/_simulator/clock", ["advance": 5])
        XCTAssertEqual(answer.status, 400)
        let unparsable = try await http.admin("POST", "/_simulator/clock", ["now": "yesterday"])
        XCTAssertEqual(unparsable.status, 400)
    }

    func testAFaultCanCarryTheServersMessage() async throws {
        try await http.admin("POST", "/_simulator/faults", ["path": "^/user", "status": 502, "message": "Upstream \u{1B}[31mred"])
        let answer = try await http.api("GET", "/user")
        XCTAssertEqual(answer.status, 502)
        XCTAssertEqual(answer.object["message"] as? String, "Upstream \u{1B}[31mred")
    }
}
