import Foundation

/// Passes each durable step to the environment's observer. In debug builds it also honours
/// `GIT_SYNC_WORK_ITEMS_TEST_STOP_AT=<step>`: the process kills itself (SIGKILL, no cleanup) right after that step, so
/// end-to-end tests can kill the real binary at an exact point. Release builds ignore the variable.
struct StepRecorder: Sendable {
    static let killVariable = "GIT_SYNC_WORK_ITEMS_TEST_STOP_AT"

    let observe: (@Sendable (SyncStep) throws(SyncFailure) -> Void)?
    let killAt: String?

    init(environment: SyncEnvironment) {
        observe = environment.observeStep
        #if DEBUG
            killAt = environment.variables[Self.killVariable]
        #else
            killAt = nil
        #endif
    }

    static let none = StepRecorder(observe: nil, killAt: nil)

    private init(observe: (@Sendable (SyncStep) throws(SyncFailure) -> Void)?, killAt: String?) {
        self.observe = observe
        self.killAt = killAt
    }

    func record(_ step: SyncStep) throws(SyncFailure) {
        #if DEBUG
            if let killAt, step.description == killAt { kill(getpid(), SIGKILL) }
        #endif
        try observe?(step)
    }
}
