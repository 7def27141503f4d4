import Foundation
import SyncEngine
import Synchronization

/// The "stop after step k" hook: records every durable step a run reports and, when told to, ends the run right
/// after the k-th one, or after the first step of a given name (like a kill: no further write happens).
final class StepStopper: Sendable {
    static let exitCode: Int32 = 137
    private let stopAt: Int?
    private let stopAfterName: String?
    private let seen = Mutex<[SyncStep]>([])

    init(stopAt: Int? = nil, stopAfter name: String? = nil) {
        self.stopAt = stopAt
        stopAfterName = name
    }

    var steps: [SyncStep] { seen.withLock { $0 } }

    var observe: @Sendable (SyncStep) throws(SyncFailure) -> Void {
        { [self] step throws(SyncFailure) in
            let count = seen.withLock { steps in
                steps.append(step)
                return steps.count
            }
            if count == stopAt || step.description == stopAfterName {
                throw SyncFailure(exitCode: Self.exitCode, message: "stopped after step \(count) (\(step))")
            }
        }
    }
}
