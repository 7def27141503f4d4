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
