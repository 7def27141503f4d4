/// The time a `RequestPacer` reads and waits on: instants are durations since an origin the clock chooses, so tests
/// can hand in a clock whose waits move time forward at once instead of sleeping.
public protocol PacerClock: Sendable {
    var now: Duration { get }
    /// Returns at `deadline` (or at once when it has passed); throws when the task is cancelled.
    func sleep(until deadline: Duration) async throws
}

/// The monotonic clock of the process, for real runs.
public struct ContinuousPacerClock: PacerClock {
    private let origin = ContinuousClock.now

    public init() {}

    public var now: Duration { ContinuousClock.now - origin }

    public func sleep(until deadline: Duration) async throws {
        try await Task.sleep(until: origin + deadline, clock: .continuous)
    }
}
