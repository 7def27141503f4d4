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
