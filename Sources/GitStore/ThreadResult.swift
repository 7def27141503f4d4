import Foundation
import Synchronization

/// A value worked out on a thread of its own, not on Swift's concurrency pool, whose threads (one per core) are all
/// busy while a sync starts: work handed to the pool then waits for one of them to come free, however early it was
/// started. `value` waits for the thread to finish.
public final class ThreadResult<Value: Sendable>: Sendable {
    private struct State {
        var value: Value?
        var waiting: CheckedContinuation<Value, Never>?
    }

    private let state = Mutex(State())

    private init() {}

    /// Starts `work` on a new thread.
    public static func start(_ work: @escaping @Sendable () -> Value) -> ThreadResult {
        let result = ThreadResult()
        Thread.detachNewThread { result.finish(work()) }
        return result
    }

    public var value: Value {
        get async {
            await withCheckedContinuation { continuation in
                let ready = state.withLock { state -> Value? in
                    if let value = state.value { return value }
                    state.waiting = continuation
                    return nil
                }
                if let ready { continuation.resume(returning: ready) }
            }
        }
    }

    private func finish(_ value: Value) {
        let waiting = state.withLock { state -> CheckedContinuation<Value, Never>? in
            state.value = value
            defer { state.waiting = nil }
            return state.waiting
        }
        waiting?.resume(returning: value)
    }
}
