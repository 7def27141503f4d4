import Foundation
import JSON
import Synchronization
import Trackers

/// Who is who in Jira, for one run: the token's own user (its time zone decides how JQL dates are read), local
/// assignee names resolved to accountIds, and the users seen in answers, so a local email and the display name
/// Jira shows for the same person compare equal.
final class JiraDirectory: Sendable {
    struct Person: TrackerPerson, Hashable {
        /// The accountId.
        var id: String
        var displayName: String?
        var email: String?

        /// How a pulled item names its assignee: the email when Jira shows it, else the display name.
        var pulledName: String { email ?? displayName ?? id }

        func isNamed(_ name: String) -> Bool {
            let lower = name.lowercased()
            return [id, displayName, email].contains { $0?.lowercased() == lower }
        }
    }

    private let api: JiraAPI
    private let project: String?
    private let zoneCache: JiraZoneCache
    private let zone = Mutex<TimeZone?>(nil)
    private let people = PeopleDirectory<Person>()
    private let statuses = Mutex<[String: Set<String>]>([:])

    init(api: JiraAPI, project: String?, zoneCache: JiraZoneCache) {
        self.api = api
        self.project = project
        self.zoneCache = zoneCache
    }

    /// The time zone of the token's user (`GET /rest/api/3/myself`), asked once per run and remembered for the
    /// next one (see `cachedTimeZone`).
    func timeZone() async throws -> TimeZone {
        if let known = zone.withLock({ $0 }) { return known }
        let me = try await api.get("/rest/api/3/myself")
        let asked = me["timeZone"]?.string.flatMap(TimeZone.init(identifier:)) ?? TimeZone(identifier: "UTC")!
        zone.withLock { $0 = asked }
        zoneCache.store(asked)
        if let person = person(me) { people.remember(person) }
        return asked
    }

    /// The zone the last run was told, without asking: a guess to build a query with while `timeZone()` checks it.
    func cachedTimeZone() -> TimeZone? { zoneCache.load() }

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
        person(user).map { people.remember($0) }
    }

    func pulledName(forLocal name: String) -> String { people.pulledName(forLocal: name) }

    func isSamePerson(_ name: String, as pulled: String?) -> Bool {
        pulled.map { people.isSamePerson(name, as: $0) } ?? false
    }

    /// A local assignee (email, display name or accountId) as an accountId, through
    /// `GET /rest/api/3/user/assignable/search` (or `/user/search` without a project). Exact matches only.
    func accountID(for name: String) async throws -> String {
        let found = try await people.id(for: name) { name in
            let query = JiraAPI.encode(name)
            let path = project.map { "/rest/api/3/user/assignable/search?project=\(JiraAPI.encode($0))&query=\(query)&maxResults=50" }
                ?? "/rest/api/3/user/search?query=\(query)&maxResults=50"
            return (try await api.get(path).array ?? []).compactMap(person)
        }
        guard let found else {
            throw TrackerError.unsupported(code: "assignee-unknown",
                message: "no Jira user\(project.map { " assignable in \($0)" } ?? "") is named '\(name)': use their email or display name as Jira shows it")
        }
        return found
    }

    private func person(_ user: JSONValue) -> Person? {
        guard let id = user["accountId"]?.string else { return nil }
        return Person(id: id, displayName: user["displayName"]?.string, email: user["emailAddress"]?.string.flatMap { $0.isEmpty ? nil : $0 })
    }
}
