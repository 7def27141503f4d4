import Foundation
import Synchronization
import Trackers

/// Keeps requests inside Linear's budgets instead of running into them: after an answer that says a budget is
/// spent (no requests left, or less complexity left than a query costs), the next request waits for its reset.
final class LinearPacer: Sendable {
    private let reset = Mutex<Int64?>(nil)
    private let sleep: @Sendable (Duration) async throws -> Void
    private let now: @Sendable () -> Date
    /// A wait longer than this ends the run with `rateLimited` instead.
    let longestWait: Duration

    init(longestWait: Duration = .seconds(60), now: @escaping @Sendable () -> Date = { Date() },
         sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }) {
        self.longestWait = longestWait
        self.now = now
        self.sleep = sleep
    }

    /// Notes what an answer's headers say about the budgets.
    func note(_ response: HTTPResponseData) {
        let spent = LinearBudget(response).spentReset
        reset.withLock { $0 = spent }
    }

    /// Waits until a spent budget is refilled; throws when that is further away than `longestWait`.
    func waitForBudget() async throws(TrackerError) {
        guard let until = reset.withLock({ $0 }) else { return }
        let milliseconds = until - Int64(now().timeIntervalSince1970 * 1000)
        guard milliseconds > 0 else { return }
        let wait = Duration.milliseconds(milliseconds)
        guard wait <= longestWait else {
            let formatter = DateFormatter()
            formatter.dateFormat = "HH:mm"
            let at = formatter.string(from: Date(timeIntervalSince1970: Double(until) / 1000))
            throw .rateLimited("Linear's rate limit for this key is spent until \(at); run the sync again then")
        }
        do { try await sleep(wait) } catch { throw .unavailable("cancelled") }
        reset.withLock { if $0 == until { $0 = nil } }
    }
}
