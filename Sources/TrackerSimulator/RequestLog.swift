import Foundation
import Synchronization

/// Every tracker (non-admin) request so far, for `GET /_simulator/requests`. Bodies are kept only while
/// recording is on (`--record-bodies`, or `{"record_bodies": true}` to `/_simulator/setup`), so long benchmark runs
/// keep just method, path and status.
final class RequestLog: Sendable {
    struct Entry: Sendable {
        var method: String
        var path: String
        /// 0 when the connection was dropped without an answer.
        var status: Int
        var requestBody: Data? = nil
        var responseBody: Data? = nil
    }

    private struct State {
        var entries: [Entry] = []
        var recordsBodies: Bool
    }

    private let state: Mutex<State>

    init(recordBodies: Bool = false) {
        state = Mutex(State(recordsBodies: recordBodies))
    }

    var recordsBodies: Bool { state.withLock { $0.recordsBodies } }

    func setRecordsBodies(_ on: Bool) { state.withLock { $0.recordsBodies = on } }

    /// Adds the entry; its bodies are dropped unless recording is on.
    func append(_ entry: Entry) {
        state.withLock { state in
            var entry = entry
            if !state.recordsBodies {
                entry.requestBody = nil
                entry.responseBody = nil
            }
            state.entries.append(entry)
        }
    }

    func clear() { state.withLock { $0.entries.removeAll() } }

    /// `{method, path, status}` per request; with `bodies`, also `request_body` and `response_body` as parsed JSON
    /// (null when empty or not JSON): the exchange format of shared/tools/check-openapi-exchange.py.
    func json(bodies: Bool = false) -> [[String: Any]] {
        state.withLock { state in
            state.entries.map { entry in
                var object: [String: Any] = ["method": entry.method, "path": entry.path, "status": entry.status]
                if bodies {
                    object["request_body"] = Self.parsed(entry.requestBody)
                    object["response_body"] = Self.parsed(entry.responseBody)
                }
                return object
            }
        }
    }

    private static func parsed(_ data: Data?) -> Any {
        guard let data, !data.isEmpty, let value = try? JSONSerialization.jsonObject(with: data, options: .fragmentsAllowed) else {
            return NSNull()
        }
        return value
    }
}
