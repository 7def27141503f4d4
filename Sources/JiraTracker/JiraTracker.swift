import ADF
import Foundation
import JSON
import Synchronization
import Trackers
import WorkItems

/// Jira Cloud over REST v3. Keys are `PROJ-123`; descriptions travel as ADF and are markdown locally.
public struct JiraTracker: Tracker {
    public let integrationName = "jira"
    public let displayName = "Jira"

    /// The issue property that carries this tool's create marker; set in the create request itself, so an issue
    /// never exists without it.
    static let propertyKey = "git-sync-work-items"
    static let fields = ["summary", "description", "status", "priority", "issuetype", "labels", "assignee", "reporter",
                         "parent", "project", "created", "updated"]

    let api: JiraAPI
    let project: String?
    let browseURL: String
    let mapping: JiraMapping
    let directory: JiraDirectory

    public init(settings: TrackerSettings) throws(TrackerError) {
        guard let base = Self.baseURL(settings) else {
            throw .configuration("no Jira site: set jira.site (your <site>.atlassian.net name or an https URL) in .accelerator/config.md")
        }
        guard let email = settings.value("jira.email") else {
            throw .configuration("no Jira account email: set jira.email in .accelerator/config.local.md (Jira's API tokens go with the account's email)")
        }
        guard let token = settings.token else {
            throw .configuration("no Jira API token: set ACCELERATOR_JIRA_TOKEN, or jira.token in .accelerator/config.local.md")
        }
        let project = settings.value("work.default_project_code")
        if let project, !project.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) {
            throw .configuration("work.default_project_code is '\(project)': use the Jira project key (e.g. ENG)")
        }
        api = JiraAPI(baseURL: base, email: email, token: token, concurrency: settings.writeConcurrency)
        self.project = project?.uppercased()
        browseURL = (settings.value("jira.site").flatMap { Self.siteURL($0) } ?? base) + "/browse/"
        mapping = JiraMapping(settings: settings)
        directory = JiraDirectory(api: api, project: self.project, zoneCache: JiraZoneCache(
            file: settings.cacheDirectory?.appendingPathComponent(JiraZoneCache.fileName), account: "\(base) \(email)"))
    }

    /// `jira.api_url` (Data Center, the simulator) wins; else `jira.site` as `acme`, `acme.atlassian.net` or an https URL.
    static func baseURL(_ settings: TrackerSettings) -> String? {
        if let api = settings.value("jira.api_url") { return api.trimmingCharacters(in: CharacterSet(charactersIn: "/")) }
        return settings.value("jira.site").flatMap(siteURL)
    }

    static func siteURL(_ site: String) -> String? {
        let trimmed = site.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        if trimmed.hasPrefix("https://") { return trimmed }
        if trimmed.contains("://") { return nil }
        return trimmed.contains(".") ? "https://\(trimmed)" : "https://\(trimmed).atlassian.net"
    }

    public func itemNoun(for content: WorkItemContent) -> String {
        let type = mapping.issueType(for: content.kind)
        return ("AEIOU".contains(type.first ?? "x") ? "an " : "a ") + type
    }

    public func representable(_ content: WorkItemContent) -> WorkItemContent {
        var out = content
        out.description = ADFConverter.markdown(fromADF: ADFConverter.document(fromMarkdown: content.description).document)
        out.status = content.status.map(mapping.representableStatus)
        out.priority = content.priority.flatMap(mapping.representablePriority)
        out.kind = mapping.representableKind(content.kind)
        out.tags = content.tags.map(JiraMapping.label(for:))
        out.assignee = content.assignee.map { directory.pulledName(forLocal: $0) }
        out.parent = content.parent.flatMap { JQL.isIssueKey($0) ? $0 : nil }
        return out
    }

    public func matches(_ item: RemoteItem, filter: DiscoveryFilter) -> Bool {
        if !filter.all, let project = filter.projectCode, JQL.project(ofKey: item.key) != project.uppercased() { return false }
        let labels = Set(item.content.tags.map { $0.lowercased() })
        if !filter.labels.allSatisfy({ labels.contains(JiraMapping.label(for: $0).lowercased()) }) { return false }
        if let who = filter.assignee, !directory.isSamePerson(who, as: item.content.assignee) { return false }
        if let state = filter.state?.lowercased(), state != "all" {
            let status = item.content.status ?? ""
            switch state {
            case "open": if mapping.category(for: status) == .done { return false }
            case "closed", "done": if mapping.category(for: status) != .done { return false }
            default: if status != state && status != mapping.localStatus(jiraName: state, category: nil) { return false }
            }
        }
        return true
    }

    // MARK: Reading

    /// One query for tracked and discovered issues alike. Its dates are in the token user's zone: the zone the
    /// last run was told is used at once while Jira is asked again alongside, and the search repeated only when it
    /// changed, so an incremental read costs one round trip.
    public func read(_ request: RemoteReadRequest) async throws -> RemoteReadResult {
        let before = api.requestCount
        var search = searcher
        search.progress = request.progress
        let items: [RemoteItem]
        if request.since == nil && request.discoverySince == nil {
            items = try await search.all(try await readQuery(request, zone: nil))
        } else if let guess = directory.cachedTimeZone() {
            async let asked = directory.timeZone()
            let guessed = try await search.all(try await readQuery(request, zone: guess))
            let zone = try await asked
            items = zone.identifier == guess.identifier ? guessed : try await search.all(try await readQuery(request, zone: zone))
        } else {
            items = try await search.all(try await readQuery(request, zone: try await directory.timeZone()))
        }
        return RemoteReadResult(items: items, requestCount: api.requestCount - before)
    }

    /// Tracked issues changed since the watermark OR the discovery candidates. The discovery clause is left out
    /// when the tracked one already holds it (the default project, no older issues wanted). `zone` writes the
    /// dates; nil when there are none.
    private func readQuery(_ request: RemoteReadRequest, zone: TimeZone?) async throws -> String {
        var projects = Set(request.trackedKeys.compactMap(JQL.project(ofKey:)))
        if let project { projects.insert(project) }
        if projects.isEmpty && !request.discovery.all {
            throw TrackerError.configuration("no Jira project: set work.default_project_code to your Jira project key in .accelerator/config.md")
        }
        var queries: [String] = []
        if !projects.isEmpty {
            var clauses = ["project in " + JQL.list(projects.sorted())]
            if let since = request.since { clauses.append("updated >= " + Self.dateLiteral(since, zone)) }
            queries.append(JQL.and(clauses))
        }
        let d = request.discovery
        let trackedHoldsDiscovery = !projects.isEmpty && !d.all && d.projectCode.map { projects.contains($0.uppercased()) } == true
            && request.changesSinceReachDiscovery
        if !trackedHoldsDiscovery { queries.append(try await discoveryQuery(request, zone: zone)) }
        return JQL.or(queries)
    }

    /// A JQL date a minute before `date`, in the token user's zone (rounded down, so `>=` never misses an issue).
    static func dateLiteral(_ date: Date, _ zone: TimeZone?) -> String {
        JQL.date(date.addingTimeInterval(-60), timeZone: zone ?? TimeZone(identifier: "UTC")!)
    }

    private func discoveryQuery(_ request: RemoteReadRequest, zone: TimeZone?) async throws -> String {
        let d = request.discovery
        var clauses: [String] = []
        if !d.all, let code = d.projectCode { clauses.append("project = " + JQL.quote(code.uppercased())) }
        for label in d.labels { clauses.append("labels = " + JQL.quote(JiraMapping.label(for: label))) }
        if let who = d.assignee {
            if ["me", "currentuser()", "@me"].contains(who.lowercased()) {
                clauses.append("assignee = currentUser()")
            } else {
                clauses.append("assignee = " + JQL.quote(try await directory.accountID(for: who)))
            }
        }
        if let state = d.state?.lowercased(), state != "all" {
            switch state {
            case "open": clauses.append("statusCategory != Done")
            case "closed", "done": clauses.append("statusCategory = Done")
            default: clauses.append("status = " + JQL.quote(mapping.jiraStatus(for: state)))
            }
        }
        if let since = request.discoverySince { clauses.append("updated >= " + Self.dateLiteral(since, zone)) }
        // Jira refuses unbounded queries; this bound holds every issue.
        if clauses.isEmpty { clauses.append("created >= \"1970-01-01\"") }
        return JQL.and(clauses)
    }

    private var searcher: JiraIssueSearch {
        JiraIssueSearch(api: api, fields: Self.fields, properties: [Self.propertyKey], convert: { self.remoteItem($0) })
    }

    /// Every issue `jql` matches.
    func search(_ jql: String) async throws -> [RemoteItem] {
        try await searcher.all(jql)
    }

    public func fetch(keys: [String]) async throws -> [RemoteItem] {
        try await searcher.issues(keys: keys.filter(JQL.isIssueKey))
    }

    func issue(_ key: String) async throws -> RemoteItem {
        try await searcher.issue(key)
    }

    public func findCreated(marker: SyncMarker, createdAfter: Date) async throws -> RemoteItem? {
        var clauses = ["reporter = currentUser()", "created >= " + JQL.date(createdAfter.addingTimeInterval(-60), timeZone: try await directory.timeZone())]
        if let project { clauses.insert("project = " + JQL.quote(project), at: 0) }
        return try await search(JQL.and(clauses)).first { $0.marker == marker }
    }

    // MARK: Writing

    public func create(_ content: WorkItemContent, marker: SyncMarker) async throws -> RemoteItem {
        guard let project else {
            throw TrackerError.configuration("no Jira project to create issues in: set work.default_project_code in .accelerator/config.md")
        }
        var write = try await writableFields(content, previous: nil)
        write.fields["project"] = ["key": .string(project)]
        write.fields["issuetype"] = ["name": .string(mapping.issueType(for: content.kind))]
        let body: JSONValue = ["fields": .object(write.fields),
                               "properties": [["key": .string(Self.propertyKey), "value": ["marker": .string(marker.value)]]]]
        let created: JSONValue?
        do {
            created = try await api.send("POST", "/rest/api/3/issue", body: body, idempotent: false)
        } catch TrackerError.rejected(let message) {
            throw TrackerError.rejected("\(message) (creating \"\(content.title)\" in \(project))")
        }
        guard let key = created?["key"]?.string else {
            throw TrackerError.outcomeUnknown("Jira created an issue but its answer could not be read; run the sync again to find it")
        }
        return try await readBack(key, status: content.status, notices: write.notices)
    }

    /// One request when fields change: the edit answers with the issue as it now is (`returnIssue=true`), so
    /// nothing is read back unless the status must move too.
    public func update(key: String, to content: WorkItemContent, previous: WorkItemContent?) async throws -> RemoteItem {
        guard JQL.isIssueKey(key) else { throw TrackerError.notFound("\(key) is not a Jira issue key (PROJ-123)") }
        let write = try await writableFields(content, previous: previous)
        let edited: RemoteItem
        if write.fields.isEmpty {
            edited = try await issue(key)
        } else {
            let answer = try await api.send("PUT", "/rest/api/3/issue/\(JiraAPI.encode(key))?returnIssue=true",
                body: ["fields": .object(write.fields)])
            guard let answer, let item = remoteItem(answer) else {
                throw TrackerError.unavailable("Jira's answer to the edit of \(key) could not be read")
            }
            edited = item
        }
        var item = try await moveStatus(of: edited, to: content.status)
        item.notices = write.notices
        return item
    }

    /// The issue as Jira now has it, moved to `status` first when it is elsewhere.
    private func readBack(_ key: String, status: String?, notices: [String]) async throws -> RemoteItem {
        var item = try await moveStatus(of: try await issue(key), to: status)
        item.notices = notices
        return item
    }

    /// The fields to send — everything on create, only what differs from the last synced content on update, so a
    /// change made in Jira to a field we did not touch survives — and what they could not carry exactly.
    private func writableFields(_ content: WorkItemContent, previous: WorkItemContent?) async throws -> (fields: JSONObject, notices: [String]) {
        var fields: JSONObject = [:]
        var notices: [String] = []
        let new = content.normalised()
        let old = previous?.normalised()
        func changed<T: Equatable>(_ path: KeyPath<WorkItemContent, T>) -> Bool { old.map { $0[keyPath: path] != new[keyPath: path] } ?? true }
        if changed(\.title) { fields["summary"] = .string(content.title) }
        if changed(\.description) {
            let conversion = ADFConverter.document(fromMarkdown: content.description)
            fields["description"] = conversion.document
            notices += conversion.notices
        }
        if previous != nil, changed(\.kind) {
            fields["issuetype"] = ["name": .string(mapping.issueType(for: content.kind))]
        }
        if changed(\.tags) {
            fields["labels"] = .array(content.tags.map { .string(JiraMapping.label(for: $0)) })
            for tag in content.tags where JiraMapping.label(for: tag) != tag {
                notices.append("tag '\(tag)' sent as label '\(JiraMapping.label(for: tag))' (Jira labels cannot hold spaces)")
            }
        }
        if changed(\.priority), let priority = content.priority {
            if let name = mapping.priorityName(for: priority) {
                fields["priority"] = ["name": .string(name)]
            } else {
                notices.append("priority '\(priority)' has no Jira priority: set jira.priority_map.\(priority)")
            }
        }
        if changed(\.assignee) {
            if let who = content.assignee {
                fields["assignee"] = ["accountId": .string(try await directory.accountID(for: who))]
            } else if previous != nil {
                fields["assignee"] = ["accountId": .null]
            }
        }
        if changed(\.parent), let parent = content.parent, JQL.isIssueKey(parent) { fields["parent"] = ["key": .string(parent)] }
        return (fields, notices)
    }

    /// Moves the issue through its workflow to the status `local` asks for: the transition whose target has that
    /// name, else one whose target is in the same status category.
    private func moveStatus(of item: RemoteItem, to local: String?) async throws -> RemoteItem {
        guard let local, let current = item.content.status, mapping.representableStatus(local) != current else { return item }
        let wanted = mapping.jiraStatus(for: local)
        let path = "/rest/api/3/issue/\(JiraAPI.encode(item.key))/transitions"
        let transitions = try await api.get(path)["transitions"]?.array ?? []
        let byName = transitions.first { $0["to"]?["name"]?.string?.lowercased() == wanted.lowercased() }
        let category = mapping.category(for: local).rawValue
        // The category stands in only when the project has no status of the wanted name at all: a workflow that
        // has "Done" but cannot reach it from here must say so, not land in "Won't Do".
        var byCategory: JSONValue?
        if byName == nil, let project = JQL.project(ofKey: item.key), try await !directory.statusNames(in: project).contains(wanted.lowercased()) {
            byCategory = transitions.first { $0["to"]?["statusCategory"]?["key"]?.string == category }
        }
        guard let transition = byName ?? byCategory, let id = transition["id"]?.string else {
            throw TrackerError.unsupported(code: "transition-unavailable",
                message: "\(item.key): Jira's workflow offers no transition to '\(wanted)' from its current status; move it in Jira, or map the status with jira.status_map.\(local)")
        }
        try await api.send("POST", path, body: ["transition": ["id": .string(id)]], idempotent: false)
        return try await issue(item.key)
    }

    // MARK: JSON → RemoteItem

    func remoteItem(_ issue: JSONValue) -> RemoteItem? {
        guard let key = issue["key"]?.string, let fields = issue["fields"], let updated = fields["updated"]?.string else { return nil }
        let status = fields["status"]
        let category = status?["statusCategory"]?["key"]?.string.flatMap(JiraMapping.Category.init(rawValue:))
        let description = fields["description"].flatMap { $0.isNull ? nil : $0 }.map(ADFConverter.markdown(fromADF:)) ?? ""
        let assignee = fields["assignee"].flatMap { directory.remember($0) }
        let content = WorkItemContent(
            title: fields["summary"]?.string ?? "",
            description: description,
            status: status?["name"]?.string.map { mapping.localStatus(jiraName: $0, category: category) },
            priority: fields["priority"]?["name"]?.string.map(mapping.localPriority(jiraName:)),
            kind: fields["issuetype"]?["name"]?.string.map(mapping.localKind(issueType:)),
            tags: (fields["labels"]?.array ?? []).compactMap(\.string),
            assignee: assignee,
            parent: fields["parent"]?["key"]?.string)
        let marker = issue["properties"]?[Self.propertyKey]?["marker"]?.string.map(SyncMarker.init)
        return RemoteItem(key: key, updatedAt: updated, createdAt: fields["created"]?.string.map(Self.iso8601),
                          author: fields["reporter"]?["displayName"]?.string, url: browseURL + key,
                          content: content, marker: marker)
    }

    /// Jira's `2026-11-25T11:39:38.123+0100` as the ISO 8601 the work items use (`2026-11-25T11:39:38+01:00`): the
    /// same instant, without the fraction, with the colon in the offset. Done on the text, without a formatter: a
    /// formatter per issue cost more than the rest of reading it.
    static func iso8601(_ jira: String) -> String {
        let c = Array(jira.utf8)
        guard c.count >= 24, c[10] == UInt8(ascii: "T") else { return jira }
        var zone = 19
        if c[zone] == UInt8(ascii: ".") { zone += 1; while zone < c.count, (48...57).contains(c[zone]) { zone += 1 } }
        guard zone + 5 == c.count, [UInt8(ascii: "+"), UInt8(ascii: "-")].contains(c[zone]),
              c[(zone + 1)...].allSatisfy({ (48...57).contains($0) }) else { return jira }
        return String(decoding: c[0..<19], as: UTF8.self) + String(decoding: c[zone..<zone + 3], as: UTF8.self) + ":"
            + String(decoding: c[(zone + 3)...], as: UTF8.self)
    }
}
