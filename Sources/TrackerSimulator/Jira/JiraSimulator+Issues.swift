import Foundation
import JSON

/// Issues: create, get, edit, delete, transitions and properties.
extension JiraSimulator {
    func createIssue(_ request: SimRequest, site: String) throws(JiraError) -> SimResponse {
        let input = JiraIssueInput(store: store, mode: .create)
        let values = try input.read(try Self.jsonBody(request))
        let draft = try draft(values, input: input, creator: store.tokenAccountID, reporter: store.tokenAccountID)
        let location = store.createIssue(draft)
        let issue = store[location]
        return Self.json(201) { json in
            json.object { json in
                json.key("id"); json.string(String(issue.id))
                json.key("key"); json.string(store.key(of: location))
                json.key("self"); json.string("\(site)/rest/api/3/issue/\(issue.id)")
            }
        }
    }

    /// A checked create: issue type and parent must fit the hierarchy, a sub-task stays in its parent's project.
    func draft(_ values: JiraIssueInput.Values, input: JiraIssueInput, creator: String,
               reporter: String) throws(JiraError) -> JiraIssueDraft {
        guard let project = values.project, let summary = values.summary else { throw JiraErrors.invalidPayload }
        let typeID = values.issueTypeID ?? JiraCatalog.defaultIssueTypeID
        let parentID = values.parentID ?? nil
        if let problem = input.parentProblem(child: typeID, parentID: parentID, childID: nil) {
            throw JiraError.field("parent", problem)
        }
        if let parentID, JiraCatalog.issueType(id: typeID)?.isSubtask == true,
           store.locate(id: parentID)?.project != project {
            throw JiraError.field("parent", "A sub-task must be in the same project as its parent.")
        }
        return JiraIssueDraft(
            project: project, issueTypeID: typeID, summary: summary, description: values.description ?? nil,
            labels: JiraIssueInput.labels(values.labels, current: []) ?? [],
            priorityID: values.priorityID ?? JiraCatalog.defaultPriorityID, assigneeID: values.assigneeID ?? nil,
            reporterID: values.reporterID ?? .some(reporter), creatorID: creator, parentID: parentID,
            properties: values.properties)
    }

    /// `fields` defaults to all fields here (unlike search); `properties` takes keys, `*all` and `-key`.
    func getIssue(_ location: JiraStore.Location, _ request: SimRequest, site: String) -> SimResponse {
        let query = request.query
        let fields = JiraFieldSelection(query.filter { $0.name == "fields" }.map(\.value), fallback: ["*all"])
        let properties = Self.propertySelection(query.filter { $0.name == "properties" }.map(\.value),
                                                available: Array(store[location].properties.keys))
        let renderer = renderer(site)
        return Self.json(200) { renderer.issue(location, fields: fields, properties: properties, to: &$0) }
    }

    func editIssue(_ location: JiraStore.Location, _ request: SimRequest, site: String) throws(JiraError) -> SimResponse {
        let input = JiraIssueInput(store: store, mode: .edit)
        let values = try input.read(try Self.jsonBody(request))
        let edit = try edit(values, input: input, at: location)
        store.apply(edit, to: location)
        guard request.query.contains(where: { $0.name == "returnIssue" && $0.value == "true" }) else { return .empty(204) }
        let renderer = renderer(site)
        return Self.json(200) { renderer.issue(location, fields: .all, properties: [], to: &$0) }
    }

    /// A checked edit: the issue type may change only within its hierarchy level; the parent must fit.
    func edit(_ values: JiraIssueInput.Values, input: JiraIssueInput, at location: JiraStore.Location) throws(JiraError) -> JiraIssueEdit {
        let current = store[location]
        if let typeID = values.issueTypeID, typeID != current.issueTypeID,
           JiraCatalog.issueType(id: typeID)?.hierarchyLevel != JiraCatalog.issueType(id: current.issueTypeID)?.hierarchyLevel {
            throw JiraError.field("issuetype", "The issue type selected is invalid.")
        }
        if values.parentID != nil || values.issueTypeID != nil {
            let parentID = values.parentID ?? current.parentID
            if let problem = input.parentProblem(child: values.issueTypeID ?? current.issueTypeID, parentID: parentID,
                                                 childID: current.id) {
                throw JiraError.field("parent", problem)
            }
        }
        var edit = JiraIssueEdit()
        edit.summary = values.summary
        edit.description = values.description
        edit.labels = JiraIssueInput.labels(values.labels, current: current.labels)
        edit.priorityID = values.priorityID
        edit.assigneeID = values.assigneeID
        edit.reporterID = values.reporterID
        edit.parentID = values.parentID
        edit.issueTypeID = values.issueTypeID
        edit.properties = values.properties
        return edit
    }

