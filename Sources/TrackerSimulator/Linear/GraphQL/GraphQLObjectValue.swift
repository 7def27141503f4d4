/// An object the executor asks for the fields a query selects. The executor checks what it answers against the
/// schema (types, nullability), so a resolver cannot hand out something the real API would not.
protocol GraphQLObjectValue {
    /// The object's concrete type (for `__typename` and fragment type conditions).
    var graphQLTypeName: String { get }
    func resolve(_ field: String, _ arguments: GraphQLArguments) throws(GraphQLFieldError) -> GraphQLResult
}

/// What a resolver answers for one field.
indirect enum GraphQLResult {
    case null
    case string(String)
    case int(Int)
    case float(Double)
    case bool(Bool)
    case object(any GraphQLObjectValue)
    case list([GraphQLResult])
    /// A `JSON`/`JSONObject` scalar.
    case json(GraphQLInput)

    static func optional(_ text: String?) -> GraphQLResult { text.map(GraphQLResult.string) ?? .null }
    static func optional(_ object: (any GraphQLObjectValue)?) -> GraphQLResult { object.map(GraphQLResult.object) ?? .null }
}

/// A field's arguments after coercion, defaults applied; an argument neither written nor defaulted is absent.
struct GraphQLArguments {
    var values: [String: GraphQLInput]

    subscript(name: String) -> GraphQLInput? {
        guard let value = values[name], !value.isNull else { return nil }
        return value
    }

    func string(_ name: String) -> String? { self[name]?.string }
    func int(_ name: String) -> Int? { self[name]?.int }
    func bool(_ name: String) -> Bool? { self[name]?.bool }
    func object(_ name: String) -> [String: GraphQLInput]? { self[name]?.object }
}
