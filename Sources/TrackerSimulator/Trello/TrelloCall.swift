/// One routed request: method, path segments after `/1/`, parameters, and the site for `url` fields.
struct TrelloCall: Sendable {
    var method: String
    var parts: [String]
    var parameters: TrelloParameters
    var site: String

    func part(_ index: Int) -> String? { parts.indices.contains(index) ? parts[index] : nil }
}
