/// Reading position in a token list, with the pieces both the executable-document parser and the schema parser
/// need: names, punctuators, values, types and directives, each failing with graphql-js's wording.
struct GraphQLTokenCursor {
    private let tokens: [GraphQLToken]
    private(set) var position = 0

    init(_ text: String) throws(GraphQLSyntaxError) {
        var lexer = GraphQLLexer(text)
        tokens = try lexer.tokens()
    }

    var current: GraphQLToken { tokens[position] }
    var location: GraphQLLocation { current.location }
    var atEnd: Bool { current.kind == .end }

    mutating func advance() { if position < tokens.count - 1 { position += 1 } }

    func isPunctuator(_ p: String) -> Bool { current.kind == .punctuator(p) }

    func isName(_ n: String) -> Bool { current.kind == .name(n) }

    func unexpected(_ expected: String? = nil) -> GraphQLSyntaxError {
        let found = current.description
        let message = expected.map { "Expected \($0), found \(found)." } ?? "Unexpected \(found)."
        return GraphQLSyntaxError(message: "Syntax Error: " + message, location: location)
    }

    mutating func skip(_ p: String) -> Bool {
        guard isPunctuator(p) else { return false }
        advance()
        return true
    }

    mutating func expect(_ p: String) throws(GraphQLSyntaxError) {
        guard skip(p) else { throw unexpected("\"\(p)\"") }
    }

    mutating func name() throws(GraphQLSyntaxError) -> String {
        guard case .name(let n) = current.kind else { throw unexpected("Name") }
        advance()
        return n
    }

    /// `open item+ close` (or `item*` when `allowEmpty`).
    mutating func many<T>(_ open: String, _ close: String, allowEmpty: Bool = false,
                          _ item: (inout GraphQLTokenCursor) throws(GraphQLSyntaxError) -> T) throws(GraphQLSyntaxError) -> [T] {
        try expect(open)
        var items: [T] = []
        if allowEmpty && skip(close) { return items }
        repeat { items.append(try item(&self)) } while !skip(close)
        return items
    }

    mutating func type() throws(GraphQLSyntaxError) -> GraphQLTypeReference {
        var inner: GraphQLTypeReference
        if skip("[") {
            inner = .list(try type())
            try expect("]")
        } else {
            inner = .named(try name())
        }
        if skip("!") { inner = .nonNull(inner) }
        return inner
    }

    mutating func value(constant: Bool) throws(GraphQLSyntaxError) -> GraphQLValue {
        switch current.kind {
        case .punctuator("["):
            return .list(try many("[", "]", allowEmpty: true) { (c: inout GraphQLTokenCursor) throws(GraphQLSyntaxError) in try c.value(constant: constant) })
        case .punctuator("{"):
            let members = try many("{", "}", allowEmpty: true) { (c: inout GraphQLTokenCursor) throws(GraphQLSyntaxError) -> (name: String, value: GraphQLValue) in
                let name = try c.name()
                try c.expect(":")
                return (name, try c.value(constant: constant))
            }
            return .object(members)
        case .punctuator("$") where !constant:
            advance()
            return .variable(try name())
        case .int(let text): advance(); return .int(text)
        case .float(let text): advance(); return .float(text)
        case .string(let text): advance(); return .string(text)
        case .name("true"): advance(); return .bool(true)
        case .name("false"): advance(); return .bool(false)
        case .name("null"): advance(); return .null
        case .name(let n): advance(); return .enumValue(n)
        default: throw unexpected()
        }
    }

    mutating func arguments(constant: Bool) throws(GraphQLSyntaxError) -> [GraphQLArgument] {
        guard isPunctuator("(") else { return [] }
        return try many("(", ")") { (c: inout GraphQLTokenCursor) throws(GraphQLSyntaxError) in
            let at = c.location
            let name = try c.name()
            try c.expect(":")
            return GraphQLArgument(name: name, value: try c.value(constant: constant), location: at)
        }
    }

    mutating func directives(constant: Bool) throws(GraphQLSyntaxError) -> [GraphQLDirective] {
        var out: [GraphQLDirective] = []
        while isPunctuator("@") {
            let at = location
            advance()
            out.append(GraphQLDirective(name: try name(), arguments: try arguments(constant: constant), location: at))
        }
        return out
    }

    /// A description string before a schema definition, skipped.
    mutating func skipDescription() {
        if case .string = current.kind { advance() }
    }
}
