/// A `fields` parameter: `all`, or a comma-separated list of names; `id` always comes. Unknown names are ignored,
/// as Trello ignores them.
struct TrelloFieldSelection: Sendable {
    private let names: Set<String>?

    init(_ parameter: String?, default defaults: [String]? = nil) {
        guard let parameter, !parameter.isEmpty else {
            names = defaults.map(Set.init)
            return
        }
        names = parameter == "all" ? nil : Set(parameter.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
    }

    func includes(_ field: String) -> Bool { field == "id" || names?.contains(field) ?? true }
}
