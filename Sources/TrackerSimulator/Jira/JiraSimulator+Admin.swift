import Foundation
import JSON

/// The admin API's Jira side. Items are IssueBeans with all fields and all properties, with the neutral members
/// (`JiraAdminItem`) laid over them. Besides the neutral members a body may use Jira's own shape:
///
///     POST  /_simulator/items        {"fields": {project {key}, summary, description (ADF), issuetype {name},
///                                     labels, priority {name}, assignee/reporter {accountId} or {emailAddress},
///                                     parent {key}}, "status": "In Progress", "properties": {"k": value}}
///                                    project defaults to the first one, issuetype to Task, reporter to a colleague
///     PATCH /_simulator/items/{key}  {"fields": {…any of the above…}, "status": "Done", "properties": {…},
///                                     "comment": "…"}: as a remote user; a comment only moves `updated`
///     POST  /_simulator/setup        {"projects": [{"key": "ENG", "name": "Engineering"}],
///                                     "users": [{"accountId", "displayName", "emailAddress"}],
///                                     "timeZone": "Europe/Berlin", "email": "token user's email"}
extension JiraSimulator {
    func adminListItems(baseURL: String) -> SimResponse {
        var items: [[String: Any]] = []
        for (p, project) in store.projects.enumerated().sorted(by: { $0.element.key < $1.element.key }) {
            for i in project.issues.indices { items.append(adminItem(.init(project: p, issue: i), site: baseURL)) }
        }
        return .json(200, items)
    }

    func adminAddItem(_ body: Data, baseURL: String) -> SimResponse {
        do {
            let request = try AdminRequest(body, neutral: JiraAdminItem.nativeBody(body, store: store, current: nil))
            let input = JiraIssueInput(store: store, mode: .adminCreate)
            let values = try input.read(request.issueBody)
            let statusID = try request.statusID(in: values.project.map { store.projects[$0].workflow })
            let reporter = store.remoteAccountID
            var draft = try draft(values, input: input, creator: reporter, reporter: reporter)
            draft.statusID = statusID
            draft.properties.merge(request.properties) { _, new in new }
            values.newUsers.forEach { store.upsertUser($0) }
            let location = store.createIssue(draft)
            return .json(201, adminItem(location, site: baseURL))
        } catch {
            return error.response
        }
    }

    func adminChangeItem(key: String, _ body: Data, baseURL: String) -> SimResponse {
        guard let location = store.locate(key) else { return Self.adminError(404, "no item \(key)") }
        do {
            let request = try AdminRequest(body, neutral: JiraAdminItem.nativeBody(body, store: store, current: location))
            let input = JiraIssueInput(store: store, mode: .adminEdit)
            let values = try input.read(request.issueBody)
            var edit = try edit(values, input: input, at: location)
            edit.statusID = try request.statusID(in: store.projects[location.project].workflow)
            edit.properties.merge(request.properties) { _, new in new }
            values.newUsers.forEach { store.upsertUser($0) }
            store.apply(edit, to: location)
            if request.comment { store.touch(location) }
            return .json(200, adminItem(location, site: baseURL))
        } catch {
            return error.response
        }
    }

    func adminDeleteItem(key: String) -> SimResponse {
        guard let location = store.locate(key) else { return Self.adminError(404, "no item \(key)") }
        store.deleteIssue(id: store[location].id)
        return .empty(204)
    }

    func adminSetup(_ body: Data) -> SimResponse {
        guard let setup = try? JSONValue(parsing: body), setup.object != nil else {
            return Self.adminError(400, "expected a JSON object")
        }
        if let zone = setup["timeZone"] {
            guard let name = zone.string, TimeZone(identifier: name) != nil else {
                return Self.adminError(400, "\"timeZone\" must be a time zone identifier such as Europe/Berlin")
            }
            store.timeZone = name
            store.revision += 1
        }
        for entry in setup["projects"]?.array ?? [] {
            guard let key = entry.string ?? entry["key"]?.string,
                  (try? store.ensureProject(key: key, name: entry["name"]?.string)) != nil else {
                return Self.adminError(400, "a project key is an uppercase letter, then uppercase letters, digits or _ (2-10)")
            }
        }
        for entry in setup["users"]?.array ?? [] {
            guard let accountID = entry["accountId"]?.string, !accountID.isEmpty else {
                return Self.adminError(400, "each user needs an \"accountId\"")
            }
            let name = entry["displayName"]?.string ?? accountID
            store.upsertUser(JiraStore.User(accountId: accountID, displayName: name,
                                            emailAddress: entry["emailAddress"]?.string ?? "\(accountID)@example.com",
                                            active: entry["active"]?.bool ?? true))
        }
        if let email = setup["email"]?.string {
            var user = store.tokenUser
            user.emailAddress = email
            store.upsertUser(user)
        }
        return .empty(204)
    }

