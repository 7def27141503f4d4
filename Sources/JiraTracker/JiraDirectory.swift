import Foundation
import JSON
import Synchronization
import Trackers

/// Who is who in Jira, for one run: the token's own user (its time zone decides how JQL dates are read), local
/// assignee names resolved to accountIds, and the users seen in answers, so a local email and the display name
/// Jira shows for the same person compare equal.
final class JiraDirectory: Sendable {
    struct Person: Sendable, Hashable {
        var accountID: String
        var displayName: String?
        var email: String?

        /// How a pulled item names its assignee: the email when Jira shows it, else the display name.
        var pulledName: String { email ?? displayName ?? accountID }

        func isNamed(_ name: String) -> Bool {
            let lower = name.lowercased()
            return [accountID, displayName, email].contains { $0?.lowercased() == lower }
        }
    }

    private let api: JiraAPI
    private let project: String?
    private let myself = Mutex<(timeZone: TimeZone, accountID: String)?>(nil)
    private let people = Mutex<[String: Person]>([:])
    private let resolved = Mutex<[String: String]>([:])
    private let statuses = Mutex<[String: Set<String>]>([:])

    init(api: JiraAPI, project: String?) {
        self.api = api
        self.project = project
    }

    /// The time zone of the token's user (`GET /rest/api/3/myself`), asked once per run.
    func timeZone() async throws -> TimeZone {
        if let known = myself.withLock({ $0 }) { return known.timeZone }
        let me = try await api.get("/rest/api/3/myself")
        let zone = me["timeZone"]?.string.flatMap(TimeZone.init(identifier:)) ?? TimeZone(identifier: "UTC")!
        myself.withLock { $0 = (zone, me["accountId"]?.string ?? "") }
        if let person = person(me) { people.withLock { $0[person.accountID] = person } }
        return zone
    }

    /// Lower-cased names of every status the project's workflows use (`GET /rest/api/3/project/{key}/statuses`).
    func statusNames(in project: String) async throws -> Set<String> {
        if let known = statuses.withLock({ $0[project] }) { return known }
        let byType = try await api.get("/rest/api/3/project/\(JiraAPI.encode(project))/statuses").array ?? []
        let names = Set(byType.flatMap { $0["statuses"]?.array ?? [] }.compactMap { $0["name"]?.string?.lowercased() })
        statuses.withLock { $0[project] = names }
        return names
    }

    /// Records a user object from an answer and returns how a pulled item names them.
    func remember(_ user: JSONValue) -> String? {
        guard let person = person(user) else { return nil }
        people.withLock { $0[person.accountID] = person }
        return person.pulledName
    }

    func pulledName(forLocal name: String) -> String {
        people.withLock { all in all.values.first { $0.isNamed(name) }?.pulledName } ?? name
    }

    func isSamePerson(_ name: String, as pulled: String?) -> Bool {
        guard let pulled else { return false }
        if pulled.lowercased() == name.lowercased() { return true }
        return people.withLock { all in all.values.contains { $0.isNamed(name) && $0.isNamed(pulled) } }
    }

    /// A local assignee (email, display name or accountId) as an accountId, through
    /// `GET /rest/api/3/user/assignable/search` (or `/user/search` without a project). Exact matches only.
    func accountID(for name: String) async throws -> String {
        if let known = resolved.withLock({ $0[name.lowercased()] }) { return known }
        if let seen = people.withLock({ all in all.values.first { $0.isNamed(name) } }) {
            resolved.withLock { $0[name.lowercased()] = seen.accountID }
            return seen.accountID
        }
        let query = JiraAPI.encode(name)
        let path = project.map { "/rest/api/3/user/assignable/search?project=\(JiraAPI.encode($0))&query=\(query)&maxResults=50" }
            ?? "/rest/api/3/user/search?query=\(query)&maxResults=50"
        let candidates = (try await api.get(path).array ?? []).compactMap(person)
        guard let match = candidates.first(where: { $0.isNamed(name) }) else {
            throw TrackerError.unsupported(code: "assignee-unknown",
                message: "no Jira user\(project.map { " assignable in \($0)" } ?? "") is named '\(name)': use their email or display name as Jira shows it")
        }
        people.withLock { $0[match.accountID] = match }
        resolved.withLock { $0[name.lowercased()] = match.accountID }
        return match.accountID
    }

    private func person(_ user: JSONValue) -> Person? {
        guard let id = user["accountId"]?.string else { return nil }
        return Person(accountID: id, displayName: user["displayName"]?.string, email: user["emailAddress"]?.string.flatMap { $0.isEmpty ? nil : $0 })
    }
}
