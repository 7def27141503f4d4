import Foundation
import JSON

/// Issues, users, statuses, priorities, issue types and projects in Jira Cloud's REST v3 JSON, with `self` URLs
/// pointing at the simulator. Timestamps are written in the user's time zone, as Jira writes them.
struct JiraRenderer {
    /// `http://127.0.0.1:PORT`, the site root (what `https://your-domain.atlassian.net` is).
    let site: String
    let store: JiraStore
    let zone: TimeZone

    init(site: String, store: JiraStore) {
        self.site = site
        self.store = store
        zone = store.zone
    }

    var api: String { site + "/rest/api/3" }

    /// An IssueBean; with `idOnly` just `{"id": …}`, as search answers when asked for ids only (its default).
    func issue(_ location: JiraStore.Location, fields: JiraFieldSelection, properties: [String], idOnly: Bool = false,
               to json: inout JSONWriter) {
        let project = store.projects[location.project]
        let issue = project.issues[location.issue]
        json.object { json in
            if idOnly && properties.isEmpty {
                json.key("id"); json.string(String(issue.id))
                return
            }
            json.key("expand"); json.string("renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations")
            json.key("id"); json.string(String(issue.id))
            json.key("self"); json.string("\(api)/issue/\(issue.id)")
            json.key("key"); json.string(project.issueKey(issue))
            let present = properties.filter { issue.properties[$0] != nil }
            if !properties.isEmpty {
                json.key("properties")
                json.object { json in
                    for key in present {
                        json.key(key)
                        json.raw(Array(issue.properties[key]!.utf8))
                    }
                }
            }
            json.key("fields")
            json.object { json in
                for field in fields.fields { write(field, of: issue, in: project, to: &json) }
            }
        }
    }

    private func write(_ field: JiraFieldSelection.Field, of issue: JiraStore.Issue, in project: JiraStore.Project,
                       to json: inout JSONWriter) {
        switch field {
        case .statuscategorychangedate:
            json.key(field.rawValue); json.string(JiraTime.format(issue.statusCategoryChanged, in: zone))
        case .issuetype:
            json.key(field.rawValue); issueType(issue.issueTypeID, to: &json)
        case .parent:
            guard let parentID = issue.parentID, let location = store.locate(id: parentID) else { return }
            json.key(field.rawValue)
            let parent = store[location]
            json.object { json in
                json.key("id"); json.string(String(parent.id))
                json.key("key"); json.string(store.key(of: location))
                json.key("self"); json.string("\(api)/issue/\(parent.id)")
                json.key("fields")
                json.object { json in
                    json.key("summary"); json.string(parent.summary)
                    json.key("status"); status(parent.statusID, in: store.projects[location.project].workflow, to: &json)
                    json.key("priority"); priority(parent.priorityID, to: &json)
                    json.key("issuetype"); issueType(parent.issueTypeID, to: &json)
                }
            }
        case .project:
            json.key(field.rawValue); projectSummary(project, to: &json)
        case .created:
            json.key(field.rawValue); json.string(JiraTime.format(issue.created, in: zone))
        case .priority:
            json.key(field.rawValue); priority(issue.priorityID, to: &json)
        case .labels:
            json.key(field.rawValue); json.array { json in for label in issue.labels { json.string(label) } }
        case .assignee:
            json.key(field.rawValue); optionalUser(issue.assigneeID, to: &json)
        case .updated:
            json.key(field.rawValue); json.string(JiraTime.format(issue.updated, in: zone))
        case .status:
            json.key(field.rawValue); status(issue.statusID, in: project.workflow, to: &json)
        case .description:
            json.key(field.rawValue)
            if let description = issue.description { json.raw(Array(description.utf8)) } else { json.null() }
        case .summary:
            json.key(field.rawValue); json.string(issue.summary)
        case .creator:
            json.key(field.rawValue); optionalUser(issue.creatorID, to: &json)
        case .reporter:
            json.key(field.rawValue); optionalUser(issue.reporterID, to: &json)
        }
    }

    // MARK: Parts

    func optionalUser(_ accountID: String?, to json: inout JSONWriter) {
        if let user = store.user(accountID) { self.user(user, to: &json) } else { json.null() }
    }

    func user(_ user: JiraStore.User, to json: inout JSONWriter, locale: Bool = false) {
        json.object { json in
            json.key("self"); json.string("\(api)/user?accountId=\(QueryString.encode(user.accountId))")
            json.key("accountId"); json.string(user.accountId)
            json.key("accountType"); json.string("atlassian")
            json.key("emailAddress"); json.string(user.emailAddress)
            json.key("avatarUrls"); avatarURLs(Self.initials(user.displayName), to: &json)
            json.key("displayName"); json.string(user.displayName)
            json.key("active"); json.bool(user.active)
            json.key("timeZone"); json.string(store.timeZone)
            if locale { json.key("locale"); json.string("en_US") }
        }
    }

    func status(_ statusID: String, in workflow: JiraWorkflow, to json: inout JSONWriter) {
        guard let status = workflow.status(id: statusID) ?? store.projects.lazy.compactMap({ $0.workflow.status(id: statusID) }).first else {
            json.null()
            return
        }
        self.status(status, to: &json)
    }

    func status(_ status: JiraWorkflow.Status, to json: inout JSONWriter) {
        json.object { json in
            json.key("self"); json.string("\(api)/status/\(status.id)")
            json.key("description"); json.string(status.description)
            json.key("iconUrl"); json.string("\(site)/")
            json.key("name"); json.string(status.name)
            json.key("id"); json.string(status.id)
            json.key("statusCategory"); statusCategory(JiraCatalog.statusCategory(key: status.categoryKey), to: &json)
        }
    }

