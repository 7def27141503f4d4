import Synchronization

/// Spaces requests so that a run stays under a tracker's published rate limits instead of running into them:
/// a token bucket per rule (kept as the generic cell rate algorithm's "theoretical arrival time"), shared by every
/// request the client sends, reads and concurrent writes alike. A request reserves the earliest instant every rule
/// that counts it allows, then waits for it; reservations are made in the order requests ask, so concurrent writers
/// are served first come, first served. When the tracker answers "too many" anyway (another process on the same
/// token), `hold(for:)` stops everyone for the wait it asked for.
public final class RequestPacer: Sendable {
    private struct State {
        /// Per rule: the instant its bucket is empty again if nothing else is sent (GCRA's TAT).
        var theoreticalArrival: [Duration]
        var heldUntil: Duration = .zero
    }

    public let rules: [PacingRule]
    private let clock: any PacerClock
    private let state: Mutex<State>

    public init(rules: [PacingRule], clock: any PacerClock = ContinuousPacerClock()) {
        self.rules = rules
        self.clock = clock
        let start = clock.now
        state = Mutex(State(theoreticalArrival: rules.map { _ in start }))
    }

    /// Waits until `spec` may be sent. Throws only when the task is cancelled while waiting.
    public func waitForTurn(_ spec: HTTPRequestSpec) async throws {
        let slot = reserve(spec, at: clock.now)
        if slot > clock.now { try await clock.sleep(until: slot) }
    }

    /// Books the earliest instant at or after `now` at which `spec` may go, and spends it from every rule that counts
    /// the request.
    func reserve(_ spec: HTTPRequestSpec, at now: Duration) -> Duration {
        state.withLock { state in
            let counting = rules.indices.filter { rules[$0].counts(spec) }
            var slot = max(now, state.heldUntil)
            for index in counting {
                let rule = rules[index]
                let tolerance = rule.spacing * (rule.burst - 1)
                slot = max(slot, state.theoreticalArrival[index] - tolerance)
            }
            for index in counting {
                state.theoreticalArrival[index] = max(state.theoreticalArrival[index], slot) + rules[index].spacing
            }
            return slot
        }
    }

    /// Nothing is sent for `wait` from now: the tracker said the budget is spent.
    public func hold(for wait: Duration) {
        let until = clock.now + wait
        state.withLock { $0.heldUntil = max($0.heldUntil, until) }
    }
}
