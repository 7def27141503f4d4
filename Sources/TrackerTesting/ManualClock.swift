import Foundation
import Synchronization

/// A clock that moves only when told to: the fake tracker's updated times and the engine's `now` read the same one,
/// so tests never sleep to make time pass.
public final class ManualClock: Sendable {
    private let current: Mutex<Date>

    /// Starts at `start` (default: the current second, so times look like today's to anything that also reads
    /// the real clock).
    public init(start: Date = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))) {
        current = Mutex(start)
    }

    public func now() -> Date { current.withLock { $0 } }

    /// Moves the clock on and returns the new time.
    @discardableResult
    public func advance(by seconds: TimeInterval = 1) -> Date {
        current.withLock { date in
            date = date.addingTimeInterval(seconds)
            return date
        }
    }
}
