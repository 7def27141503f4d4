/// What a request meets instead of its ordinary answer: an error status, or a connection closed without an answer,
/// before the request took effect or after.
enum InjectedFault: Sendable, Equatable, CustomStringConvertible {
    case answer(status: Int, headers: [String: String])
    case drop(afterEffect: Bool)

    /// The fault in the admin API's shape (`POST /_simulator/faults`), less the request it takes.
    var simulatorSpec: [String: Any] {
        switch self {
        case .answer(let status, let headers): return ["status": status, "headers": headers]
        case .drop(let afterEffect): return ["drop": true, "after": afterEffect]
        }
    }

    /// The status the simulator logs for a request that met this fault (0: no answer).
    var loggedStatus: Int {
        switch self {
        case .answer(let status, _): return status
        case .drop: return 0
        }
    }

    var description: String {
        switch self {
        case .answer(let status, _): return "\(status)"
        case .drop(let afterEffect): return afterEffect ? "drop after the effect" : "drop before the effect"
        }
    }
}
