import Synchronization
import Trackers

/// A pacer clock whose waits move time forward at once, for pacing without sleeping.
final class VirtualClockForTrello: PacerClock {
    private let current = Mutex<Duration>(.zero)

    var now: Duration {
        get { current.withLock { $0 } }
        set { current.withLock { $0 = newValue } }
    }

    func sleep(until deadline: Duration) async throws {
        current.withLock { $0 = max($0, deadline) }
    }
}
