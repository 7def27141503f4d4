import Foundation

/// How a token is presented: a personal API key (`lin_api_…`) is the whole `Authorization` value; an OAuth access
/// token (`lin_oauth_…`, or a value written as `Bearer …`) goes as `Bearer <token>`. Linear refuses either the
/// other way round.
struct LinearCredential: Sendable {
    let token: String
    let isOAuth: Bool

    init(_ configured: String) {
        let trimmed = configured.trimmingCharacters(in: .whitespaces)
        if trimmed.lowercased().hasPrefix("bearer ") {
            token = String(trimmed.dropFirst(7)).trimmingCharacters(in: .whitespaces)
            isOAuth = true
        } else {
            token = trimmed
            isOAuth = trimmed.hasPrefix("lin_oauth_")
        }
    }

    var authorization: String { isOAuth ? "Bearer " + token : token }

    /// For messages: which kind of credential was refused, never its value.
    var kind: String { isOAuth ? "OAuth token" : "API key" }
}
