/// One lexical token of a GraphQL document (October 2021 specification, section 2.1).
struct GraphQLToken: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case punctuator(String)
        case name(String)
        case int(String)
        case float(String)
        case string(String)
        case end
    }

    var kind: Kind
    var location: GraphQLLocation

    /// As graphql-js names a token in "Expected Name, found <EOF>.".
    var description: String {
        switch kind {
        case .punctuator(let p): return "\"\(p)\""
        case .name(let n): return "Name \"\(n)\""
        case .int(let i): return "Int \"\(i)\""
        case .float(let f): return "Float \"\(f)\""
        case .string(let s): return "String \"\(s)\""
        case .end: return "<EOF>"
        }
    }
}