    func setRequestBudget(remaining: Int, resetInSeconds: Int?) {
        rateLimit.set(remaining: remaining, resetInSeconds: resetInSeconds)
    }

    func reset() {
        store = store.restarted(from: initial)
        searchCache.clear()
        rateLimit = JiraRateLimit()
    }

    func clock(_ move: ClockMove?) -> Date { store.moveClock(move) }

    func snapshot(ifNewerThan revision: Int) -> (revision: Int, data: Data)? {
        store.snapshot(ifNewerThan: revision)
    }

    // MARK: Helpers

    private func adminItem(_ location: JiraStore.Location, site: String) -> [String: Any] {
        let renderer = renderer(site)
        let properties = store[location].properties.keys.sorted()
        var json = JSONWriter()
        renderer.issue(location, fields: .all, properties: properties, to: &json)
        return JiraAdminItem.view(location, in: store, native: json.bytes)
    }

    static func adminError(_ status: Int, _ message: String) -> SimResponse { .json(status, ["message": message]) }
}

/// An admin item body: the issue part (`fields`) in Jira's own shape, plus a direct `status`, a `properties` map and
/// a `comment` flag; the neutral members come in as `neutral` (the same shape, from `JiraAdminItem`) and fill what
/// the Jira-shaped members leave open.
private struct AdminRequest {
    var issueBody: JSONValue
    var status: String?
    var properties: [String: String] = [:]
    var comment = false

    init(_ data: Data, neutral: Data?) throws(JiraError) {
        try self.init(data)
        guard let neutral else { return }
        let extra = try AdminRequest(neutral)
        status = status ?? extra.status
        let given = issueBody["fields"]?.object ?? JSONObject()
        let added = (extra.issueBody["fields"]?.object ?? JSONObject()).filter { member in !given.contains(key: member.key) }
        var members = (issueBody.object ?? JSONObject()).filter { $0.key != "fields" }.map { ($0.key, $0.value) }
        members.append(("fields", .object(JSONObject(given.map { ($0.key, $0.value) } + added.map { ($0.key, $0.value) }))))
        issueBody = .object(JSONObject(members))
    }

    private init(_ data: Data) throws(JiraError) {
        guard let body = try? JSONValue(parsing: data), let members = body.object else { throw JiraErrors.invalidPayload }
        var issueMembers: [(String, JSONValue)] = []
        for (name, value) in members {
            switch name {
            case "fields", "update": issueMembers.append((name, value))
            case "status":
                guard let text = value.string else { throw JiraError.field("status", "\"status\" must be a status name") }
                status = text
            case "properties":
                guard let map = value.object else { throw JiraError.field("properties", "\"properties\" must be an object") }
                for (key, value) in map { properties[key] = try JiraIssueInput.propertyValue(value, key: key) }
            case "comment":
                comment = !value.isNull && value.bool != false
            case let name where NeutralItemInput.memberNames.contains(name):
                continue
            default:
                throw JiraError.message("Unknown member '\(name)': use the neutral members, or fields, update, status, properties or comment.")
            }
        }
        issueBody = .object(JSONObject(issueMembers))
    }

    func statusID(in workflow: JiraWorkflow?) throws(JiraError) -> String? {
        guard let status else { return nil }
        guard let found = workflow?.status(named: status) else {
            throw JiraError.field("status", "The status '\(status)' is not in the project's workflow.")
        }
        return found.id
    }
}
