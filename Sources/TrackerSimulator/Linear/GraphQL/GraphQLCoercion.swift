/// Turns written values (literals, and variables' JSON in literal form) into `GraphQLInput` of a declared input
/// type, failing with graphql-js's wording for the first thing that does not fit.
struct GraphQLCoercion {
    struct Failure: Error, Sendable {
        var message: String
        /// Input object fields and list indexes down to the value that failed (`filter.team.key`).
        var path: [String]
    }

    let schema: GraphQLSchema
    /// Coerced variable values; nil while validating, when a `$variable` stands for "whatever it will be".
    var variables: [String: GraphQLInput]?

    /// `fromJSON`: the value came from a request's `variables` (enums arrive as strings).
    func coerce(_ value: GraphQLValue, to type: GraphQLTypeReference, fromJSON: Bool = false) throws(Failure) -> GraphQLInput {
        if case .variable(let name) = value {
            guard let variables else { return .null }
            let bound = variables[name] ?? .null
            if bound.isNull, type.isNonNull {
                throw Failure(message: "Expected value of type \"\(type)\", found null.", path: [])
            }
            return bound
        }
        switch type {
        case .nonNull(let inner):
            if value == .null { throw Failure(message: "Expected value of type \"\(type)\", found null.", path: []) }
            return try coerce(value, to: inner, fromJSON: fromJSON)
        case .list(let inner):
            if value == .null { return .null }
            if case .list(let items) = value {
                var out: [GraphQLInput] = []
                for (index, item) in items.enumerated() {
                    do { out.append(try coerce(item, to: inner, fromJSON: fromJSON)) } catch {
                        throw Failure(message: error.message, path: ["\(index)"] + error.path)
                    }
                }
                return .list(out)
            }
            return .list([try coerce(value, to: inner, fromJSON: fromJSON)])
        case .named(let name):
            if value == .null { return .null }
            guard let named = schema[name] else { throw Failure(message: "Unknown type \"\(name)\".", path: []) }
            switch named {
            case .inputObject(let input): return try object(value, input, fromJSON: fromJSON)
            case .enumeration(let enumeration): return try enumValue(value, enumeration, fromJSON: fromJSON)
            case .scalar(let scalar): return try self.scalar(value, scalar)
            default: throw Failure(message: "Type \"\(name)\" is not an input type.", path: [])
            }
        }
    }

    private func object(_ value: GraphQLValue, _ type: GraphQLInputObjectType, fromJSON: Bool) throws(Failure) -> GraphQLInput {
        guard case .object(let members) = value else {
            throw Failure(message: "Expected value of type \"\(type.name)\", found \(value.printed).", path: [])
        }
        var out: [String: GraphQLInput] = [:]
        for member in members {
            guard let field = type.field(member.name) else {
                throw Failure(message: "Field \"\(member.name)\" is not defined by type \"\(type.name)\".", path: [])
            }
            // A variable left unset inside an object leaves the field out, as if it were not written.
            if case .variable(let name) = member.value, let variables, variables[name] == nil { continue }
            do { out[member.name] = try coerce(member.value, to: field.type, fromJSON: fromJSON) } catch {
                throw Failure(message: error.message, path: [member.name] + error.path)
            }
        }
        for field in type.fields where out[field.name] == nil {
            if let defaultValue = field.defaultValue {
                out[field.name] = try coerce(defaultValue, to: field.type)
            } else if field.type.isNonNull {
                throw Failure(message: "Field \"\(type.name).\(field.name)\" of required type \"\(field.type)\" was not provided.", path: [])
            }
        }
        return .object(out)
    }

    private func enumValue(_ value: GraphQLValue, _ type: GraphQLEnumType, fromJSON: Bool) throws(Failure) -> GraphQLInput {
        switch value {
        case .enumValue(let name) where !fromJSON, .string(let name) where fromJSON:
            guard type.values.contains(name) else {
                throw Failure(message: "Value \"\(name)\" does not exist in \"\(type.name)\" enum.", path: [])
            }
            return .enumValue(name)
        default:
            throw Failure(message: "Enum \"\(type.name)\" cannot represent non-enum value: \(value.printed).", path: [])
        }
    }

    private func scalar(_ value: GraphQLValue, _ name: String) throws(Failure) -> GraphQLInput {
        switch (name, value) {
        case ("Int", .int(let text)):
            guard let number = Int32(text) else {
                throw Failure(message: "Int cannot represent non 32-bit signed integer value: \(text)", path: [])
            }
            return .int(Int(number))
        case ("Int", _):
            throw Failure(message: "Int cannot represent non-integer value: \(value.printed)", path: [])
        case ("Float", .int(let text)), ("Float", .float(let text)):
            return .float(Double(text) ?? 0)
        case ("Float", _):
            throw Failure(message: "Float cannot represent non numeric value: \(value.printed)", path: [])
        case ("Boolean", .bool(let b)):
            return .bool(b)
        case ("Boolean", _):
            throw Failure(message: "Boolean cannot represent a non boolean value: \(value.printed)", path: [])
        case ("ID", .string(let text)), ("ID", .int(let text)):
            return .string(text)
        case ("ID", _):
            throw Failure(message: "ID cannot represent a non-string and non-integer value: \(value.printed)", path: [])
        case ("JSON", _), ("JSONObject", _):
            return Self.untyped(value)
        case (_, .string(let text)):
            // String and the string-shaped custom scalars (DateTime, DateTimeOrDuration, TimelessDate, UUID).
            return .string(text)
        default:
            throw Failure(message: "\(name) cannot represent a non string value: \(value.printed)", path: [])
        }
    }

    /// A JSON scalar's value as it was written.
    static func untyped(_ value: GraphQLValue) -> GraphQLInput {
        switch value {
        case .variable, .null: return .null
        case .int(let text): return Int(text).map(GraphQLInput.int) ?? .float(Double(text) ?? 0)
        case .float(let text): return .float(Double(text) ?? 0)
        case .string(let text), .enumValue(let text): return .string(text)
        case .bool(let b): return .bool(b)
        case .list(let items): return .list(items.map(untyped))
        case .object(let members): return .object(Dictionary(members.map { ($0.name, untyped($0.value)) }, uniquingKeysWith: { _, last in last }))
        }
    }
}
