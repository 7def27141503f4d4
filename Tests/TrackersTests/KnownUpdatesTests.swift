import Synchronization
import Trackers
import XCTest

/// The held updated times are worked out only when a tracker asks, and once.
final class KnownUpdatesTests: XCTestCase {
    func testTheTimesAreMadeOnlyWhenAskedForAndOnce() {
        let made = Mutex(0)
        let known = KnownUpdates {
            made.withLock { $0 += 1 }
            return ["ENG-1": "2026-12-01T10:00:00.000Z"]
        }
        XCTAssertEqual(made.withLock { $0 }, 0, "nothing made before a tracker asks")
        XCTAssertEqual(known["ENG-1"], "2026-12-01T10:00:00.000Z")
        XCTAssertNil(known["ENG-2"])
        XCTAssertEqual(known.times.count, 1)
        XCTAssertEqual(made.withLock { $0 }, 1, "made once")
    }

    func testTwoAreEqualWhenTheyHoldTheSameTimes() {
        XCTAssertEqual(KnownUpdates(["A": "1"]), KnownUpdates { ["A": "1"] })
        XCTAssertNotEqual(KnownUpdates(["A": "1"]), KnownUpdates(["A": "2"]))
        XCTAssertNotEqual(KnownUpdates(), KnownUpdates(["A": "1"]))
    }

    /// The settled check and the full run build the times with this one rule: a key held twice with different times,
    /// or with none, is left out and read again; the same time twice stands.
    func testAKeyHeldWithTwoTimesOrNoneIsLeftOut() {
        let known = KnownUpdates.agreeing {
            [(key: "A", time: "1"), (key: "B", time: "1"), (key: "B", time: "2"), (key: "C", time: nil),
             (key: "D", time: "4"), (key: "D", time: "4")]
        }
        XCTAssertEqual(known.times, ["A": "1", "D": "4"])
    }
}
