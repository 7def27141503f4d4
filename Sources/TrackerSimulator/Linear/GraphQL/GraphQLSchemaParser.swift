/// Reads SDL (`type`, `interface`, `union`, `input`, `enum`, `scalar`; descriptions and directives are skipped)
/// into a `GraphQLSchema`. The simulator's schema is written this way, as a subset of Linear's own SDL.
enum GraphQLSchemaParser {
    static func parse(_ sdl: String) throws(GraphQLSyntaxError) -> GraphQLSchema {
        var c = try GraphQLTokenCursor(sdl)
        var types: [GraphQLSchema.NamedType] = []
        while !c.atEnd {
            c.skipDescription()
            let keyword = try c.name()
            switch keyword {
            case "type", "interface":
                let name = try c.name()
                var interfaces: [String] = []
                if c.isName("implements") {
                    c.advance()
                    _ = c.skip("&")
                    interfaces.append(try c.name())
                    while c.skip("&") { interfaces.append(try c.name()) }
                }
                _ = try c.directives(constant: true)
                let fields = try c.many("{", "}") { (c: inout GraphQLTokenCursor) throws(GraphQLSyntaxError) in try field(&c) }
                let object = GraphQLObjectType(name: name, interfaces: interfaces,
                                               fields: Dictionary(fields.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a }))
                types.append(keyword == "type" ? .object(object) : .interface(object))
            case "union":
                let name = try c.name()
                _ = try c.directives(constant: true)
                try c.expect("=")
                _ = c.skip("|")
                var members = [try c.name()]
                while c.skip("|") { members.append(try c.name()) }
                types.append(.union(name: name, members: members))
            case "input":
                let name = try c.name()
                _ = try c.directives(constant: true)
                let fields = try c.many("{", "}") { (c: inout GraphQLTokenCursor) throws(GraphQLSyntaxError) in try inputValue(&c) }
                types.append(.inputObject(GraphQLInputObjectType(name: name, fields: fields)))
            case "enum":
                let name = try c.name()
                _ = try c.directives(constant: true)
                let values = try c.many("{", "}") { (c: inout GraphQLTokenCursor) throws(GraphQLSyntaxError) -> String in
                    c.skipDescription()
                    let value = try c.name()
                    _ = try c.directives(constant: true)
                    return value
                }
                types.append(.enumeration(GraphQLEnumType(name: name, values: values)))
            case "scalar":
                let name = try c.name()
                _ = try c.directives(constant: true)
                types.append(.scalar(name))
            default:
                throw GraphQLSyntaxError(message: "Syntax Error: unsupported schema definition \"\(keyword)\".", location: c.location)
            }
        }
        return GraphQLSchema(types: types)
    }

    private static func field(_ c: inout GraphQLTokenCursor) throws(GraphQLSyntaxError) -> GraphQLFieldDefinition {
        c.skipDescription()
        let name = try c.name()
        var arguments: [GraphQLInputValueDefinition] = []
        if c.isPunctuator("(") {
            arguments = try c.many("(", ")") { (c: inout GraphQLTokenCursor) throws(GraphQLSyntaxError) in try inputValue(&c) }
        }
        try c.expect(":")
        let type = try c.type()
        _ = try c.directives(constant: true)
        return GraphQLFieldDefinition(name: name, type: type, arguments: arguments)
    }

    private static func inputValue(_ c: inout GraphQLTokenCursor) throws(GraphQLSyntaxError) -> GraphQLInputValueDefinition {
        c.skipDescription()
        let name = try c.name()
        try c.expect(":")
        let type = try c.type()
        var defaultValue: GraphQLValue?
        if c.skip("=") { defaultValue = try c.value(constant: true) }
        _ = try c.directives(constant: true)
        return GraphQLInputValueDefinition(name: name, type: type, defaultValue: defaultValue)
    }
}
