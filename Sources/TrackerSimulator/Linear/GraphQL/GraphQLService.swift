import JSON

/// One GraphQL request from body to answer: parse, validate, choose the operation, coerce variables, execute.
/// Request errors (syntax, validation, variables) answer 400 without `data`; field errors answer 200 beside it.
struct GraphQLService {
    let schema: GraphQLSchema

    struct Prepared {
        var document: GraphQLDocument
        var operation: GraphQLOperation
        var variables: [String: GraphQLInput]
    }

    struct Answer {
        var status: Int
        var body: [UInt8]
    }

    /// Parses, validates and binds variables; request errors come back as the answer to send.
    func prepare(_ body: GraphQLRequestBody) -> Result<Prepared, RequestFailure> {
        let document: GraphQLDocument
        do { document = try GraphQLParser.parse(body.query) } catch {
            return .failure(RequestFailure(errors: [GraphQLError(message: error.message, locations: [error.location])],
                                           code: "GRAPHQL_PARSE_FAILED"))
        }
        let problems = GraphQLValidator.validate(document, against: schema)
        if !problems.isEmpty { return .failure(RequestFailure(errors: problems, code: "GRAPHQL_VALIDATION_FAILED")) }
        let operation: GraphQLOperation
        if let name = body.operationName {
            guard let named = document.operations.first(where: { $0.name == name }) else {
                return .failure(RequestFailure(errors: [GraphQLError(message: "Unknown operation named \"\(name)\".")], code: "OPERATION_RESOLUTION_FAILURE"))
            }
            operation = named
        } else {
            guard document.operations.count == 1 else {
                return .failure(RequestFailure(errors: [GraphQLError(message: "Must provide operation name if query contains multiple operations.")],
                                               code: "OPERATION_RESOLUTION_FAILURE"))
            }
            operation = document.operations[0]
        }
        switch variables(of: operation, given: body.variables) {
        case .success(let values): return .success(Prepared(document: document, operation: operation, variables: values))
        case .failure(let error): return .failure(RequestFailure(errors: [error], code: "BAD_USER_INPUT"))
        }
    }

    struct RequestFailure: Error {
        var errors: [GraphQLError]
        var code: String
    }

    private func variables(of operation: GraphQLOperation, given: [String: GraphQLValue]) -> Result<[String: GraphQLInput], GraphQLError> {
        let coercion = GraphQLCoercion(schema: schema, variables: nil)
        var values: [String: GraphQLInput] = [:]
        for definition in operation.variables {
            guard let value = given[definition.name] else {
                if let fallback = definition.defaultValue {
                    values[definition.name] = try? coercion.coerce(fallback, to: definition.type)
                } else if definition.type.isNonNull {
                    return .failure(GraphQLError(message: "Variable \"$\(definition.name)\" of required type \"\(definition.type)\" was not provided.",
                                                 locations: [definition.location]))
                }
                continue
            }
            if value == .null, definition.type.isNonNull {
                return .failure(GraphQLError(message: "Variable \"$\(definition.name)\" of non-null type \"\(definition.type)\" must not be null.",
                                             locations: [definition.location]))
            }
            do { values[definition.name] = try coercion.coerce(value, to: definition.type, fromJSON: true) } catch {
                let at = error.path.isEmpty ? "" : " at \"\(([definition.name] + error.path).joined(separator: "."))\""
                return .failure(GraphQLError(message: "Variable \"$\(definition.name)\" got invalid value \(value.printed)\(at); \(error.message)",
                                             locations: [definition.location]))
            }
        }
        return .success(values)
    }

    /// Runs the prepared operation against `root` and writes the answer.
    func execute(_ prepared: Prepared, root: any GraphQLObjectValue) -> Answer {
        var executor = GraphQLExecutor(schema: schema, document: prepared.document, variables: prepared.variables)
        let data = executor.execute(prepared.operation, root: root)
        return Answer(status: 200, body: Self.write(errors: executor.errors, data: data ?? .null, withData: true))
    }

    /// `{"errors": […], "data": …}`; `withData` false leaves `data` out (request errors).
    static func write(errors: [GraphQLError], data: GraphQLOutput?, withData: Bool) -> [UInt8] {
        var json = JSONWriter()
        json.object { json in
            if !errors.isEmpty {
                json.key("errors")
                json.array { json in for error in errors { write(error, to: &json) } }
            }
            if withData {
                json.key("data")
                (data ?? .null).write(to: &json)
            }
        }
        return json.bytes
    }

    static func write(_ error: GraphQLError, to json: inout JSONWriter) {
        json.object { json in
            json.key("message")
            json.string(error.message)
            if !error.locations.isEmpty {
                json.key("locations")
                json.array { json in
                    for location in error.locations {
                        json.object { json in
                            json.key("line"); json.int(location.line)
                            json.key("column"); json.int(location.column)
                        }
                    }
                }
            }
            if let path = error.path {
                json.key("path")
                json.array { json in
                    for element in path {
                        switch element {
                        case .key(let key): json.string(key)
                        case .index(let index): json.int(index)
                        }
                    }
                }
            }
            if !error.extensions.isEmpty {
                json.key("extensions")
                json.object { json in
                    for (name, value) in error.extensions {
                        json.key(name)
                        switch value {
                        case .string(let text): json.string(text)
                        case .bool(let flag): json.bool(flag)
                        case .int(let number): json.int(number)
                        }
                    }
                }
            }
        }
    }
}
