/// Executes a validated operation (specification section 6): collects fields through fragments and
/// `@skip`/`@include`, coerces arguments, asks resolvers, and completes every value against its declared type, so a
/// `null` in a non-null position becomes an error that nulls the nearest nullable parent, as a real server does.
struct GraphQLExecutor {
    let schema: GraphQLSchema
    let document: GraphQLDocument
    let variables: [String: GraphQLInput]
    private(set) var errors: [GraphQLError] = []

    init(schema: GraphQLSchema, document: GraphQLDocument, variables: [String: GraphQLInput]) {
        self.schema = schema
        self.document = document
        self.variables = variables
    }

    /// The `data` of the answer; nil when a non-null root field failed.
    mutating func execute(_ operation: GraphQLOperation, root: any GraphQLObjectValue) -> GraphQLOutput? {
        selectionSet(operation.selections, on: root, path: [])
    }

    // MARK: Field collection

    private struct CollectedField {
        var responseKey: String
        var fields: [GraphQLField]
    }

    private func collect(_ selections: [GraphQLSelection], typeName: String, into collected: inout [CollectedField],
                         visited: inout Set<String>) {
        for selection in selections {
            switch selection {
            case .field(let field):
                guard included(field.directives) else { continue }
                if let index = collected.firstIndex(where: { $0.responseKey == field.responseKey }) {
                    collected[index].fields.append(field)
                } else {
                    collected.append(CollectedField(responseKey: field.responseKey, fields: [field]))
                }
            case .fragmentSpread(let name, let directives, _):
                guard included(directives), visited.insert(name).inserted, let fragment = document.fragment(named: name),
                      schema.isPossible(typeName, for: fragment.typeCondition) else { continue }
                collect(fragment.selections, typeName: typeName, into: &collected, visited: &visited)
            case .inlineFragment(let condition, let directives, let inner, _):
                guard included(directives), condition.map({ schema.isPossible(typeName, for: $0) }) ?? true else { continue }
                collect(inner, typeName: typeName, into: &collected, visited: &visited)
            }
        }
    }

    private func included(_ directives: [GraphQLDirective]) -> Bool {
        for directive in directives {
            let condition = directive.arguments.first { $0.name == "if" }.flatMap { argument -> Bool? in
                switch argument.value {
                case .bool(let b): return b
                case .variable(let name): return variables[name]?.bool
                default: return nil
                }
            } ?? false
            if directive.name == "skip" && condition { return false }
            if directive.name == "include" && !condition { return false }
        }
        return true
    }

    // MARK: Execution

    private mutating func selectionSet(_ selections: [GraphQLSelection], on object: any GraphQLObjectValue,
                                       path: [GraphQLError.PathElement]) -> GraphQLOutput? {
        var collected: [CollectedField] = []
        var visited = Set<String>()
        let typeName = object.graphQLTypeName
        collect(selections, typeName: typeName, into: &collected, visited: &visited)
        var members: [(key: String, value: GraphQLOutput)] = []
        for entry in collected {
            let field = entry.fields[0]
            let fieldPath = path + [.key(entry.responseKey)]
            if field.name == "__typename" {
                members.append((entry.responseKey, .string(typeName)))
                continue
            }
            guard let definition = schema.field(field.name, on: typeName) else {
                error("Cannot query field \"\(field.name)\" on type \"\(typeName)\".", field, fieldPath)
                return nil
            }
            let value = resolve(entry.fields, definition: definition, on: object, typeName: typeName, path: fieldPath)
            guard let value else {
                if definition.type.isNonNull { return nil }
                members.append((entry.responseKey, .null))
                continue
            }
            members.append((entry.responseKey, value))
        }
        return .object(members)
    }

    private mutating func resolve(_ fields: [GraphQLField], definition: GraphQLFieldDefinition, on object: any GraphQLObjectValue,
                                  typeName: String, path: [GraphQLError.PathElement]) -> GraphQLOutput? {
        let field = fields[0]
        let arguments: GraphQLArguments
        do { arguments = try coerceArguments(field.arguments, definitions: definition.arguments) } catch {
            self.error(error.message, field, path, extensions: [("type", "invalid input"), ("code", "INPUT_ERROR")])
            return nil
        }
        let result: GraphQLResult
        do { result = try object.resolve(field.name, arguments) } catch {
            self.error(error.message, field, path, extensions: error.extensions)
            return nil
        }
        return complete(result, type: definition.type, fields: fields, path: path, owner: "\(typeName).\(field.name)")
    }

