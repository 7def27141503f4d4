import Foundation
import XCTest
@testable import SyncEngine

final class ProgressMeterTests: XCTestCase {
    private let start = Date(timeIntervalSince1970: 1_000)
    private func at(_ seconds: TimeInterval) -> Date { start.addingTimeInterval(seconds) }

    func testNothingIsShownForAShortRun() {
        var meter = ProgressMeter(start: start)
        XCTAssertNil(meter.line(for: .reading(items: 100), at: at(0.5)))
        XCTAssertNil(meter.line(for: .read(items: 100), at: at(0.9)))
    }

    func testReadingShowsTheCountAndTheRate() {
        var meter = ProgressMeter(start: start)
        XCTAssertEqual(meter.line(for: .reading(items: 3_000), at: at(2)), "reading: 3,000 items (1500/s)")
        XCTAssertNil(meter.line(for: .reading(items: 3_100), at: at(2.05)), "at most ten lines a second")
        XCTAssertEqual(meter.line(for: .read(items: 3_150), at: at(2.06)), "read 3,150 items", "the end of a phase always shows")
    }

    func testApplyingShowsTheRateAndTheTimeLeft() {
        var meter = ProgressMeter(start: start)
        XCTAssertEqual(meter.line(for: .executing(total: 1_000), at: at(10)), "applying 0/1,000")
        XCTAssertEqual(meter.line(for: .executed(250, 1_000), at: at(20)), "applying 250/1,000 (25/s), 30 s left")
        XCTAssertEqual(meter.line(for: .executed(251, 1_000), at: at(3_010)), "applying 251/1,000 (0.1/s), 2 h 29 min left")
        XCTAssertEqual(meter.line(for: .executed(1_000, 1_000), at: at(3_010.01)), "applying 1,000/1,000 (0.3/s)")
    }

    func testDurationsAndCounts() {
        XCTAssertEqual(ProgressMeter.duration(0.2), "1 s")
        XCTAssertEqual(ProgressMeter.duration(200), "3 min 20 s")
        XCTAssertEqual(ProgressMeter.duration(7_500), "2 h 5 min")
        XCTAssertEqual(ProgressMeter.count(7), "7")
        XCTAssertEqual(ProgressMeter.count(1_234_567), "1,234,567")
    }
}
