import Synchronization
import Trackers

/// A pacer clock whose waits move time forward at once and are recorded, so pacing is tested exactly and instantly.
final class VirtualPacerClock: PacerClock {
    private let state = Mutex<(now: Duration, waits: [Duration])>((.zero, []))

    var now: Duration { state.withLock { $0.now } }

    /// The deadlines slept until, in the order they were asked for.
    var waits: [Duration] { state.withLock { $0.waits } }

    func sleep(until deadline: Duration) async throws {
        try Task.checkCancellation()
        state.withLock { state in
            state.waits.append(deadline)
            state.now = max(state.now, deadline)
        }
    }

    func advance(by duration: Duration) { state.withLock { $0.now += duration } }
}
