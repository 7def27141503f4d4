import Foundation

/// Passes each durable step to the environment's observer. In debug builds it also honours two test hooks, so
/// end-to-end tests can list and interrupt the steps of the real binary (release builds ignore both):
/// - `GIT_SYNC_WORK_ITEMS_TEST_RECORD_STEPS=<file>` appends each step's name to `<file>`, one a line, as it happens;
/// - `GIT_SYNC_WORK_ITEMS_TEST_STOP_AT=<step>` kills the process (SIGKILL, no cleanup) right after that step.
struct StepRecorder: Sendable {
    static let killVariable = "GIT_SYNC_WORK_ITEMS_TEST_STOP_AT"
    static let recordVariable = "GIT_SYNC_WORK_ITEMS_TEST_RECORD_STEPS"

    let observe: (@Sendable (SyncStep) throws(SyncFailure) -> Void)?
    let killAt: String?
    let recordTo: String?

    init(environment: SyncEnvironment) {
        observe = environment.observeStep
        #if DEBUG
            killAt = environment.variables[Self.killVariable]
            recordTo = environment.variables[Self.recordVariable]
        #else
            killAt = nil
            recordTo = nil
        #endif
    }

    static let none = StepRecorder(observe: nil, killAt: nil, recordTo: nil)

    private init(observe: (@Sendable (SyncStep) throws(SyncFailure) -> Void)?, killAt: String?, recordTo: String?) {
        self.observe = observe
        self.killAt = killAt
        self.recordTo = recordTo
    }

    func record(_ step: SyncStep) throws(SyncFailure) {
        #if DEBUG
            if let recordTo { Self.append(step.description, to: recordTo) }
            if let killAt, step.description == killAt { kill(getpid(), SIGKILL) }
        #endif
        try observe?(step)
    }

    #if DEBUG
        /// One `write` with `O_APPEND` per step, so the line is on disk before a kill that follows it.
        private static func append(_ name: String, to path: String) {
            let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT, 0o644)
            guard descriptor >= 0 else { return }
            defer { close(descriptor) }
            let line = Array((name + "\n").utf8)
            _ = line.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        }
    #endif
}
