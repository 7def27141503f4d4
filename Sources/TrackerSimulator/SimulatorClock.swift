import Foundation

/// The simulator's "now": the real clock moved by a shift that tests set through `POST /_simulator/clock`, so a test
/// lets time pass (a rate-limit window, a `since` boundary, "an hour later") without sleeping. Every simulated time
/// (updated stamps, rate-limit resets, JQL's relative dates) reads it; it is part of the state file, so a restarted
/// simulator keeps its time.
struct SimulatorClock: Codable, Sendable, Equatable {
    /// Milliseconds added to the real clock; negative moves "now" into the past.
    private(set) var shiftMilliseconds: Int64 = 0

    var nowMilliseconds: Int64 { Self.realMilliseconds() + shiftMilliseconds }

    /// Whole seconds (rounded down), for trackers that keep second precision.
    var nowSeconds: Int {
        let milliseconds = nowMilliseconds
        return Int(milliseconds >= 0 ? milliseconds / 1000 : (milliseconds - 999) / 1000)
    }

    var now: Date { Date(timeIntervalSince1970: TimeInterval(nowMilliseconds) / 1000) }

    mutating func apply(_ move: ClockMove) {
        switch move {
        case .advance(let seconds):
            shiftMilliseconds += Int64((seconds * 1000).rounded())
        case .set(let date):
            shiftMilliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded()) - Self.realMilliseconds()
        }
    }

    private static func realMilliseconds() -> Int64 { Int64((Date().timeIntervalSince1970 * 1000).rounded(.down)) }
}

/// A change of the simulated clock: `{"advance_seconds": N}` or `{"now": "2026-11-25T10:00:00Z"}`. Moving it back
/// is allowed; a tracker's updated stamps still never go back (each change is later than the one before).
enum ClockMove: Sendable, Equatable {
    case advance(seconds: Double)
    case set(Date)
}