    /// An issue with sub-tasks goes only with `deleteSubtasks=true`, taking them along.
    func deleteIssue(_ location: JiraStore.Location, _ request: SimRequest) throws(JiraError) -> SimResponse {
        let id = store[location].id
        let subtasks = store.children(of: id).filter { JiraCatalog.issueType(id: store[$0].issueTypeID)?.isSubtask == true }
        if !subtasks.isEmpty {
            guard request.query.contains(where: { $0.name == "deleteSubtasks" && $0.value == "true" }) else {
                throw .message("The issue has subtasks. Delete them first, or set deleteSubtasks to true.")
            }
        }
        store.deleteIssue(id: id)
        return .empty(204)
    }

    // MARK: Transitions

    func transitions(_ location: JiraStore.Location, _ request: SimRequest, site: String) -> SimResponse {
        let workflow = store.projects[location.project].workflow
        let statusID = store[location].statusID
        let query = request.query
        let includeUnavailable = query.contains { $0.name == "includeUnavailableTransitions" && $0.value == "true" }
        let only = query.last { $0.name == "transitionId" }?.value
        let listed = workflow.transitions.filter { transition in
            (only == nil || transition.id == only) && (includeUnavailable || transition.isAvailable(from: statusID))
        }
        let renderer = renderer(site)
        return Self.json(200) { json in
            json.object { json in
                json.key("expand"); json.string("transitions")
                json.key("transitions")
                json.array { json in
                    for transition in listed {
                        renderer.transition(transition, in: workflow, available: transition.isAvailable(from: statusID), to: &json)
                    }
                }
            }
        }
    }

    /// `{"transition": {"id": "31"}}`, only from a status the transition leaves from.
    func transition(_ location: JiraStore.Location, _ request: SimRequest) throws(JiraError) -> SimResponse {
        let body = try Self.jsonBody(request)
        guard body.object != nil else { throw JiraErrors.invalidPayload }
        let reference = body["transition"]?["id"]
        guard let id = reference?.string ?? reference?.int.map(String.init) else {
            throw .message("Missing 'transition' identifier.")
        }
        for name in ["fields", "update"] {
            if let members = body[name]?.object, let (field, _) = members.first {
                throw JiraError.field(field, "Field '\(field)' \(JiraIssueInput.cannotSet)")
            }
        }
        var properties: [String: String] = [:]
        for property in body["properties"]?.array ?? [] {
            guard let key = property["key"]?.string, !key.isEmpty, let value = property["value"] else {
                throw JiraErrors.invalidPayload
            }
            properties[key] = try JiraIssueInput.propertyValue(value, key: key)
        }
        let workflow = store.projects[location.project].workflow
        guard let transition = workflow.transitions.first(where: { $0.id == id }),
              transition.isAvailable(from: store[location].statusID) else {
            throw .message("Transition id '\(id)' is not valid for this issue.")
        }
        var edit = JiraIssueEdit()
        edit.statusID = transition.to
        edit.properties = properties
        store.apply(edit, to: location)
        return .empty(204)
    }

    // MARK: Properties

    func propertyKeys(_ location: JiraStore.Location, site: String) -> SimResponse {
        let issue = store[location]
        return Self.json(200) { json in
            json.object { json in
                json.key("keys")
                json.array { json in
                    for key in issue.properties.keys.sorted() {
                        json.object { json in
                            json.key("self"); json.string("\(site)/rest/api/3/issue/\(issue.id)/properties/\(QueryString.encode(key))")
                            json.key("key"); json.string(key)
                        }
                    }
                }
            }
        }
    }

    func property(_ key: String, of location: JiraStore.Location) throws(JiraError) -> SimResponse {
        guard let value = store[location].properties[key] else {
            throw JiraErrors.propertyNotFound(key)
        }
        return Self.json(200) { json in
            json.object { json in
                json.key("key"); json.string(key)
                json.key("value"); json.raw(Array(value.utf8))
            }
        }
    }

    /// 201 when the property is new, 200 when it replaced a value.
    func setProperty(_ key: String, of location: JiraStore.Location, _ request: SimRequest) throws(JiraError) -> SimResponse {
        guard key.count <= 255 else { throw .message("The property key cannot be longer than 255 characters.") }
        guard !request.body.isEmpty, let value = try? JSONValue(parsing: request.body) else {
            throw .message("The property value must be valid, non-empty JSON.")
        }
        let text = try JiraIssueInput.propertyValue(value, key: key)
        let existed = store.setProperty(key, value: text, at: location)
        return .empty(existed ? 200 : 201)
    }

    func deleteProperty(_ key: String, of location: JiraStore.Location) throws(JiraError) -> SimResponse {
        guard store.deleteProperty(key, at: location) else { throw JiraErrors.propertyNotFound(key) }
        return .empty(204)
    }

    /// `properties` of GET issue: keys, `*all`, `-key`; nothing when not asked.
    static func propertySelection(_ entries: [String], available: [String]) -> [String] {
        let names = entries.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        var selected: [String] = []
        for name in names where !name.hasPrefix("-") {
            if name == "*all" { selected += available.sorted() } else { selected.append(name) }
        }
        let excluded = Set(names.filter { $0.hasPrefix("-") }.map { String($0.dropFirst()) })
        var seen = Set<String>()
        return selected.filter { !excluded.contains($0) && seen.insert($0).inserted }
    }
}
