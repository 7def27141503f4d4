import Synchronization

/// How many tracker requests are being answered now (latency included), and the most there were at once since the
/// request log was last cleared: what a client's concurrency bound looks like from the server, with no clock in it.
final class InFlightCount: Sendable {
    private struct State {
        var now = 0
        var most = 0
    }

    private let state = Mutex(State())

    func enter() {
        state.withLock { state in
            state.now += 1
            state.most = max(state.most, state.now)
        }
    }

    func leave() { state.withLock { $0.now -= 1 } }

    /// `now` and `most`.
    var counts: (now: Int, most: Int) { state.withLock { ($0.now, $0.most) } }

    /// Starts a new window: the most so far becomes the number in flight now.
    func restart() { state.withLock { $0.most = $0.now } }
}
