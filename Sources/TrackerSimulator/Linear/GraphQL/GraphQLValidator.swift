/// The validation a GraphQL server runs before executing anything (specification section 5): unknown fields,
/// arguments, types, fragments and directives, leaf and composite selections, argument values, and variables that
/// are undefined, unused or used where their type does not fit. Messages are graphql-js's, which Linear answers with.
struct GraphQLValidator {
    private struct VariableUsage {
        var name: String
        var expected: GraphQLTypeReference
        var locationHasDefault: Bool
        var location: GraphQLLocation
    }

    /// What one selection body (an operation's or a fragment's) uses directly.
    private struct Body {
        var usages: [VariableUsage] = []
        var spreads: [String] = []
    }

    let schema: GraphQLSchema
    let document: GraphQLDocument
    private var errors: [GraphQLError] = []
    private var fragmentBodies: [String: Body] = [:]

    static func validate(_ document: GraphQLDocument, against schema: GraphQLSchema) -> [GraphQLError] {
        var validator = GraphQLValidator(schema: schema, document: document)
        validator.run()
        return validator.errors
    }

    private init(schema: GraphQLSchema, document: GraphQLDocument) {
        self.schema = schema
        self.document = document
    }

    private mutating func report(_ message: String, _ locations: [GraphQLLocation]) {
        errors.append(GraphQLError(message: message, locations: locations, isRequestError: true))
    }

    private mutating func run() {
        for other in document.otherDefinitions {
            report("The \"\(other.kind)\" definition is not executable.", [other.location])
        }
        checkOperationNames()
        checkFragmentDefinitions()
        for operation in document.operations { check(operation) }
    }

    private mutating func checkOperationNames() {
        let operations = document.operations
        if operations.count > 1 {
            for operation in operations where operation.name == nil {
                report("This anonymous operation must be the only defined operation.", [operation.location])
            }
        }
        var seen: [String: GraphQLLocation] = [:]
        for operation in operations {
            guard let name = operation.name else { continue }
            if let first = seen[name] {
                report("There can be only one operation named \"\(name)\".", [first, operation.location])
            } else {
                seen[name] = operation.location
            }
        }
    }

    private mutating func checkFragmentDefinitions() {
        var seen: [String: GraphQLLocation] = [:]
        for fragment in document.fragments {
            if let first = seen[fragment.name] {
                report("There can be only one fragment named \"\(fragment.name)\".", [first, fragment.location])
                continue
            }
            seen[fragment.name] = fragment.location
            guard let type = schema[fragment.typeCondition] else {
                report("Unknown type \"\(fragment.typeCondition)\".", [fragment.location])
                fragmentBodies[fragment.name] = Body()
                continue
            }
            guard type.fields != nil || isUnion(type) else {
                report("Fragment \"\(fragment.name)\" cannot condition on non composite type \"\(fragment.typeCondition)\".", [fragment.location])
                fragmentBodies[fragment.name] = Body()
                continue
            }
            var body = Body()
            checkDirectives(fragment.directives, body: &body)
            checkSelections(fragment.selections, on: fragment.typeCondition, body: &body)
            fragmentBodies[fragment.name] = body
        }
        let used = Set(fragmentBodies.values.flatMap(\.spreads) + operationSpreads())
        for fragment in document.fragments where !used.contains(fragment.name) {
            report("Fragment \"\(fragment.name)\" is never used.", [fragment.location])
        }
        for fragment in document.fragments where reaches(fragment.name, from: fragmentBodies[fragment.name]?.spreads ?? []) {
            report("Cannot spread fragment \"\(fragment.name)\" within itself.", [fragment.location])
        }
    }

    private func operationSpreads() -> [String] {
        var bodies: [String] = []
        for operation in document.operations { Self.collectSpreads(operation.selections, into: &bodies) }
        return bodies
    }

    private static func collectSpreads(_ selections: [GraphQLSelection], into names: inout [String]) {
        for selection in selections {
            switch selection {
            case .field(let field): collectSpreads(field.selections, into: &names)
            case .fragmentSpread(let name, _, _): names.append(name)
            case .inlineFragment(_, _, let inner, _): collectSpreads(inner, into: &names)
            }
        }
    }

    private func reaches(_ target: String, from start: [String]) -> Bool {
        var visited = Set<String>()
        var queue = start
        while let next = queue.popLast() {
            if next == target { return true }
            guard visited.insert(next).inserted else { continue }
            queue += fragmentBodies[next]?.spreads ?? []
        }
        return false
    }

    private func isUnion(_ type: GraphQLSchema.NamedType) -> Bool {
        if case .union = type { return true }
        return false
    }

