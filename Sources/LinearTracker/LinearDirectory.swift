import Foundation
import JSON
import Synchronization
import Trackers

/// Who and what is what in Linear, for one run: the context writes need (loaded once, on first need), the people
/// seen in answers (so a local display name and the email Linear shows compare equal), assignees resolved to ids,
/// and labels created for tags the team lacked.
final class LinearDirectory: Sendable {
    private let api: LinearAPI
    /// `linear.team_id` (an id or a key) or `work.default_project_code`.
    let teamSelector: String?
    private let createLabels: Bool
    private let loader = SingleFlight<LinearContext>()
    private let known = Mutex<LinearContext?>(nil)
    private let people = Mutex<[String: LinearPerson]>([:])
    private let resolved = Mutex<[String: String]>([:])

    init(api: LinearAPI, teamSelector: String?, createLabels: Bool) {
        self.api = api
        self.teamSelector = teamSelector
        self.createLabels = createLabels
    }

    /// The context as far as it is loaded, without asking Linear (for `representable`, which cannot wait).
    var loaded: LinearContext? { known.withLock { $0 } }

    /// Viewer, the configured team (and `extraKeys`' teams) with their states, and every label; one request the
    /// first time, plus one per further page of labels.
    func context(includingTeams extraKeys: [String] = []) async throws -> LinearContext {
        var context = try await loader.value { [self] in try await load(teamKeys: extraKeys) }
        let missing = extraKeys.filter { context.team(key: $0) == nil }
        if !missing.isEmpty {
            let more = try await api.run(LinearDocuments.context, ["teams": ["key": ["in": .array(missing.map { .string($0) })]]])
            context.teams += LinearContext.teams(more["teams"]).filter { team in !context.teams.contains { $0.id == team.id } }
            known.withLock { $0 = context }
        }
        return known.withLock { $0 } ?? context
    }

    private func load(teamKeys: [String]) async throws -> LinearContext {
        var filters: [JSONValue] = teamKeys.map { ["key": ["eq": .string($0)]] }
        if let teamSelector {
            filters.append(Self.looksLikeID(teamSelector) ? ["id": ["eq": .string(teamSelector)]] : ["key": ["eqIgnoreCase": .string(teamSelector)]])
        }
        let variables: JSONObject = filters.isEmpty ? [:] : ["teams": ["or": .array(filters)]]
        let data = try await api.run(LinearDocuments.context, variables)
        var labels = LinearContext.labels(data["issueLabels"])
        var page = data["issueLabels"]?["pageInfo"]
        while page?["hasNextPage"]?.bool == true, let cursor = page?["endCursor"]?.string {
            let next = try await api.run(LinearDocuments.labels, ["after": .string(cursor)])
            labels += LinearContext.labels(next["issueLabels"])
            page = next["issueLabels"]?["pageInfo"]
        }
        let viewer = LinearPerson(data["viewer"])
        if let viewer { people.withLock { $0[viewer.id] = viewer } }
        let context = LinearContext(viewer: viewer, teams: LinearContext.teams(data["teams"]), labels: labels)
        known.withLock { $0 = context }
        return context
    }

    /// A UUID (`linear.team_id` as Linear shows it) rather than a team key.
    static func looksLikeID(_ text: String) -> Bool { UUID(uuidString: text) != nil }

    /// The configured team as far as the context is loaded, without asking Linear.
    var loadedConfiguredTeam: LinearContext.Team? {
        guard let selector = teamSelector, let context = loaded else { return nil }
        return Self.looksLikeID(selector) ? context.team(id: selector) : context.team(key: selector)
    }

    /// The configured team, from the context.
    func configuredTeam() async throws -> LinearContext.Team {
        _ = try await context()
        guard let selector = teamSelector else {
            throw TrackerError.configuration("no Linear team: set work.default_project_code to your team key (like ENG) in .accelerator/config.md")
        }
        guard let team = loadedConfiguredTeam else {
            throw TrackerError.configuration("Linear has no team \(selector) that this key can see: check work.default_project_code (the team key) or linear.team_id")
        }
        return team
    }

    // MARK: Labels

    /// Label names for ids, loading the labels when they are not known yet.
    func labelNames(_ ids: [String]) async throws -> [String] {
        guard !ids.isEmpty else { return [] }
        var context = try await context()
        if ids.contains(where: { id in !context.labels.contains { $0.id == id } }) {
            loader.reset()
            context = try await self.context()
        }
        return ids.compactMap { id in context.labels.first { $0.id == id }?.name }
    }

