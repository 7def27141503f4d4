/// Which fields an answer carries, read from `fields` as Jira reads it: comma-separated entries, `*all`,
/// `*navigable`, field ids, `-field` to leave one out (alone, "all navigable but"), `id` for nothing but ids.
/// Unknown field ids are ignored, as on Jira.
struct JiraFieldSelection: Sendable, Equatable {
    /// The fields the simulator stores, in the order answers list them.
    enum Field: String, CaseIterable, Sendable {
        case statuscategorychangedate, issuetype, parent, project, created, priority, labels, assignee, updated, status
        case description, summary, creator, reporter
    }

    var fields: [Field]
    /// Nothing but ids was asked for: search answers `{"id": …}` per issue.
    var idOnly: Bool
    /// Only `id` and/or `key` were asked for: the case with the largest page size.
    var keysOnly: Bool

    static let all = JiraFieldSelection(fields: Field.allCases, idOnly: false, keysOnly: false)

    /// `entries` as given (each may hold several comma-separated names); `fallback` when there are none.
    init(_ entries: [String], fallback: [String]) {
        let names = entries.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        let given = names.isEmpty ? fallback : names
        var included = Set<Field>()
        var excluded = Set<Field>()
        var positive = Set<String>()
        for name in given {
            if name.hasPrefix("-") {
                if let field = Field(rawValue: String(name.dropFirst())) { excluded.insert(field) }
                continue
            }
            positive.insert(name)
            switch name {
            case "*all", "*navigable": included.formUnion(Field.allCases)
            default: if let field = Field(rawValue: name) { included.insert(field) }
            }
        }
        if positive.isEmpty { included.formUnion(Field.allCases) }
        fields = Field.allCases.filter { included.contains($0) && !excluded.contains($0) }
        idOnly = positive.subtracting(["id"]).isEmpty && !positive.isEmpty
        keysOnly = positive.subtracting(["id", "key"]).isEmpty && !positive.isEmpty
    }

    private init(fields: [Field], idOnly: Bool, keysOnly: Bool) {
        self.fields = fields
        self.idOnly = idOnly
        self.keysOnly = keysOnly
    }
}
