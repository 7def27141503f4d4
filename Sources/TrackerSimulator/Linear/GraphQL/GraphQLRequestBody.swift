import Foundation
import JSON

/// The JSON body of `POST /graphql`: `query`, `variables` (an object) and `operationName`.
struct GraphQLRequestBody: Sendable {
    var query: String
    var variables: [String: GraphQLValue]
    var operationName: String?

    struct Invalid: Error, Sendable {
        var message: String
    }

    init(_ body: Data) throws(Invalid) {
        guard let json = try? JSONValue(parsing: body) else { throw Invalid(message: "POST body is not valid JSON.") }
        guard json.object != nil else { throw Invalid(message: "POST body must be a JSON object.") }
        guard let query = json["query"]?.string, !query.isEmpty else {
            throw Invalid(message: "GraphQL operations must contain a non-empty `query` or a `persistedQuery` extension.")
        }
        self.query = query
        if let name = json["operationName"], !name.isNull {
            guard let text = name.string else { throw Invalid(message: "`operationName` in a POST body must be a string if provided.") }
            operationName = text
        }
        variables = [:]
        if let given = json["variables"], !given.isNull {
            guard let entries = given.object else { throw Invalid(message: "`variables` in a POST body should be an object if provided.") }
            for (name, value) in entries { variables[name] = Self.literal(value) }
        }
    }

    /// A JSON value in the form of a GraphQL literal, for coercion (numbers keep their text, so `1` stays an Int).
    static func literal(_ json: JSONValue) -> GraphQLValue {
        switch json {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .number(let number): return number.isInteger ? .int(number.text) : .float(number.text)
        case .string(let s): return .string(s)
        case .array(let items): return .list(items.map(literal))
        case .object(let members): return .object(members.map { ($0.key, literal($0.value)) })
        }
    }

    /// The name of the operation the body asks for, read without validating anything (for the request log).
    static func operationLabel(_ body: Data) -> String? {
        guard let request = try? GraphQLRequestBody(body), let document = try? GraphQLParser.parse(request.query) else { return nil }
        let operation = request.operationName.flatMap { name in document.operations.first { $0.name == name } }
            ?? (document.operations.count == 1 ? document.operations[0] : nil)
        guard let operation else { return nil }
        return operation.kind.rawValue + (operation.name.map { ":" + $0 } ?? "")
    }
}
