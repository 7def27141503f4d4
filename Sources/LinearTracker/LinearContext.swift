import JSON

/// What writes need to know about the workspace, read once per run: the key's user, teams with their workflow
/// states, and every label (team and workspace).
struct LinearContext: Sendable {
    struct Team: Sendable, Equatable {
        var id: String
        var key: String
        var name: String
        var states: [State]
    }

    struct State: Sendable, Equatable {
        var id: String
        var name: String
        var type: String
        var position: Double
    }

    struct Label: Sendable, Equatable {
        var id: String
        var name: String
        /// nil: a workspace label.
        var teamID: String?
        var isGroup: Bool
    }

    var viewer: LinearPerson?
    var teams: [Team]
    var labels: [Label]

    func team(key: String) -> Team? { teams.first { $0.key.uppercased() == key.uppercased() } }
    func team(id: String) -> Team? { teams.first { $0.id == id } }

    /// The label of that name an issue in `teamID` can carry: the team's own first, then the workspace's.
    func label(named name: String, team teamID: String) -> Label? {
        let lower = name.lowercased()
        let usable = labels.filter { !$0.isGroup && $0.name.lowercased() == lower && ($0.teamID == nil || $0.teamID == teamID) }
        return usable.first { $0.teamID != nil } ?? usable.first
    }

    static func teams(_ json: JSONValue?) -> [Team] {
        (json?["nodes"]?.array ?? []).compactMap { team in
            guard let id = team["id"]?.string, let key = team["key"]?.string else { return nil }
            let states = (team["states"]?["nodes"]?.array ?? []).compactMap { state -> State? in
                guard let id = state["id"]?.string, let name = state["name"]?.string else { return nil }
                return State(id: id, name: name, type: state["type"]?.string ?? "", position: state["position"]?.double ?? 0)
            }.sorted { $0.position < $1.position }
            return Team(id: id, key: key, name: team["name"]?.string ?? key, states: states)
        }
    }

    static func labels(_ json: JSONValue?) -> [Label] {
        (json?["nodes"]?.array ?? []).compactMap { label in
            guard let id = label["id"]?.string, let name = label["name"]?.string else { return nil }
            return Label(id: id, name: name, teamID: label["team"]?["id"]?.string, isGroup: label["isGroup"]?.bool ?? false)
        }
    }
}
