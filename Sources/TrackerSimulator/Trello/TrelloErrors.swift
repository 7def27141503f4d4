import Foundation

/// Trello's error answers: mostly plain text (`invalid id`, `invalid value for desc`, `invalid token`), JSON for
/// the rate limits.
enum TrelloErrors {
    static func text(_ status: Int, _ message: String, headers: [(String, String)] = []) -> SimResponse {
        SimResponse(status: status, headers: [("content-type", "text/plain; charset=utf-8")] + headers, body: Data(message.utf8))
    }

    static let notFound = TrelloFailure(response: text(404, "The requested resource was not found."))
    static let invalidID = TrelloFailure(response: text(400, "invalid id"))
    static let badJSON = TrelloFailure(response: text(400, "Invalid JSON body"))
    static let noRoute = TrelloFailure(response: text(404, "Cannot find route"))
    static let unauthorizedToken = text(401, "invalid token")
    static let unauthorizedKey = text(401, "invalid key")
    static let noPermission = TrelloFailure(response: text(401, "unauthorized permission requested"))

    static func invalidValue(_ field: String) -> TrelloFailure { TrelloFailure(response: text(400, "invalid value for \(field)")) }

    static func rejected(_ message: String) -> TrelloFailure { TrelloFailure(response: text(400, message)) }

    static func rateLimited(_ limit: String) -> SimResponse {
        .json(429, ["error": limit, "message": "Rate limit exceeded"])
    }

    /// An injected fault: a 429 in Trello's JSON (its `message` replaced when the fault names one), anything else
    /// as Trello's plain text.
    static func fault(status: Int, headers: [(String, String)], message: String? = nil) -> SimResponse {
        if status == 429 {
            var response = SimResponse.json(429, ["error": "API_TOKEN_LIMIT_EXCEEDED", "message": message ?? "Rate limit exceeded"])
            response.headers += headers
            return response
        }
        let standard = switch status {
        case 400: "invalid request"
        case 401: "invalid token"
        case 404: "The requested resource was not found."
        case 500: "An unexpected error occurred"
        case 502, 503, 504: "Service Unavailable"
        default: "error \(status)"
        }
        return text(status, message ?? standard, headers: headers)
    }
}
