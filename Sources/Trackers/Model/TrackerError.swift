/// Failures a tracker reports; each has a stable reason code, decides one exit code and carries a one-line message
/// without secrets.
public enum TrackerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// 401/403 on authentication: the token is missing, wrong or lacks a scope. Exit 74.
    case unauthorized(String)
    /// Configuration the tracker needs is missing or wrong (repo, site, project). Exit 74.
    case configuration(String)
    /// The item does not exist (404), or is not visible with these credentials. Needs the user (exit 4).
    case notFound(String)
    /// The tracker refused the input (400/422); `String` says what it said, without secrets. Needs the user (exit 4).
    case rejected(String)
    /// Rate limited beyond what waiting within the run allowed. Safe to retry later. Exit 70.
    case rateLimited(String)
    /// Network failure, timeout or 5xx on a request that had no effect or was idempotent. Safe to retry. Exit 70.
    case unavailable(String)
    /// A write whose outcome is unknown (connection lost after sending). Exit 71.
    case outcomeUnknown(String)
    /// The workflow cannot reach the wanted state (Jira transitions), or a value cannot be carried
    /// (`transition-unavailable`, `assignee-unknown`, `description-too-long`): a stable reason code. Needs the user
    /// (exit 4).
    case unsupported(code: String, message: String)

    public var description: String {
        switch self {
        case .unauthorized(let m), .configuration(let m), .notFound(let m), .rejected(let m), .rateLimited(let m),
            .unavailable(let m), .outcomeUnknown(let m):
            return m
        case .unsupported(_, let m): return m
        }
    }

    /// The stable, greppable code `--porcelain` and `--json` show for an item that failed this way.
    public var reasonCode: String {
        switch self {
        case .unauthorized: return "unauthorized"
        case .configuration: return "configuration"
        case .notFound: return "remote-missing"
        case .rejected: return "rejected"
        case .rateLimited: return "rate-limited"
        case .unavailable: return "unavailable"
        case .outcomeUnknown: return "outcome-unknown"
        case .unsupported(let code, _): return code
        }
    }

    /// Whether running again later may succeed without anyone changing anything (exit 70).
    public var isSafeToRetry: Bool {
        switch self {
        case .rateLimited, .unavailable: return true
        default: return false
        }
    }
}
