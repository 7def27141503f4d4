import Synchronization

/// Retry waits recorded, not slept.
final class SleepLog: Sendable {
    private let waits = Mutex<[Duration]>([])

    var all: [Duration] { waits.withLock { $0 } }

    func record(_ wait: Duration) { waits.withLock { $0.append(wait) } }
}
