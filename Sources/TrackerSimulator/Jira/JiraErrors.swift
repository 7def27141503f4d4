import Foundation
import JSON

/// A Jira error answer: an `ErrorCollection` (`{"errorMessages":[…],"errors":{field: message}}`) and its status.
struct JiraError: Error, Sendable {
    var status: Int
    var messages: [String] = []
    /// Field → message, in the order found.
    var fields: [(String, String)] = []

    init(status: Int = 400, messages: [String] = [], fields: [(String, String)] = []) {
        self.status = status
        self.messages = messages
        self.fields = fields
    }

    static func field(_ name: String, _ message: String) -> JiraError { JiraError(fields: [(name, message)]) }

    static func message(_ text: String, status: Int = 400) -> JiraError { JiraError(status: status, messages: [text]) }

    var response: SimResponse { SimResponse.json(status, bytes: body) }

    var body: [UInt8] {
        var json = JSONWriter()
        json.object { json in
            json.key("errorMessages")
            json.array { json in for message in messages { json.string(message) } }
            json.key("errors")
            json.object { json in
                for (name, message) in fields {
                    json.key(name)
                    json.string(message)
                }
            }
        }
        return json.bytes
    }
}

/// The answers Jira Cloud gives in the situations the simulator reproduces, worded as Jira words them.
enum JiraErrors {
    static let issueNotFound = JiraError.message("Issue does not exist or you do not have permission to see it.", status: 404)

    static let invalidPayload = JiraError.message("Invalid request payload. Refer to the REST API documentation and try again.")

    static let searchRemoved = JiraError.message(
        "The requested API has been removed. Please migrate to the /rest/api/3/search/jql API. A full migration "
            + "guideline is available at https://developer.atlassian.com/changelog/#CHANGE-2046", status: 410)

    static let unboundedQuery = JiraError.message(
        "Unbounded JQL queries are not allowed here. Please add a search restriction to your query.")

    static let rateLimited = JiraError.message("Rate limit exceeded.", status: 429)

    static func projectNotFound(_ idOrKey: String) -> JiraError {
        .message("No project could be found with key '\(idOrKey)'.", status: 404)
    }

    static func propertyNotFound(_ key: String) -> JiraError {
        .message("The property with key '\(key)' does not exist.", status: 404)
    }

    /// A request to a path Jira does not serve.
    static func noSuchResource(_ path: String) -> JiraError { .message("null for uri: \(path)", status: 404) }

    static func methodNotAllowed() -> SimResponse { SimResponse(status: 405, headers: [("allow", "GET, POST, PUT, DELETE")]) }

    /// What Jira Cloud answers to a wrong API token or none: plain text, not an ErrorCollection, and an OAuth
    /// challenge (a Basic challenge would also make Linux URLSession wait for credentials instead of answering).
    static func unauthorized() -> SimResponse {
        SimResponse(
            status: 401,
            headers: [("content-type", "text/plain;charset=UTF-8"),
                      ("www-authenticate", "OAuth realm=\"https%3A%2F%2Fsimulator.atlassian.net\""),
                      ("x-seraph-loginreason", "AUTHENTICATED_FAILED")],
            body: Data("Client must be authenticated to access this resource.".utf8))
    }

    /// An injected fault in Jira's error shape, with whatever headers the fault asked for.
    static func fault(status: Int, headers: [(String, String)], message: String? = nil) -> SimResponse {
        let standard = switch status {
        case 429: "Rate limit exceeded."
        case 500: "Internal server error."
        case 502: "Bad gateway."
        case 503: "Service unavailable. Please try again later."
        case 504: "Gateway timeout."
        default: HTTPStatusText.reason(status)
        }
        var response = JiraError.message(message ?? standard, status: status).response
        response.headers += headers
        return response
    }
}

enum HTTPStatusText {
    static func reason(_ status: Int) -> String {
        switch status {
        case 400: "Bad request."
        case 401: "Unauthorized."
        case 403: "Forbidden."
        case 404: "Not found."
        case 409: "Conflict."
        case 413: "Request entity too large."
        default: "HTTP \(status)."
        }
    }
}