    private func coerceArguments(_ written: [GraphQLArgument], definitions: [GraphQLInputValueDefinition]) throws(GraphQLCoercion.Failure) -> GraphQLArguments {
        let coercion = GraphQLCoercion(schema: schema, variables: variables)
        var values: [String: GraphQLInput] = [:]
        for definition in definitions {
            if let argument = written.first(where: { $0.name == definition.name }) {
                if case .variable(let name) = argument.value, variables[name] == nil {
                    if let fallback = definition.defaultValue { values[definition.name] = try coercion.coerce(fallback, to: definition.type) }
                    continue
                }
                values[definition.name] = try coercion.coerce(argument.value, to: definition.type)
            } else if let fallback = definition.defaultValue {
                values[definition.name] = try coercion.coerce(fallback, to: definition.type)
            }
        }
        return GraphQLArguments(values: values)
    }

    /// The value completed to `type`; nil when it failed and the failure must null the parent.
    private mutating func complete(_ result: GraphQLResult, type: GraphQLTypeReference, fields: [GraphQLField],
                                   path: [GraphQLError.PathElement], owner: String) -> GraphQLOutput? {
        if case .nonNull(let inner) = type {
            if case .null = result {
                error("Cannot return null for non-nullable field \(owner).", fields[0], path)
                return nil
            }
            return complete(result, type: inner, fields: fields, path: path, owner: owner)
        }
        if case .null = result { return .null }
        switch type {
        case .list(let inner):
            guard case .list(let items) = result else {
                error("Expected Iterable, but did not find one for field \"\(owner)\".", fields[0], path)
                return nil
            }
            var out: [GraphQLOutput] = []
            for (index, item) in items.enumerated() {
                guard let completed = complete(item, type: inner, fields: fields, path: path + [.index(index)], owner: owner) else {
                    if inner.isNonNull { return nil }
                    out.append(.null)
                    continue
                }
                out.append(completed)
            }
            return .list(out)
        case .named(let name):
            return completeNamed(result, name: name, fields: fields, path: path, owner: owner)
        case .nonNull:
            return nil
        }
    }

    private mutating func completeNamed(_ result: GraphQLResult, name: String, fields: [GraphQLField],
                                        path: [GraphQLError.PathElement], owner: String) -> GraphQLOutput? {
        guard let type = schema[name] else { return nil }
        switch (type, result) {
        case (.scalar("Int"), .int(let i)): return .int(i)
        case (.scalar("Float"), .float(let f)): return .float(f)
        case (.scalar("Float"), .int(let i)): return .float(Double(i))
        case (.scalar("Boolean"), .bool(let b)): return .bool(b)
        case (.scalar("JSON"), .json(let value)), (.scalar("JSONObject"), .json(let value)): return .from(value)
        case (.scalar, .string(let s)) where !["Int", "Float", "Boolean"].contains(name): return .string(s)
        case (.enumeration(let enumeration), .string(let s)) where enumeration.values.contains(s): return .string(s)
        case (_, .object(let object)) where type.fields != nil || { if case .union = type { return true }; return false }():
            guard schema.isPossible(object.graphQLTypeName, for: name) else {
                error("Abstract type \"\(name)\" cannot resolve to \"\(object.graphQLTypeName)\".", fields[0], path)
                return nil
            }
            let selections = fields.flatMap(\.selections)
            return selectionSet(selections, on: object, path: path)
        default:
            error("\(name) cannot represent the value the simulator produced for \(owner).", fields[0], path)
            return nil
        }
    }

    private mutating func error(_ message: String, _ field: GraphQLField, _ path: [GraphQLError.PathElement],
                                extensions: [(String, GraphQLExtensionValue)] = []) {
        errors.append(GraphQLError(message: message, locations: [field.location], path: path, extensions: extensions))
    }
}
