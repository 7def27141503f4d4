/// Linear's error answers: `errors[]` entries with `extensions.type` (`authentication error`, `invalid input`,
/// `ratelimited`, `graphql error`, …), `code`, `userError`, `userPresentableMessage`, and the HTTP status each comes
/// with (401 for a rejected key, 400 for validation and rate limits, 200 beside `data` for field errors).
enum LinearErrors {
    static func argumentValidation(_ detail: String) -> GraphQLFieldError {
        GraphQLFieldError("Argument Validation Error", extensions: [
            ("type", "invalid input"), ("code", "INPUT_ERROR"), ("userError", .bool(true)), ("userPresentableMessage", .string(detail)),
        ])
    }

    static func invalidInput(_ detail: String, message: String) -> GraphQLFieldError {
        GraphQLFieldError(message, extensions: [
            ("type", "invalid input"), ("code", "INPUT_ERROR"), ("userError", .bool(true)), ("userPresentableMessage", .string(detail)),
        ])
    }

    static func entityNotFound(_ entity: String) -> GraphQLFieldError {
        invalidInput("Could not find referenced \(entity).", message: "Entity not found: \(entity)")
    }

    static let invalidCursor = argumentValidation("The cursor is not valid for this list.")

    static func unsupportedFilter(_ field: String) -> GraphQLFieldError {
        GraphQLFieldError("The simulator does not filter on \(field)", extensions: [("type", "graphql error"), ("code", "INTERNAL_SERVER_ERROR")])
    }

    /// A whole-request error answer: `{"errors": [...]}` with no `data`.
    static func request(status: Int, _ errors: [GraphQLError], headers: [(String, String)] = []) -> SimResponse {
        .json(status, bytes: GraphQLService.write(errors: errors, data: nil, withData: false), headers: headers)
    }

    static func authentication() -> SimResponse {
        request(status: 401, [GraphQLError(message: "Authentication required, not authenticated", extensions: [
            ("type", "authentication error"), ("code", "AUTHENTICATION_ERROR"), ("statusCode", .int(401)), ("userError", .bool(true)),
            ("userPresentableMessage", "You need to authenticate to access this operation."),
        ])])
    }

    static func rateLimited(headers: [(String, String)]) -> SimResponse {
        request(status: 400, [GraphQLError(message: "Rate limit exceeded", extensions: [
            ("type", "ratelimited"), ("code", "RATELIMITED"), ("statusCode", .int(429)), ("userError", .bool(true)),
            ("userPresentableMessage", "You have exceeded the rate limit. Please wait before making more requests."),
        ])], headers: headers)
    }

    static func tooComplex(_ complexity: Int, maximum: Int) -> SimResponse {
        request(status: 400, [GraphQLError(message: "Query too complex", extensions: [
            ("type", "invalid input"), ("code", "INPUT_ERROR"), ("userError", .bool(true)),
            ("userPresentableMessage", .string("The query's complexity (\(complexity)) is above the maximum of \(maximum): ask for fewer items per page or fewer nested fields.")),
        ])])
    }

    /// A request the GraphQL layer refused (syntax, validation, variables), with the code Linear's server gives.
    static func badRequest(_ errors: [GraphQLError], code: String) -> SimResponse {
        request(status: 400, errors.map { error in
            var tagged = error
            tagged.extensions = [("type", "graphql error"), ("code", .string(code)), ("userError", .bool(true))]
            return tagged
        })
    }

    /// An injected fault, in Linear's shape: 5xx as an internal error, 429 as a rate limit, others as invalid input.
    static func fault(status: Int, headers: [(String, String)], message: String? = nil) -> SimResponse {
        let (type, code): (String, String) = switch status {
        case 429: ("ratelimited", "RATELIMITED")
        case 401: ("authentication error", "AUTHENTICATION_ERROR")
        case 403: ("forbidden", "FORBIDDEN")
        case 500...: ("internal error", "INTERNAL_SERVER_ERROR")
        default: ("invalid input", "INPUT_ERROR")
        }
        let text = message ?? (status >= 500 ? "Internal server error" : HTTPStatusText.reason(status))
        return request(status: status, [GraphQLError(message: text, extensions: [
            ("type", .string(type)), ("code", .string(code)), ("statusCode", .int(status)),
        ])], headers: headers)
    }
}
