import Foundation

/// The site's metadata: the current user, projects, statuses, priorities, issue types, users, labels, fields.
extension JiraSimulator {
    func myself(site: String) -> SimResponse {
        let renderer = renderer(site)
        let user = store.tokenUser
        return Self.json(200) { renderer.user(user, to: &$0, locale: true) }
    }

    func project(_ idOrKey: String, site: String) throws(JiraError) -> SimResponse {
        let project = store.projects[try projectIndex(idOrKey)]
        let renderer = renderer(site)
        return Self.json(200) { renderer.projectDetails(project, to: &$0) }
    }

    /// Per issue type, the statuses of the project's workflow (one workflow for all types here).
    func projectStatuses(_ idOrKey: String, site: String) throws(JiraError) -> SimResponse {
        let project = store.projects[try projectIndex(idOrKey)]
        let renderer = renderer(site)
        return Self.json(200) { json in
            json.array { json in
                for type in JiraCatalog.issueTypes {
                    json.object { json in
                        json.key("self"); json.string("\(renderer.api)/issuetype/\(type.id)")
                        json.key("id"); json.string(type.id)
                        json.key("name"); json.string(type.name)
                        json.key("subtask"); json.bool(type.isSubtask)
                        json.key("statuses")
                        json.array { json in for status in project.workflow.statuses { renderer.status(status, to: &json) } }
                    }
                }
            }
        }
    }

    func priorities(site: String) -> SimResponse {
        let renderer = renderer(site)
        return Self.json(200) { json in
            json.array { json in for priority in JiraCatalog.priorities { renderer.priorityDetails(priority, to: &json) } }
        }
    }

    func issueTypes(site: String) -> SimResponse {
        let renderer = renderer(site)
        return Self.json(200) { json in
            json.array { json in for type in JiraCatalog.issueTypes { renderer.issueType(type, to: &json) } }
        }
    }

    /// `?projectId=10000[&level=-1|0|1]`.
    func projectIssueTypes(_ request: SimRequest, site: String) throws(JiraError) -> SimResponse {
        let query = request.query
        guard let text = query.last(where: { $0.name == "projectId" })?.value, Int(text) != nil else {
            throw .message("The projectId parameter is required and must be a number.")
        }
        guard store.projects.contains(where: { String($0.id) == text }) else {
            throw .message("No project could be found with id '\(text)'.", status: 404)
        }
        let level = query.last { $0.name == "level" }.flatMap { Int($0.value) }
        let types = JiraCatalog.issueTypes.filter { level == nil || $0.hierarchyLevel == level }
        let renderer = renderer(site)
        return Self.json(200) { json in
            json.array { json in for type in types { renderer.issueType(type, to: &json) } }
        }
    }

    func statuses(site: String) -> SimResponse {
        var seen = Set<String>()
        let statuses = store.projects.flatMap(\.workflow.statuses).filter { seen.insert($0.id).inserted }
        let renderer = renderer(site)
        return Self.json(200) { json in
            json.array { json in for status in statuses { renderer.status(status, to: &json) } }
        }
    }

    /// `?query=` matches the start of the display name, of any word in it, or of the email address, ignoring
    /// case; `?accountId=` matches exactly. One of them is required, not both.
    func userSearch(_ request: SimRequest, site: String) throws(JiraError) -> SimResponse {
        let users = try matchingUsers(request.query)
        return userList(users, request.query, site: site)
    }

    /// `?project=KEY` (or `issueKey`/`issueId`) and `?query=`: every active user may be assigned here.
    func assignableUsers(_ request: SimRequest, site: String) throws(JiraError) -> SimResponse {
        let query = request.query
        if let project = query.last(where: { $0.name == "project" })?.value {
            _ = try projectIndex(project)
        } else if let issue = query.last(where: { $0.name == "issueKey" || $0.name == "issueId" })?.value {
            _ = try locate(issue)
        } else {
            throw .message("One of project, issueKey or issueId is required.")
        }
        let users = try matchingUsers(query).filter(\.active)
        return userList(users, query, site: site)
    }

    func labels(_ request: SimRequest) -> SimResponse {
        let query = request.query
        let startAt = max(0, query.last { $0.name == "startAt" }.flatMap { Int($0.value) } ?? 0)
        let maxResults = max(1, min(1000, query.last { $0.name == "maxResults" }.flatMap { Int($0.value) } ?? 1000))
        let all = Set(store.projects.flatMap { $0.issues.flatMap(\.labels) }).sorted()
        let page = all.dropFirst(startAt).prefix(maxResults)
        return Self.json(200) { json in
            json.object { json in
                json.key("maxResults"); json.int(maxResults)
                json.key("startAt"); json.int(startAt)
                json.key("total"); json.int(all.count)
                json.key("isLast"); json.bool(startAt + page.count >= all.count)
                json.key("values"); json.array { json in for label in page { json.string(label) } }
            }
        }
    }

    func fields() -> SimResponse {
        Self.json(200) { json in
            json.array { json in
                for field in JiraCatalog.fields {
                    json.object { json in
                        json.key("id"); json.string(field.id)
                        json.key("key"); json.string(field.id)
                        json.key("name"); json.string(field.name)
                        json.key("custom"); json.bool(false)
                        json.key("orderable"); json.bool(field.orderable)
                        json.key("navigable"); json.bool(true)
                        json.key("searchable"); json.bool(field.searchable)
                        json.key("clauseNames"); json.array { json in for name in field.clauseNames { json.string(name) } }
                        json.key("schema")
                        json.object { json in
                            json.key("type"); json.string(field.schemaType)
                            if let items = field.items { json.key("items"); json.string(items) }
                            json.key("system"); json.string(field.id)
                        }
                    }
                }
            }
        }
    }

    // MARK: Helpers

    func projectIndex(_ idOrKey: String) throws(JiraError) -> Int {
        guard let index = store.projectIndex(idOrKey: idOrKey) else { throw JiraErrors.projectNotFound(idOrKey) }
        return index
    }

    private func matchingUsers(_ query: [(name: String, value: String)]) throws(JiraError) -> [JiraStore.User] {
        let text = query.last { $0.name == "query" }?.value
        let accountID = query.last { $0.name == "accountId" }?.value
        switch (text, accountID) {
        case (nil, nil): throw .message("The query parameter 'query' or 'accountId' is required.")
        case (_?, _?): throw .message("The query parameters 'query' and 'accountId' cannot be combined.")
        case (nil, let accountID?): return store.users.filter { $0.accountId == accountID }
        case (let text?, nil):
            let wanted = text.lowercased()
            return store.users.filter { user in
                let name = user.displayName.lowercased()
                return name.hasPrefix(wanted) || user.emailAddress.lowercased().hasPrefix(wanted)
                    || name.split(separator: " ").contains { $0.hasPrefix(wanted) }
            }
        }
    }

    private func userList(_ users: [JiraStore.User], _ query: [(name: String, value: String)], site: String) -> SimResponse {
        let startAt = max(0, query.last { $0.name == "startAt" }.flatMap { Int($0.value) } ?? 0)
        let maxResults = max(1, min(1000, query.last { $0.name == "maxResults" }.flatMap { Int($0.value) } ?? 50))
        let page = users.dropFirst(startAt).prefix(maxResults)
        let renderer = renderer(site)
        return Self.json(200) { json in
            json.array { json in for user in page { renderer.user(user, to: &json) } }
        }
    }
}
