import Foundation
import XCTest
@testable import TrackerSimulator

/// The simulators' timestamps, checked against Foundation's ISO 8601 formatter as the oracle.
final class WireTimestampTests: XCTestCase {
    func testUTCTimestampsMatchFoundationsAcrossCenturiesLeapDaysAndBefore1970() {
        let oracle = ISO8601DateFormatter()
        oracle.formatOptions = [.withInternetDateTime]
        oracle.timeZone = TimeZone(identifier: "UTC")
        var generator = SystemRandomNumberGenerator()
        let instants: [Int64] = [0, -1, 951_782_400_000, 4_107_542_399_999, -2_208_988_800_001, 1_764_000_000_123]
            + (0..<500).map { _ in Int64.random(in: -5_000_000_000_000...10_000_000_000_000, using: &generator) }
        for milliseconds in instants {
            let seconds = (milliseconds - ((milliseconds % 1000) + 1000) % 1000) / 1000
            let fraction = String(String(1000 + (milliseconds - seconds * 1000)).dropFirst())
            let expected = oracle.string(from: Date(timeIntervalSince1970: Double(seconds)))
                .replacingOccurrences(of: "Z", with: "." + fraction + "Z")
            XCTAssertEqual(WireTimestamp.format(milliseconds, suffix: "Z"), expected, "at \(milliseconds) ms")
        }
    }

    func testAnOffsetShowsLocalTimeAndItsSign() {
        XCTAssertEqual(WireTimestamp.format(0, offsetSeconds: 3600, suffix: WireTimestamp.numericOffset(3600)),
                       "1970-01-01T01:00:00.000+0100")
        XCTAssertEqual(WireTimestamp.format(0, offsetSeconds: -34_200, suffix: WireTimestamp.numericOffset(-34_200)),
                       "1969-12-31T14:30:00.000-0930")
    }
}
