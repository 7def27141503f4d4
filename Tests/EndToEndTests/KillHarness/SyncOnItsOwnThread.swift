import Foundation

extension ScratchRepo {
    /// `sync(contentsOf:)` waited for on a thread of its own. The run talks to a simulator in this process, which
    /// serves it on the cooperative pool: the pool has a thread per core (two here), so two points waiting for their
    /// runs on pool threads would leave the simulators none to answer with.
    func syncOnItsOwnThread(_ args: [String], environment: [String: String]? = nil) async throws -> RunResult {
        let (root, environment) = (root, environment ?? self.environment)
        return try await withCheckedThrowingContinuation { continuation in
            Thread {
                continuation.resume(with: Result {
                    try runProcess(BuiltProducts.syncBinary, args, in: root, environment: environment)
                })
            }.start()
        }
    }
}