    // MARK: Operations and variables

    private mutating func check(_ operation: GraphQLOperation) {
        let rootName: String?
        switch operation.kind {
        case .query: rootName = schema.queryType
        case .mutation: rootName = schema.mutationType
        case .subscription: rootName = nil
        }
        guard let rootName, schema[rootName] != nil else {
            report("Schema is not configured to execute \(operation.kind.rawValue) operation.", [operation.location])
            return
        }
        var definitions: [String: GraphQLVariableDefinition] = [:]
        for variable in operation.variables {
            if definitions[variable.name] != nil {
                report("There can be only one variable named \"$\(variable.name)\".", [variable.location])
                continue
            }
            definitions[variable.name] = variable
            guard let type = schema[variable.type.namedType] else {
                report("Unknown type \"\(variable.type.namedType)\".", [variable.location])
                continue
            }
            if !type.isInput {
                report("Variable \"$\(variable.name)\" cannot be non-input type \"\(variable.type)\".", [variable.location])
            } else if let value = variable.defaultValue {
                do { _ = try GraphQLCoercion(schema: schema, variables: nil).coerce(value, to: variable.type) } catch {
                    report(error.message, [variable.location])
                }
            }
        }
        var body = Body()
        checkDirectives(operation.directives, body: &body)
        checkSelections(operation.selections, on: rootName, body: &body)

        var usages = body.usages
        var visited = Set<String>()
        var queue = body.spreads
        while let name = queue.popLast() {
            guard visited.insert(name).inserted, let fragment = fragmentBodies[name] else { continue }
            usages += fragment.usages
            queue += fragment.spreads
        }
        let used = Set(usages.map(\.name))
        for usage in usages {
            guard let definition = definitions[usage.name] else {
                let suffix = operation.name.map { " by operation \"\($0)\"" } ?? ""
                report("Variable \"$\(usage.name)\" is not defined\(suffix).", [usage.location, operation.location])
                continue
            }
            let hasDefault = definition.defaultValue.map { $0 != .null } ?? false
            let effective: GraphQLTypeReference = (hasDefault || usage.locationHasDefault) && !definition.type.isNonNull
                ? .nonNull(definition.type) : definition.type
            if !Self.isSubtype(effective, of: usage.expected) {
                report("Variable \"$\(usage.name)\" of type \"\(definition.type)\" used in position expecting type \"\(usage.expected)\".",
                       [definition.location, usage.location])
            }
        }
        for variable in operation.variables where !used.contains(variable.name) {
            let suffix = operation.name.map { " in operation \"\($0)\"" } ?? ""
            report("Variable \"$\(variable.name)\" is never used\(suffix).", [variable.location])
        }
    }

    private static func isSubtype(_ type: GraphQLTypeReference, of expected: GraphQLTypeReference) -> Bool {
        switch (type, expected) {
        case (.nonNull(let a), .nonNull(let b)): return isSubtype(a, of: b)
        case (_, .nonNull): return false
        case (.nonNull(let a), _): return isSubtype(a, of: expected)
        case (.list(let a), .list(let b)): return isSubtype(a, of: b)
        case (.named(let a), .named(let b)): return a == b
        default: return false
        }
    }

    // MARK: Selections

    private mutating func checkSelections(_ selections: [GraphQLSelection], on typeName: String, body: inout Body) {
        for selection in selections {
            switch selection {
            case .field(let field):
                check(field, on: typeName, body: &body)
            case .fragmentSpread(let name, let directives, let location):
                checkDirectives(directives, body: &body)
                guard let fragment = document.fragment(named: name) else {
                    report("Unknown fragment \"\(name)\".", [location])
                    continue
                }
                body.spreads.append(name)
                checkSpread(fragment.typeCondition, into: typeName, location: location, what: "Fragment \"\(name)\"")
            case .inlineFragment(let condition, let directives, let inner, let location):
                checkDirectives(directives, body: &body)
                var innerType = typeName
                if let condition {
                    guard let type = schema[condition] else {
                        report("Unknown type \"\(condition)\".", [location])
                        continue
                    }
                    guard type.fields != nil || isUnion(type) else {
                        report("Fragment cannot condition on non composite type \"\(condition)\".", [location])
                        continue
                    }
                    checkSpread(condition, into: typeName, location: location, what: "Fragment")
                    innerType = condition
                }
                checkSelections(inner, on: innerType, body: &body)
            }
        }
    }

