/// Parses an executable GraphQL document (operations and fragments), as a GraphQL server reads a request's `query`.
enum GraphQLParser {
    static func parse(_ text: String) throws(GraphQLSyntaxError) -> GraphQLDocument {
        var cursor = try GraphQLTokenCursor(text)
        var document = GraphQLDocument(operations: [], fragments: [], otherDefinitions: [])
        if cursor.atEnd { throw cursor.unexpected("Name") }
        while !cursor.atEnd {
            try definition(&cursor, into: &document)
        }
        return document
    }

    private static func definition(_ c: inout GraphQLTokenCursor, into document: inout GraphQLDocument) throws(GraphQLSyntaxError) {
        let at = c.location
        if c.isPunctuator("{") {
            document.operations.append(GraphQLOperation(kind: .query, name: nil, variables: [], directives: [],
                                                        selections: try selectionSet(&c), location: at))
            return
        }
        guard case .name(let keyword) = c.current.kind else { throw c.unexpected() }
        switch keyword {
        case "query", "mutation", "subscription":
            c.advance()
            var name: String?
            if case .name = c.current.kind { name = try c.name() }
            let variables = try variableDefinitions(&c)
            let directives = try c.directives(constant: false)
            document.operations.append(GraphQLOperation(kind: GraphQLOperation.Kind(rawValue: keyword)!, name: name,
                variables: variables, directives: directives, selections: try selectionSet(&c), location: at))
        case "fragment":
            c.advance()
            let name = try c.name()
            guard name != "on" else { throw c.unexpected() }
            guard c.isName("on") else { throw c.unexpected("\"on\"") }
            c.advance()
            let type = try c.name()
            let directives = try c.directives(constant: false)
            document.fragments.append(GraphQLFragment(name: name, typeCondition: type, directives: directives,
                                                      selections: try selectionSet(&c), location: at))
        case "schema", "scalar", "type", "interface", "union", "enum", "input", "directive", "extend":
            // Not executable; skip to the end of the definition so the validator can say so.
            document.otherDefinitions.append((keyword, at))
            c.advance()
            var depth = 0
            while !c.atEnd {
                if c.isPunctuator("{") { depth += 1 }
                if c.isPunctuator("}") { depth -= 1; if depth == 0 { c.advance(); break } }
                c.advance()
            }
        default:
            throw c.unexpected()
        }
    }

    private static func variableDefinitions(_ c: inout GraphQLTokenCursor) throws(GraphQLSyntaxError) -> [GraphQLVariableDefinition] {
        guard c.isPunctuator("(") else { return [] }
        return try c.many("(", ")") { (c: inout GraphQLTokenCursor) throws(GraphQLSyntaxError) in
            let at = c.location
            try c.expect("$")
            let name = try c.name()
            try c.expect(":")
            let type = try c.type()
            var defaultValue: GraphQLValue?
            if c.skip("=") { defaultValue = try c.value(constant: true) }
            _ = try c.directives(constant: true)
            return GraphQLVariableDefinition(name: name, type: type, defaultValue: defaultValue, location: at)
        }
    }

    static func selectionSet(_ c: inout GraphQLTokenCursor) throws(GraphQLSyntaxError) -> [GraphQLSelection] {
        try c.many("{", "}") { (c: inout GraphQLTokenCursor) throws(GraphQLSyntaxError) in try selection(&c) }
    }

    private static func selection(_ c: inout GraphQLTokenCursor) throws(GraphQLSyntaxError) -> GraphQLSelection {
        let at = c.location
        if c.skip("...") {
            if c.isName("on") {
                c.advance()
                let type = try c.name()
                return .inlineFragment(typeCondition: type, directives: try c.directives(constant: false),
                                       selections: try selectionSet(&c), location: at)
            }
            if case .name(let name) = c.current.kind {
                c.advance()
                return .fragmentSpread(name: name, directives: try c.directives(constant: false), location: at)
            }
            return .inlineFragment(typeCondition: nil, directives: try c.directives(constant: false),
                                   selections: try selectionSet(&c), location: at)
        }
        var name = try c.name()
        var alias: String?
        if c.skip(":") {
            alias = name
            name = try c.name()
        }
        let arguments = try c.arguments(constant: false)
        let directives = try c.directives(constant: false)
        let selections = c.isPunctuator("{") ? try selectionSet(&c) : []
        return .field(GraphQLField(alias: alias, name: name, arguments: arguments, directives: directives,
                                   selections: selections, location: at))
    }
}
