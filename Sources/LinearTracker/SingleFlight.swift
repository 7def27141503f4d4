import Synchronization

/// Runs an async load once for everyone who asks at the same time, and remembers its result; a failed load is
/// forgotten, so the next caller tries again.
final class SingleFlight<Value: Sendable>: Sendable {
    private let task = Mutex<Task<Value, any Error>?>(nil)

    func value(_ load: @escaping @Sendable () async throws -> Value) async throws -> Value {
        let running = task.withLock { current -> Task<Value, any Error> in
            if let current { return current }
            let started = Task { try await load() }
            current = started
            return started
        }
        do {
            return try await running.value
        } catch {
            task.withLock { if $0 == running { $0 = nil } }
            throw error
        }
    }

    /// Forgets the result, so the next caller loads again (labels created meanwhile, say).
    func reset() { task.withLock { $0 = nil } }
}
