import Synchronization

/// Counts the items of a read as its pages arrive, from any task, and reports the running total (progress on a
/// terminal during a long first pull).
public final class ReadProgress: Sendable {
    private let total = Mutex(0)
    private let report: @Sendable (Int) -> Void

    public init(_ report: @escaping @Sendable (Int) -> Void) { self.report = report }

    public func add(_ count: Int) {
        let now = total.withLock { total in
            total += count
            return total
        }
        report(now)
    }
}
