import Foundation
import Synchronization

/// Faults and latency set through `POST /_simulator/faults`, shared by every simulated tracker.
final class FaultInjector: Sendable {
    struct Fault: Sendable {
        enum Action: Sendable {
            /// `message` replaces the tracker's usual error text for the status.
            case answer(status: Int, headers: [(String, String)], message: String?)
            /// Close the connection without answering; with `afterEffect` the request is carried out first, so
            /// the client cannot tell whether it took effect.
            case drop(afterEffect: Bool)
        }

        /// A regular expression over the request's label (path and query; for GraphQL also the operation), checked
        /// when the fault is added.
        var pattern: String
        /// Only requests with this method (`PATCH`); nil: any.
        var method: String? = nil
        /// Only requests whose body (as UTF-8) this regular expression matches; nil: any.
        var bodyPattern: String? = nil
        var action: Action
        var remaining: Int
    }

    private struct State {
        var faults: [Fault] = []
        var latencyMs: Int
    }

    private let state: Mutex<State>
    private let initialLatencyMs: Int

    init(latencyMs: Int) {
        initialLatencyMs = latencyMs
        state = Mutex(State(latencyMs: latencyMs))
    }

    var latencyMs: Int { state.withLock { $0.latencyMs } }

    func setLatency(_ ms: Int) { state.withLock { $0.latencyMs = max(0, ms) } }

    func add(_ fault: Fault) { state.withLock { $0.faults.append(fault) } }

    /// Faults cleared and the latency back to the start value.
    func reset() {
        state.withLock {
            $0.faults.removeAll()
            $0.latencyMs = initialLatencyMs
        }
    }

    /// Faults cleared; the latency stays.
    func clearFaults() { state.withLock { $0.faults.removeAll() } }

    /// The first fault whose method, pattern and body pattern match the request, with one use consumed.
    func take(method: String, label: String, body: Data) -> Fault.Action? {
        state.withLock { state in
            guard let index = state.faults.firstIndex(where: { fault in
                (fault.method == nil || fault.method == method) && Self.matches(fault.pattern, label)
                    && (fault.bodyPattern.map { Self.matches($0, String(decoding: body, as: UTF8.self)) } ?? true)
            })
            else { return nil }
            let action = state.faults[index].action
            state.faults[index].remaining -= 1
            if state.faults[index].remaining <= 0 { state.faults.remove(at: index) }
            return action
        }
    }

    static func isValidPattern(_ pattern: String) -> Bool { (try? Regex(pattern)) != nil }

    private static func matches(_ pattern: String, _ text: String) -> Bool {
        guard let regex = try? Regex(pattern) else { return false }
        return (try? regex.firstMatch(in: text)) != nil
    }
}