    private mutating func checkSpread(_ condition: String, into parent: String, location: GraphQLLocation, what: String) {
        guard schema[condition] != nil, schema[parent] != nil else { return }
        let overlaps = condition == parent || schema.isPossible(condition, for: parent) || schema.isPossible(parent, for: condition)
            || schema.types.keys.contains { schema.isPossible($0, for: condition) && schema.isPossible($0, for: parent) }
        if !overlaps {
            report("\(what) cannot be spread here as objects of type \"\(parent)\" can never be of type \"\(condition)\".", [location])
        }
    }

    private mutating func check(_ field: GraphQLField, on typeName: String, body: inout Body) {
        checkDirectives(field.directives, body: &body)
        guard let definition = schema.field(field.name, on: typeName) else {
            report("Cannot query field \"\(field.name)\" on type \"\(typeName)\".", [field.location])
            return
        }
        checkArguments(field.arguments, against: definition.arguments, owner: "field \"\(typeName).\(field.name)\"",
                       requiredMessage: { "Field \"\(field.name)\" argument \"\($0.name)\" of type \"\($0.type)\" is required, but it was not provided." },
                       location: field.location, body: &body)
        let returned = definition.type.namedType
        guard let type = schema[returned] else { return }
        if type.isLeaf {
            if !field.selections.isEmpty {
                report("Field \"\(field.name)\" must not have a selection since type \"\(definition.type)\" has no subfields.", [field.location])
            }
        } else if field.selections.isEmpty {
            report("Field \"\(field.name)\" of type \"\(definition.type)\" must have a selection of subfields. Did you mean \"\(field.name) { ... }\"?",
                   [field.location])
        } else {
            checkSelections(field.selections, on: returned, body: &body)
        }
    }

    private mutating func checkArguments(_ arguments: [GraphQLArgument], against definitions: [GraphQLInputValueDefinition], owner: String,
                                         requiredMessage: (GraphQLInputValueDefinition) -> String, location: GraphQLLocation,
                                         body: inout Body) {
        var seen = Set<String>()
        for argument in arguments {
            guard seen.insert(argument.name).inserted else {
                report("There can be only one argument named \"\(argument.name)\".", [argument.location])
                continue
            }
            guard let definition = definitions.first(where: { $0.name == argument.name }) else {
                report("Unknown argument \"\(argument.name)\" on \(owner).", [argument.location])
                continue
            }
            collectUsages(argument.value, expected: definition.type, hasDefault: definition.defaultValue != nil,
                          location: argument.location, body: &body)
            do { _ = try GraphQLCoercion(schema: schema, variables: nil).coerce(argument.value, to: definition.type) } catch {
                report(error.message, [argument.location])
            }
        }
        for definition in definitions where definition.type.isNonNull && definition.defaultValue == nil && !seen.contains(definition.name) {
            report(requiredMessage(definition), [location])
        }
    }

    private func collectUsages(_ value: GraphQLValue, expected: GraphQLTypeReference, hasDefault: Bool, location: GraphQLLocation,
                               body: inout Body) {
        switch value {
        case .variable(let name):
            body.usages.append(VariableUsage(name: name, expected: expected, locationHasDefault: hasDefault, location: location))
        case .list(let items):
            let inner: GraphQLTypeReference
            if case .list(let element) = expected.nullable { inner = element } else { inner = expected }
            for item in items { collectUsages(item, expected: inner, hasDefault: false, location: location, body: &body) }
        case .object(let members):
            guard case .inputObject(let type)? = schema[expected.namedType] else { return }
            for member in members {
                guard let field = type.field(member.name) else { continue }
                collectUsages(member.value, expected: field.type, hasDefault: field.defaultValue != nil, location: location, body: &body)
            }
        default:
            return
        }
    }

    private static let directives: [String: [GraphQLInputValueDefinition]] = [
        "skip": [GraphQLInputValueDefinition(name: "if", type: .nonNull(.named("Boolean")), defaultValue: nil)],
        "include": [GraphQLInputValueDefinition(name: "if", type: .nonNull(.named("Boolean")), defaultValue: nil)],
    ]

    private mutating func checkDirectives(_ directives: [GraphQLDirective], body: inout Body) {
        for directive in directives {
            guard let arguments = Self.directives[directive.name] else {
                report("Unknown directive \"@\(directive.name)\".", [directive.location])
                continue
            }
            checkArguments(directive.arguments, against: arguments, owner: "directive \"@\(directive.name)\"",
                           requiredMessage: { "Directive \"@\(directive.name)\" argument \"\($0.name)\" of type \"\($0.type)\" is required, but it was not provided." },
                           location: directive.location, body: &body)
        }
    }
}
