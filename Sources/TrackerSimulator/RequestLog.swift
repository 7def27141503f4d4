import Foundation
import Synchronization

/// Every tracker (non-admin) request so far, for `GET /_simulator/requests`.
final class RequestLog: Sendable {
    struct Entry: Sendable {
        var method: String
        var path: String
        /// 0 when the connection was dropped without an answer.
        var status: Int
    }

    private let entries = Mutex<[Entry]>([])

    func append(_ entry: Entry) { entries.withLock { $0.append(entry) } }
    func clear() { entries.withLock { $0.removeAll() } }

    func json() -> [[String: Any]] {
        entries.withLock { list in list.map { ["method": $0.method, "path": $0.path, "status": $0.status] } }
    }
}
