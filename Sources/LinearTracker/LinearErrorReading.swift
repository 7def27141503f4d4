import Foundation
import JSON
import Trackers

/// Linear's `errors[]` (in a 200 beside `data`, or in a 400/401 without it) read into one `TrackerError` with one
/// clear line: the kind comes from `extensions.code`, else `extensions.type`, else the HTTP status.
enum LinearErrorReading {
    struct Entry: Sendable {
        var message: String
        var userMessage: String?
        var type: String?
        var code: String?

        var text: String {
            guard let userMessage, !userMessage.isEmpty, userMessage != message else { return message }
            return "\(message) (\(userMessage))"
        }

        var isRateLimit: Bool { code == "RATELIMITED" || type == "ratelimited" || type == "usage limit exceeded" }
        var isAuthentication: Bool { code == "AUTHENTICATION_ERROR" || type == "authentication error" }
        var isForbidden: Bool { code == "FORBIDDEN" || type == "forbidden" || type == "feature not accessible" }
        var isValidation: Bool { (code ?? "").hasPrefix("GRAPHQL_") || code == "BAD_USER_INPUT" || code == "BAD_REQUEST" }
        var isInvalidInput: Bool { code == "INPUT_ERROR" || type == "invalid input" || type == "user error" }
        var isNotFound: Bool { message.hasPrefix("Entity not found") }
    }

    static func entries(_ body: JSONValue?) -> [Entry] {
        (body?["errors"]?.array ?? []).map { error in
            let extensions = error["extensions"]
            return Entry(message: oneLine(error["message"]?.string ?? "unknown error"),
                         userMessage: extensions?["userPresentableMessage"]?.string.map(oneLine),
                         type: extensions?["type"]?.string, code: extensions?["code"]?.string)
        }
    }

    /// The error for a failed request: `what` names the operation for the message.
    static func error(status: Int, entries: [Entry], what: String, credential: LinearCredential, redact: (String) -> String) -> TrackerError {
        let said = redact(entries.isEmpty ? "HTTP \(status)" : entries.map(\.text).joined(separator: "; "))
        if status == 401 || entries.contains(where: \.isAuthentication) {
            return .unauthorized("Linear rejected the \(credential.kind) (\(said)): check ACCELERATOR_LINEAR_TOKEN or LINEAR_API_KEY; a personal API key is sent as it is, an OAuth token as Bearer")
        }
        if status == 403 || entries.contains(where: \.isForbidden) {
            return .unauthorized("Linear refused \(what) for this \(credential.kind): \(said)")
        }
        if status == 429 || entries.contains(where: \.isRateLimit) {
            return .rateLimited("Linear rate limit reached on \(what) (\(said)); run the sync again later")
        }
        if entries.contains(where: \.isValidation) {
            return .rejected("Linear did not accept the \(what) query (\(said)): this version of git-sync-work-items needs updating")
        }
        if let notFound = entries.first(where: \.isNotFound) {
            return .notFound("Linear: \(what): \(redact(notFound.text))")
        }
        if entries.contains(where: \.isInvalidInput) || (400..<500).contains(status) {
            return .rejected("Linear refused \(what): \(said)")
        }
        return .unavailable("Linear answered \(what) with \(status == 200 ? "an error" : "HTTP \(status)"): \(said)")
    }

    /// Remote text for a one-line message: line breaks and control characters become spaces.
    static func oneLine(_ text: String) -> String {
        String(text.unicodeScalars.map { $0.properties.generalCategory == .control || $0 == "\u{2028}" || $0 == "\u{2029}" ? " " : Character($0) })
            .trimmingCharacters(in: .whitespaces)
    }
}