    func statusCategory(_ category: JiraCatalog.StatusCategory, to json: inout JSONWriter) {
        json.object { json in
            json.key("self"); json.string("\(api)/statuscategory/\(category.id)")
            json.key("id"); json.int(category.id)
            json.key("key"); json.string(category.key)
            json.key("colorName"); json.string(category.colorName)
            json.key("name"); json.string(category.name)
        }
    }

    func priority(_ id: String, to json: inout JSONWriter) {
        guard let priority = JiraCatalog.priority(id: id) else {
            json.null()
            return
        }
        json.object { json in
            json.key("self"); json.string("\(api)/priority/\(priority.id)")
            json.key("iconUrl"); json.string("\(site)/images/icons/priorities/\(priority.icon)")
            json.key("name"); json.string(priority.name)
            json.key("id"); json.string(priority.id)
        }
    }

    /// As `GET /priority` lists them.
    func priorityDetails(_ priority: JiraCatalog.Priority, to json: inout JSONWriter) {
        json.object { json in
            json.key("self"); json.string("\(api)/priority/\(priority.id)")
            json.key("statusColor"); json.string(priority.color)
            json.key("description"); json.string(priority.description)
            json.key("iconUrl"); json.string("\(site)/images/icons/priorities/\(priority.icon)")
            json.key("name"); json.string(priority.name)
            json.key("id"); json.string(priority.id)
            json.key("isDefault"); json.bool(priority.id == JiraCatalog.defaultPriorityID)
        }
    }

    func issueType(_ id: String, to json: inout JSONWriter) {
        guard let type = JiraCatalog.issueType(id: id) else {
            json.null()
            return
        }
        issueType(type, to: &json)
    }

    func issueType(_ type: JiraCatalog.IssueType, to json: inout JSONWriter) {
        json.object { json in
            json.key("self"); json.string("\(api)/issuetype/\(type.id)")
            json.key("id"); json.string(type.id)
            json.key("description"); json.string(type.description)
            json.key("iconUrl"); json.string("\(site)/rest/api/2/universal_avatar/view/type/issuetype/avatar/\(type.avatarID)?size=medium")
            json.key("name"); json.string(type.name)
            json.key("subtask"); json.bool(type.isSubtask)
            json.key("avatarId"); json.int(type.avatarID)
            json.key("hierarchyLevel"); json.int(type.hierarchyLevel)
        }
    }

    /// The project as it appears inside an issue.
    func projectSummary(_ project: JiraStore.Project, to json: inout JSONWriter) {
        json.object { json in
            json.key("self"); json.string("\(api)/project/\(project.id)")
            json.key("id"); json.string(String(project.id))
            json.key("key"); json.string(project.key)
            json.key("name"); json.string(project.name)
            json.key("projectTypeKey"); json.string("software")
            json.key("simplified"); json.bool(false)
            json.key("avatarUrls"); projectAvatars(project, to: &json)
        }
    }

    /// `GET /project/{key}`.
    func projectDetails(_ project: JiraStore.Project, to json: inout JSONWriter) {
        json.object { json in
            json.key("expand"); json.string("description,lead,issueTypes,url,projectKeys,permissions,insight")
            json.key("self"); json.string("\(api)/project/\(project.id)")
            json.key("id"); json.string(String(project.id))
            json.key("key"); json.string(project.key)
            json.key("description"); json.string("")
            json.key("lead"); optionalUser(project.leadAccountID, to: &json)
            json.key("components"); json.array { _ in }
            json.key("issueTypes"); json.array { json in for type in JiraCatalog.issueTypes { issueType(type, to: &json) } }
            json.key("assigneeType"); json.string("UNASSIGNED")
            json.key("versions"); json.array { _ in }
            json.key("name"); json.string(project.name)
            json.key("roles"); json.object { _ in }
            json.key("avatarUrls"); projectAvatars(project, to: &json)
            json.key("projectTypeKey"); json.string("software")
            json.key("simplified"); json.bool(false)
            json.key("style"); json.string("classic")
            json.key("isPrivate"); json.bool(false)
            json.key("properties"); json.object { _ in }
        }
    }

    func transition(_ transition: JiraWorkflow.Transition, in workflow: JiraWorkflow, available: Bool,
                    to json: inout JSONWriter) {
        json.object { json in
            json.key("id"); json.string(transition.id)
            json.key("name"); json.string(transition.name)
            json.key("to")
            if let target = workflow.status(id: transition.to) { status(target, to: &json) } else { json.null() }
            json.key("hasScreen"); json.bool(false)
            json.key("isGlobal"); json.bool(transition.from == nil)
            json.key("isInitial"); json.bool(false)
            json.key("isAvailable"); json.bool(available)
            json.key("isConditional"); json.bool(false)
            json.key("isLooped"); json.bool(false)
        }
    }

    // MARK: Helpers

    private func avatarURLs(_ initials: String, to json: inout JSONWriter) {
        json.object { json in
            for size in [48, 24, 16, 32] {
                json.key("\(size)x\(size)")
                json.string("https://avatar-management--avatars.us-west-2.prod.public.atl-paas.net/initials/\(initials)-0.png?size=\(size)")
            }
        }
    }

    private func projectAvatars(_ project: JiraStore.Project, to json: inout JSONWriter) {
        json.object { json in
            for (size, name) in [(48, "large"), (24, "small"), (16, "xsmall"), (32, "medium")] {
                json.key("\(size)x\(size)")
                json.string("\(site)/rest/api/3/universal_avatar/view/type/project/avatar/10400?size=\(name)")
            }
        }
    }

    static func initials(_ name: String) -> String {
        let letters = name.split(separator: " ").prefix(2).compactMap(\.first).map { String($0).uppercased() }
        return letters.isEmpty ? "U" : letters.joined()
    }
}
