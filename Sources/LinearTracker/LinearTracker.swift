import Foundation
import JSON
import Trackers
import WorkItems

/// Linear over its GraphQL API. Keys are identifiers (`ENG-42`); each item also carries the issue's UUID
/// (`remoteID`), which stays when the issue moves team and its identifier changes.
public struct LinearTracker: Tracker {
    public let integrationName = "linear"
    public let displayName = "Linear"

    /// Issues per page: Linear's maximum, well below its complexity limit for the fields asked.
    static let pageSize = 250
    /// Keys per bulk lookup.
    static let keyChunk = 100
    /// Subtracted from `since`: Linear's clock and ours differ, and an issue written at the boundary must be read.
    static let overlap: TimeInterval = 60

    let api: LinearAPI
    let mapping: LinearMapping
    let directory: LinearDirectory
    let reader: LinearIssueReader
    let listing: LinearListing
    let writer: LinearIssueWriter
    let descriptions: RemoteMarkdownSpellings
    /// The team key new issues go to and untracked ones come from (`work.default_project_code`), when known.
    let teamKey: String?

    public init(settings: TrackerSettings) throws(TrackerError) {
        try self.init(settings: settings, pacer: LinearPacer())
    }

    /// `pacer` and `sleep` are the clock a test replaces.
    init(settings: TrackerSettings, pacer: LinearPacer,
         sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }) throws(TrackerError) {
        guard let token = settings.token else {
            throw .configuration("no Linear API key: set ACCELERATOR_LINEAR_TOKEN or LINEAR_API_KEY, or linear.token in .accelerator/config.local.md")
        }
        let project = settings.value("work.default_project_code")
        let pinned = settings.value("linear.team_id")
        for (name, value) in [("work.default_project_code", project), ("linear.team_id", pinned)] {
            guard let value else { continue }
            guard LinearDirectory.looksLikeID(value) || value.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
                throw .configuration("\(name) is '\(value)': use the Linear team key (like ENG) or, for linear.team_id, the team's id")
            }
        }
        let mapping = LinearMapping(settings: settings)
        if let bad = mapping.invalidPriorities.first {
            throw .configuration("linear.priority_map.\(bad) is not a Linear priority: use urgent, high, medium, low, none or 0-4")
        }
        api = LinearAPI(apiURL: settings.value("linear.api_url"), credential: LinearCredential(token), concurrency: settings.writeConcurrency,
                        pacer: pacer, sleep: sleep)
        self.mapping = mapping
        teamKey = (pinned.flatMap { LinearDirectory.looksLikeID($0) ? nil : $0 } ?? project)?.uppercased()
        directory = LinearDirectory(api: api, teamSelector: pinned ?? project?.uppercased(),
                                    createLabels: settings.value("linear.create_labels")?.lowercased() != "false")
        descriptions = RemoteMarkdownSpellings()
        reader = LinearIssueReader(mapping: mapping, directory: directory, descriptions: descriptions, stateTypes: LinearStateTypes())
        listing = LinearListing(api: api, pageSize: Self.pageSize, ranges: settings.writeConcurrency)
        writer = LinearIssueWriter(mapping: mapping, directory: directory, api: api)
    }

    public func itemNoun(for content: WorkItemContent) -> String {
        content.kind.flatMap(mapping.kindLabel(for:)).map { "an issue labelled \($0)" } ?? "an issue"
    }

    // MARK: Reading

    public func read(_ request: RemoteReadRequest) async throws -> RemoteReadResult {
        let before = api.requestCount
        let scope = try await scopeTeamKey()
        let teams = scopeTeams(request.trackedKeys, scope: scope)
        let followIDs = Set(request.remoteIDs.values)
        var filter: JSONObject = [:]
        if let since = request.since {
            filter["updatedAt"] = ["gt": .string(Self.format(since.addingTimeInterval(-Self.overlap)))]
        }
        // Reading by team would miss a tracked issue that moved to another team; its id is how it is followed, so a
        // read of what changed since the last sync asks every team when there are ids to follow.
        // Discovery that takes every issue of every team reads them in the same listing, not in a second one.
        if (request.since == nil || followIDs.isEmpty) && !Self.discoversEveryIssue(request) {
            guard !teams.isEmpty || request.discovery.all else {
                throw TrackerError.configuration("no Linear team: set work.default_project_code to your team key (like ENG) in .accelerator/config.md")
            }
            if !teams.isEmpty { filter["team"] = ["key": ["in": .array(teams.map { .string($0) })]] }
        }
        var items = try await issues(filter, request: request)
        if !Self.covers(request, teamFilter: filter["team"] == nil ? nil : teams, scope: scope) {
            let seen = Set(items.map(\.key))
            items += try await issues(discoveryFilter(request, scope: scope), request: request).filter { !seen.contains($0.key) }
        }
        return RemoteReadResult(items: items, requestCount: api.requestCount - before)
    }

    /// `--all` with nothing narrowing it, over a listing that reaches back as far as discovery has to.
    static func discoversEveryIssue(_ request: RemoteReadRequest) -> Bool {
        let discovery = request.discovery
        return discovery.all && discovery.labels.isEmpty && discovery.assignee == nil && discovery.state == nil
            && request.changesSinceReachDiscovery
    }

    /// Whether the listing of what changed since `request.since` (in `teams`; nil: every team) holds every discovery
    /// candidate too, so the engine can pick them out with `matches` and no second listing is read: it reaches back
    /// as far as discovery has to, and over every team discovery looks in.
    static func covers(_ request: RemoteReadRequest, teamFilter teams: [String]?, scope: String?) -> Bool {
        guard request.changesSinceReachDiscovery else { return false }
        guard let teams else { return true }
        let discovery = request.discovery
        guard !discovery.all, let team = discovery.projectCode ?? scope else { return false }
        return teams.contains(team.uppercased())
    }

    /// The team this repository syncs with, by key: as configured, or looked up (once) when it is pinned by id.
    private func scopeTeamKey() async throws -> String? {
        if let teamKey { return teamKey }
        guard let selector = directory.teamSelector, LinearDirectory.looksLikeID(selector) else { return nil }
        return try await directory.configuredTeam().key
    }

    /// The configured team and the teams of tracked keys.
    private func scopeTeams(_ tracked: Set<String>, scope: String?) -> [String] {
        var teams = Set(tracked.compactMap(Self.team(ofKey:)))
        if let scope { teams.insert(scope) }
        return teams.sorted()
    }

    static func team(ofKey key: String) -> String? {
        guard RemoteKeySyntax.projectAndNumber.matches(key), let dash = key.lastIndex(of: "-") else { return nil }
        return String(key[..<dash]).uppercased()
    }

    private func discoveryFilter(_ request: RemoteReadRequest, scope: String?) -> JSONObject {
        let d = request.discovery
        var parts: [JSONValue] = []
        if !d.all, let code = d.projectCode ?? scope { parts.append(["team": ["key": ["eqIgnoreCase": .string(code)]]]) }
        for label in d.labels {
            let names = [label] + [mapping.kindLabel(for: label)].compactMap { $0 }
            parts.append(["labels": ["some": ["or": .array(names.map { ["name": ["eqIgnoreCase": .string($0)]] })]]])
        }
        if let who = d.assignee {
            if ["me", "@me"].contains(who.lowercased()) {
                parts.append(["assignee": ["isMe": ["eq": true]]])
            } else {
                let match: JSONValue = ["eqIgnoreCase": .string(who)]
                parts.append(["assignee": ["or": [["email": match], ["displayName": match], ["name": match]]]])
            }
        }
        if let state = d.state?.lowercased(), state != "all" {
            switch state {
            case "open": parts.append(["state": ["type": ["nin": ["completed", "canceled"]]]])
            case "closed", "done": parts.append(["state": ["type": ["in": ["completed", "canceled"]]]])
            default: parts.append(["state": ["name": ["eqIgnoreCase": .string(mapping.stateName(for: state))]]])
            }
        }
        if let since = request.discoverySince {
            parts.append(["updatedAt": ["gt": .string(Self.format(since.addingTimeInterval(-Self.overlap)))]])
        }
        return parts.isEmpty ? [:] : ["and": .array(parts)]
    }

    /// Every page of `issues(filter:)`, each issue once, keyed as the engine tracks it; archived and trashed
    /// issues only when they are tracked (they are reported, never pulled as new).
    /// A listing with no `updatedAt` bound may be long (a first read of a whole team): its pages are read in ranges
    /// side by side.
    private func issues(_ filter: JSONObject, request: RemoteReadRequest) async throws -> [RemoteItem] {
        let followed = Dictionary(request.remoteIDs.map { ($0.value, $0.key) }, uniquingKeysWith: { first, _ in first })
        var items: [RemoteItem] = []
        var seen = Set<String>()
        let take: (JSONValue) async throws -> Void = { issue in
            guard let facts = LinearIssueReader.facts(issue), seen.insert(facts.id).inserted else { return }
            let key = Self.trackedKey(facts, tracked: request.trackedKeys, followed: followed)
            let isTracked = request.trackedKeys.contains(key) || followed[facts.id] != nil
            if (facts.archived || facts.trashed) && !isTracked { return }
            if Self.isHeld(facts, updated: issue["updatedAt"]?.string, key: key, by: request) { return }
            if let item = try await reader.item(issue, key: key) { items.append(item) }
        }
        if Self.isBoundedByUpdate(filter) {
            try await listing.forEachIssue(filter, take)
        } else {
            try await listing.forEachIssueInRanges(filter, take)
        }
        return items
    }

    /// An issue the repository holds as of this very update, under the same key and id: the engine counts it
    /// unchanged, so it is left out rather than mapped (which may cost a request for its labels' names).
    static func isHeld(_ facts: LinearIssueReader.Facts, updated: String?, key: String, by request: RemoteReadRequest) -> Bool {
        guard let updated, request.knownUpdatedAt[key] == updated else { return false }
        return request.remoteIDs[key].map { $0 == facts.id } ?? true
    }

    /// Whether the filter takes only issues updated after an instant, at its top level or in its `and`.
    static func isBoundedByUpdate(_ filter: JSONObject) -> Bool {
        filter["updatedAt"] != nil || (filter["and"]?.array ?? []).contains { $0["updatedAt"] != nil }
    }

    /// The key an answered issue goes by: its identifier, unless the repository tracks it under an identifier it had
    /// before a move and has no id to follow it by; then that older key, so it is not mistaken for a new issue.
    static func trackedKey(_ facts: LinearIssueReader.Facts, tracked: Set<String>, followed: [String: String]) -> String {
        if followed[facts.id] != nil || tracked.contains(facts.identifier) { return facts.identifier }
        return facts.previousIdentifiers.last { tracked.contains($0) } ?? facts.identifier
    }

    /// Every issue `issues(filter:)` answers with, page by page.
    private func forEachIssue(_ filter: JSONObject, _ body: (JSONValue) async throws -> Void) async throws {
        try await listing.forEachIssue(filter, body)
    }

    /// Current state of tracked keys, in bulk: by team and number, then one by one for keys Linear no longer files
    /// there (issues that moved team; Linear still resolves their old identifiers). Deleted issues are left out.
    public func fetch(keys: [String]) async throws -> [RemoteItem] {
        let valid = Array(Set(keys.filter(RemoteKeySyntax.projectAndNumber.matches).map { $0.uppercased() })).sorted()
        var out: [RemoteItem] = []
        var found = Set<String>()
        for start in stride(from: 0, to: valid.count, by: Self.keyChunk) {
            let chunk = Array(valid[start..<min(start + Self.keyChunk, valid.count)])
            var byTeam: [String: [Int]] = [:]
            for key in chunk {
                guard let team = Self.team(ofKey: key), let number = Int(key[key.index(after: key.lastIndex(of: "-")!)...]) else { continue }
                byTeam[team, default: []].append(number)
            }
            let parts: [JSONValue] = byTeam.sorted { $0.key < $1.key }.map { team, numbers in
                ["team": ["key": ["eq": .string(team)]], "number": ["in": .array(numbers.map { .int($0) })]]
            }
            try await forEachIssue(["or": .array(parts)]) { issue in
                guard let facts = LinearIssueReader.facts(issue), chunk.contains(facts.identifier), found.insert(facts.identifier).inserted,
                      !facts.trashed, let item = try await reader.item(issue) else { return }
                out.append(item)
            }
        }
        for key in valid where !found.contains(key) {
            do {
                let answer = try await api.run(LinearDocuments.issue, ["id": .string(key)])["issue"] ?? .null
                guard let facts = LinearIssueReader.facts(answer), !facts.trashed else { continue }
                if let item = try await reader.item(answer, key: facts.identifier == key ? nil : key) { out.append(item) }
            } catch TrackerError.notFound {
                continue
            }
        }
        return out
    }

    public func findCreated(marker: SyncMarker, createdAfter: Date) async throws -> RemoteItem? {
        let id = LinearIssueID.from(marker)
        var found: RemoteItem?
        try await forEachIssue(["id": ["eq": .string(id)]]) { issue in
            if found == nil { found = try await reader.item(issue) }
        }
        return found
    }

    // MARK: Writing

    public func create(_ content: WorkItemContent, marker: SyncMarker) async throws -> RemoteItem {
        let team = try await directory.configuredTeam()
        let id = LinearIssueID.from(marker)
        var write = try await writer.input(for: content, previous: nil, team: { team })
        write.fields["id"] = .string(id)
        write.fields["teamId"] = .string(team.id)
        let answer: JSONValue
        do {
            answer = try await api.run(LinearDocuments.issueCreate, ["input": .object(write.fields)])
        } catch TrackerError.rejected(let message) {
            // An earlier attempt whose answer was lost already made it: that issue is the one.
            if let existing = try await findCreated(marker: marker, createdAfter: .distantPast) { return existing }
            throw TrackerError.rejected("\(message) (creating \"\(content.title)\" in \(team.key))")
        }
        return try await payloadItem(answer["issueCreate"], notices: write.notices, what: "created an issue")
    }

    public func update(key: String, to content: WorkItemContent, previous: WorkItemContent?) async throws -> RemoteItem {
        guard RemoteKeySyntax.projectAndNumber.matches(key) else { throw TrackerError.notFound("\(key) is not a Linear issue identifier (ENG-123)") }
        let write = try await writer.input(for: content, previous: previous, team: { try await team(of: key) })
        guard !write.fields.isEmpty else {
            let answer = try await api.run(LinearDocuments.issue, ["id": .string(key)])["issue"] ?? .null
            guard var item = try await reader.item(answer) else { throw TrackerError.unavailable("Linear's answer for \(key) could not be read") }
            item.notices = write.notices + item.notices
            return item
        }
        let answer = try await api.run(LinearDocuments.issueUpdate, ["id": .string(key), "input": .object(write.fields)])
        return try await payloadItem(answer["issueUpdate"], notices: write.notices, what: "updated \(key)")
    }

    /// The team the issue is in now (it may have moved since its key was written down), with its workflow states.
    private func team(of key: String) async throws -> LinearContext.Team {
        let current = try await api.run(LinearDocuments.issue, ["id": .string(key)])["issue"]
        guard let teamKey = current?["team"]?["key"]?.string,
              let team = try await directory.context(includingTeams: [teamKey]).team(key: teamKey) else {
            throw TrackerError.unavailable("Linear did not say which team \(key) is in")
        }
        return team
    }

    private func payloadItem(_ payload: JSONValue?, notices: [String], what: String) async throws -> RemoteItem {
        guard payload?["success"]?.bool == true, let issue = payload?["issue"], var item = try await reader.item(issue) else {
            throw TrackerError.outcomeUnknown("Linear \(what) but its answer could not be read; run the sync again to check")
        }
        item.notices = notices + item.notices
        return item
    }

    // MARK: Mapping

    public func representable(_ content: WorkItemContent) -> WorkItemContent {
        var out = content
        out.description = descriptions.representable(content.description)
        let team = directory.loadedConfiguredTeam
        out.status = content.status.map { status in
            if let team, let state = writer.state(for: status, in: team) { return mapping.localStatus(stateName: state.name, type: state.type) }
            return mapping.localStatus(stateName: mapping.stateName(for: status), type: mapping.stateType(for: status).rawValue)
        }
        out.priority = content.priority.flatMap(mapping.priority(for:)).flatMap(mapping.localPriority)
        let labels = writer.labelNames(content).map { name in
            directory.loaded?.labels.first { $0.name.lowercased() == name.lowercased() }?.name ?? name
        }
        let kindLabel = labels.first { mapping.kind(forLabel: $0) != nil }
        out.kind = kindLabel.flatMap(mapping.kind(forLabel:))
        out.tags = labels.filter { $0 != kindLabel }
        out.assignee = content.assignee.map { directory.pulledName(forLocal: $0) }
        out.parent = content.parent.flatMap { RemoteKeySyntax.projectAndNumber.matches($0) ? $0 : nil }
        return out
    }

    public func matches(_ item: RemoteItem, filter: DiscoveryFilter) -> Bool {
        if !filter.all, let project = filter.projectCode ?? teamKey ?? directory.loadedConfiguredTeam?.key,
           Self.team(ofKey: item.key) != project.uppercased() { return false }
        let labels = Set((item.content.tags + [item.content.kind.flatMap(mapping.kindLabel(for:))].compactMap { $0 }).map { $0.lowercased() })
        for wanted in filter.labels {
            let names = [wanted.lowercased()] + [mapping.kindLabel(for: wanted)?.lowercased()].compactMap { $0 }
            if !names.contains(where: labels.contains) { return false }
        }
        if let who = filter.assignee, !directory.isSamePerson(who, as: item.content.assignee) { return false }
        if let state = filter.state?.lowercased(), state != "all" {
            let type = reader.stateTypes.type(of: item.key).flatMap(LinearMapping.StateType.init(rawValue:))
                ?? item.content.status.map(mapping.stateType(for:))
            switch state {
            case "open": if type?.isClosed ?? false { return false }
            case "closed", "done": if !(type?.isClosed ?? false) { return false }
            default:
                let status = item.content.status ?? ""
                if status != state && mapping.stateName(for: state).lowercased() != mapping.stateName(for: status).lowercased() { return false }
            }
        }
        return true
    }

    // MARK: check --online

    public func verify(scope: DiscoveryFilter) async throws -> [String] {
        let data = try await api.run(LinearDocuments.verify)
        let viewer = LinearPerson(data["viewer"])
        var lines = ["Linear: the \(api.credential.kind) works (\(viewer.map { "\($0.displayName ?? $0.name ?? "?") <\($0.email ?? "?")>" } ?? "unknown user"))"]
        let teams = LinearContext.teams(data["teams"])
        guard let selector = directory.teamSelector ?? scope.projectCode else {
            throw TrackerError.configuration("no Linear team: set work.default_project_code to one of \(teams.map(\.key).joined(separator: ", "))")
        }
        let team = LinearDirectory.looksLikeID(selector) ? teams.first { $0.id == selector } : teams.first { $0.key.uppercased() == selector.uppercased() }
        guard let team else {
            throw TrackerError.configuration("Linear has no team \(selector) that this key can see (it sees \(teams.map(\.key).joined(separator: ", "))): fix work.default_project_code or linear.team_id")
        }
        lines.append("Linear: team \(team.key) (\(team.name)) found")
        return lines
    }

    // MARK: Helpers

    static func format(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }
}
