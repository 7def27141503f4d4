struct GraphQLEnumType: Sendable {
    var name: String
    var values: [String]
}
