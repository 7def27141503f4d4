import Synchronization

/// The workflow state type of every issue read this run, by key.
final class LinearStateTypes: Sendable {
    private let types = Mutex<[String: String]>([:])

    func note(_ type: String, for key: String) { types.withLock { $0[key] = type } }
    func type(of key: String) -> String? { types.withLock { $0[key] } }
}