    /// Label names for ids as far as they are known, without asking Linear.
    func knownLabelNames(_ ids: [String]) -> [String] {
        let labels = loaded?.labels ?? []
        return ids.compactMap { id in labels.first { $0.id == id }?.name }
    }

    /// The id of the label `name` for an issue in `team`, creating a team label when there is none and creating is
    /// allowed; nil with a notice when it cannot be had.
    func labelID(_ name: String, team: LinearContext.Team) async throws -> (id: String?, notice: String?) {
        if let found = try await context().label(named: name, team: team.id) { return (found.id, nil) }
        guard createLabels else {
            return (nil, "tag '\(name)' left out: \(team.key) has no such label and linear.create_labels is false")
        }
        let created: JSONValue
        switch await createLabel(name, team: team) {
        case .success(let answer): created = answer
        case .failure(let error): return try await labelCreationRefused(name, team: team, error)
        }
        guard let label = LinearContext.labels(["nodes": [created["issueLabelCreate"]?["issueLabel"] ?? .null]]).first else {
            return (nil, "tag '\(name)' left out: Linear did not answer with the label it created")
        }
        known.withLock { $0?.labels.append(label) }
        return (label.id, nil)
    }

    private func createLabel(_ name: String, team: LinearContext.Team) async -> Result<JSONValue, TrackerError> {
        do throws(TrackerError) {
            return .success(try await api.run(LinearDocuments.issueLabelCreate, ["input": ["name": .string(name), "teamId": .string(team.id)]]))
        } catch {
            return .failure(error)
        }
    }

    /// A label create Linear refused: made meanwhile (another write of this run, or a person), so read again; or not
    /// allowed for this key, so the tag is left out and a notice says why.
    private func labelCreationRefused(_ name: String, team: LinearContext.Team, _ error: TrackerError) async throws -> (id: String?, notice: String?) {
        switch error {
        case .rejected(let message) where message.contains("Duplicate") || message.contains("already exists"):
            loader.reset()
            if let found = try await context().label(named: name, team: team.id) { return (found.id, nil) }
            return (nil, "tag '\(name)' left out: Linear says the label exists but it is not usable in \(team.key)")
        case .rejected(let message), .unauthorized(let message):
            return (nil, "tag '\(name)' left out: \(team.key) has no such label and this key may not create one (\(message))")
        default:
            throw error
        }
    }

    // MARK: People

    /// Records a user object from an answer and returns how a pulled item names them.
    func remember(_ user: JSONValue?) -> String? {
        guard let person = LinearPerson(user) else { return nil }
        people.withLock { $0[person.id] = person }
        return person.pulledName
    }

    func pulledName(forLocal name: String) -> String {
        people.withLock { all in all.values.first { $0.isNamed(name) }?.pulledName } ?? name
    }

    func isSamePerson(_ name: String, as pulled: String?) -> Bool {
        guard let pulled else { return false }
        if pulled.lowercased() == name.lowercased() { return true }
        if ["me", "@me"].contains(name.lowercased()), let viewer = loaded?.viewer { return viewer.isNamed(pulled) }
        return people.withLock { all in all.values.contains { $0.isNamed(name) && $0.isNamed(pulled) } }
    }

    /// A local assignee (email, display name or name) as a user id, exactly matched.
    func userID(for name: String) async throws -> String {
        if let known = resolved.withLock({ $0[name.lowercased()] }) { return known }
        if let seen = people.withLock({ all in all.values.first { $0.isNamed(name) } }) {
            resolved.withLock { $0[name.lowercased()] = seen.id }
            return seen.id
        }
        if ["me", "@me"].contains(name.lowercased()), let viewer = try await context().viewer { return viewer.id }
        let match: JSONValue = ["eqIgnoreCase": .string(name)]
        let data = try await api.run(LinearDocuments.users, ["filter": ["or": [["email": match], ["displayName": match], ["name": match]]]])
        let candidates = (data["users"]?["nodes"]?.array ?? []).compactMap(LinearPerson.init)
        guard let person = candidates.first(where: { $0.isNamed(name) }) else {
            throw TrackerError.unsupported(code: "assignee-unknown",
                message: "no Linear user is named '\(name)': use their email, display name or name as Linear shows it")
        }
        people.withLock { $0[person.id] = person }
        resolved.withLock { $0[name.lowercased()] = person.id }
        return person.id
    }
}
