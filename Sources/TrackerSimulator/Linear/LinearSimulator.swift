import Foundation
import JSON

/// A fake of Linear's GraphQL API (`POST /graphql`), shaped after Linear's own schema (`LinearSchema`): personal API
/// keys sent bare in `Authorization` and OAuth tokens as `Bearer`, documents parsed and validated like Linear's
/// server does (unknown fields and arguments are validation errors), Relay paging, filters, teams with workflow
/// states, team and workspace labels, users, priorities 0–4, parent issues, client-chosen issue ids, identifiers that
/// change when an issue moves team, archived and trashed issues, markdown descriptions re-rendered as Linear's editor
/// writes them, query complexity, and rate limits with Linear's headers and `RATELIMITED` answer.
actor LinearSimulator: SimulatedTracker {
    var store: LinearStore
    let initial: LinearStore
    var rateLimit = LinearRateLimit()
    private let service = GraphQLService(schema: LinearSchema.schema)

    static let endpoint = "/graphql"

    init(initial: LinearStore) {
        store = initial
        self.initial = initial
    }

    // MARK: Shared behaviour

    /// A personal API key comes as the whole `Authorization` value; an OAuth token (`lin_oauth_…`) as `Bearer <token>`.
    /// Linear refuses an API key sent as a Bearer token, and an OAuth token sent without `Bearer`.
    nonisolated func presentedToken(_ request: SimRequest) -> String? {
        guard let value = request.headers["authorization"]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        if value.lowercased().hasPrefix("bearer ") {
            let token = String(value.dropFirst(7)).trimmingCharacters(in: .whitespaces)
            return token.hasPrefix("lin_api_") ? nil : token
        }
        return value.hasPrefix("lin_oauth_") ? nil : value
    }

    nonisolated func unauthorizedResponse() -> SimResponse { LinearErrors.authentication() }

    nonisolated func faultResponse(status: Int, headers: [(String, String)], message: String?) -> SimResponse {
        LinearErrors.fault(status: status, headers: headers, message: message)
    }

    /// `/graphql#query:Issues`: which operation a request ran, for the request log and for faults aimed at one
    /// operation (every request goes to the same path).
    nonisolated func requestLabel(_ request: SimRequest) -> String {
        guard request.path == Self.endpoint, let operation = GraphQLRequestBody.operationLabel(request.body) else { return request.pathAndQuery }
        return request.pathAndQuery + "#" + operation
    }

    // MARK: The API

    func handle(_ request: SimRequest, baseURL: String) -> SimResponse {
        guard request.path == Self.endpoint else {
            return LinearErrors.request(status: 404, [GraphQLError(message: "Cannot \(request.method) \(request.path)")])
        }
        guard request.method == "POST" else {
            return LinearErrors.request(status: 405, [GraphQLError(message: "GraphQL requests are POSTs to \(Self.endpoint)")])
        }
        guard (request.headers["content-type"] ?? "").lowercased().hasPrefix("application/json") else {
            return LinearErrors.request(status: 415, [GraphQLError(message: "The request's Content-Type must be application/json")])
        }
        let body: GraphQLRequestBody
        do { body = try GraphQLRequestBody(request.body) } catch {
            return LinearErrors.badRequest([GraphQLError(message: error.message)], code: "BAD_REQUEST")
        }
        let prepared: GraphQLService.Prepared
        switch service.prepare(body) {
        case .success(let ready): prepared = ready
        case .failure(let failure): return LinearErrors.badRequest(failure.errors, code: failure.code)
        }
        let cost = LinearComplexity.of(prepared, schema: service.schema)
        guard cost <= LinearComplexity.maximum else { return LinearErrors.tooComplex(cost, maximum: LinearComplexity.maximum) }
        let now = store.now
        let (allowed, headers) = rateLimit.admit(cost: cost, now: now)
        guard allowed else { return LinearErrors.rateLimited(headers: headers) }

        let world = LinearWorld(store: store, now: now)
        let isMutation = prepared.operation.kind == .mutation
        // A mutation's world holds the only reference to the store: a second one here made every mutation copy all
        // of its issues (10,000 in the bench) before changing one.
        if isMutation { store = LinearStore() }
        let root: any GraphQLObjectValue = isMutation ? LinearMutationRoot(world: world) : LinearQueryRoot(world: world)
        let answer = service.execute(prepared, root: root)
        if isMutation { store = world.store }
        return .json(answer.status, bytes: answer.body, headers: headers)
    }

    // MARK: Admin API

    func adminListItems(baseURL: String) -> SimResponse {
        .json(200, store.allIssues.map { LinearAdminItem.view($0, in: store) })
    }

    func adminAddItem(_ body: Data, baseURL: String) -> SimResponse {
        do {
            let item = try LinearAdminItem(body)
            var changed = store
            let issue = try item.create(in: &changed)
            store = changed
            return .json(201, LinearAdminItem.view(store.issue(id: issue.id) ?? issue, in: store))
        } catch {
            return Self.adminError(400, error.message)
        }
    }

    func adminChangeItem(key: String, _ body: Data, baseURL: String) -> SimResponse {
        guard let issue = store.issue(idOrIdentifier: key) else { return Self.adminError(404, "no item \(key)") }
        do {
            let item = try LinearAdminItem(body)
            var changed = store
            try item.change(issue.id, in: &changed)
            store = changed
            return .json(200, LinearAdminItem.view(store.issue(id: issue.id) ?? issue, in: store))
        } catch {
            return Self.adminError(400, error.message)
        }
    }

    func adminDeleteItem(key: String) -> SimResponse {
        guard let issue = store.issue(idOrIdentifier: key) else { return Self.adminError(404, "no item \(key)") }
        store.remove(issue.id)
        return .empty(204)
    }

    /// `{"teams": [{"key", "name"}], "users": [{"name", "displayName", "email", "admin"}], "labels": [{"name", "team",
    /// "color", "group"}], "viewer": "email of the token's user"}`.
    func adminSetup(_ body: Data) -> SimResponse {
        guard let setup = try? JSONValue(parsing: body), setup.object != nil else { return Self.adminError(400, "expected a JSON object") }
        var changed = store
        for entry in setup["teams"]?.array ?? [] {
            guard let key = entry.string ?? entry["key"]?.string, (try? /[A-Z][A-Z0-9]{0,6}/.wholeMatch(in: key)) != nil else {
                return Self.adminError(400, "a team key is an uppercase letter, then up to 6 uppercase letters or digits")
            }
            _ = changed.ensureTeam(key: key, name: entry["name"]?.string)
        }
        for entry in setup["users"]?.array ?? [] {
            guard let email = entry["email"]?.string, email.contains("@") else { return Self.adminError(400, "each user needs an \"email\"") }
            let name = entry["name"]?.string ?? String(email.prefix { $0 != "@" })
            changed.addUser(name: name, displayName: entry["displayName"]?.string ?? name, email: email,
                            admin: entry["admin"]?.bool ?? false)
        }
        for entry in setup["labels"]?.array ?? [] {
            guard let name = entry["name"]?.string ?? entry.string else { return Self.adminError(400, "each label needs a \"name\"") }
            var teamID: String?
            if let key = entry["team"]?.string {
                guard let team = changed.team(key: key) else { return Self.adminError(400, "no team \(key)") }
                teamID = team.id
            }
            let id = changed.addLabel(name: name, color: entry["color"]?.string ?? "#95a2b3", teamID: teamID)
            if let group = entry["group"]?.string {
                let parent = changed.labels.first { $0.name == group && $0.isGroup && $0.teamID == teamID }?.id
                    ?? changed.addLabel(name: group, teamID: teamID)
                changed.setLabelGroup(id, parent: parent)
            }
        }
        if let viewer = setup["viewer"]?.string {
            guard let user = changed.user(named: viewer) else { return Self.adminError(400, "no user \(viewer) to be the viewer") }
            changed.viewerID = user.id
            changed.revision += 1
        }
        store = changed
        return .empty(204)
    }

    func setRequestBudget(remaining: Int, resetInSeconds: Int?) {
        rateLimit.setBudget(remaining: remaining, resetInSeconds: resetInSeconds)
    }

    func reset() {
        store = store.restarted(from: initial)
        rateLimit = LinearRateLimit()
    }

    func clock(_ move: ClockMove?) -> Date { store.moveClock(move) }

    func snapshot(ifNewerThan revision: Int) -> (revision: Int, data: Data)? {
        store.snapshot(ifNewerThan: revision)
    }

    static func adminError(_ status: Int, _ message: String) -> SimResponse { .json(status, ["message": message]) }
}
