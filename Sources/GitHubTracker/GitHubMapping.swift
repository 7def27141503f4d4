import Foundation
import WorkItems

/// How work-item fields become GitHub issue fields and back, with defaults that need no configuration:
/// `done` ↔ closed/completed, `abandoned` ↔ closed/not_planned, anything else ↔ open; tags ↔ labels;
/// priority and kind ↔ `priority: …` and `kind: …` labels; assignee ↔ first assignee. GitHub has no parent.
struct GitHubMapping: Sendable {
    /// Local status → `open`, `closed` or `not_planned` (`github.status_map.<status>`).
    var statusMap: [String: String]
    /// What an open issue reads back as (`github.open_status`, default `ready`).
    var openStatus: String

    init(settings: [String: String], openStatus: String?) {
        statusMap = ["done": "closed", "abandoned": "not_planned"]
        for (k, v) in settings { statusMap[k.lowercased()] = v.lowercased() }
        self.openStatus = openStatus ?? "ready"
    }

    struct Fields: Equatable {
        var title: String
        var body: String
        var state: String
        var stateReason: String?
        var labels: [String]
        var assignees: [String]
    }

    func fields(for content: WorkItemContent) -> Fields {
        let target = content.status.flatMap { statusMap[$0.lowercased()] } ?? "open"
        var labels = content.tags
        if let p = content.priority, !p.isEmpty { labels.append("priority: \(p)") }
        if let k = content.kind, !k.isEmpty { labels.append("kind: \(k)") }
        return Fields(
            title: content.title, body: content.description,
            state: target == "open" ? "open" : "closed",
            stateReason: target == "open" ? nil : (target == "not_planned" ? "not_planned" : "completed"),
            labels: labels, assignees: content.assignee.map { [$0] } ?? [])
    }

    func content(title: String, body: String?, state: String, stateReason: String?, labels: [String], assignees: [String]) -> WorkItemContent {
        var tags: [String] = []
        var priority: String?
        var kind: String?
        for label in labels {
            let lower = label.lowercased()
            if lower.hasPrefix("priority:") { priority = String(label.dropFirst(9)).trimmingCharacters(in: .whitespaces) }
            else if lower.hasPrefix("kind:") { kind = String(label.dropFirst(5)).trimmingCharacters(in: .whitespaces) }
            else { tags.append(label) }
        }
        let status: String
        if state == "closed" {
            let wanted = stateReason == "not_planned" ? "not_planned" : "closed"
            status = statusMap.filter { $0.value == wanted }.keys.sorted().first ?? (wanted == "closed" ? "done" : "abandoned")
        } else {
            status = openStatus
        }
        return WorkItemContent(title: title, description: SyncMarkerText.strip(body ?? "").replacingOccurrences(of: "\r\n", with: "\n"),
            status: status, priority: priority, kind: kind, tags: tags, assignee: assignees.first, parent: nil)
    }

    /// The PATCH body that turns `previous` into `content`: only the fields that differ once both are normalised
    /// (every field when `previous` is unknown).
    func changedFields(from previous: WorkItemContent?, to content: WorkItemContent) -> [String: Any] {
        let new = fields(for: content)
        let old = previous.map { fields(for: $0.normalised()) }
        let newNormalised = fields(for: content.normalised())
        var body: [String: Any] = [:]
        if old?.title != newNormalised.title { body["title"] = new.title }
        if old?.body != newNormalised.body { body["body"] = new.body }
        if old?.state != new.state || old?.stateReason != new.stateReason {
            body["state"] = new.state
            if new.state == "closed" { body["state_reason"] = new.stateReason ?? "completed" }
        }
        if old.map({ Set($0.labels) }) != Set(new.labels) { body["labels"] = new.labels }
        if old.map({ Set($0.assignees) }) != Set(new.assignees) { body["assignees"] = new.assignees }
        return body
    }

    /// The content after a round trip through GitHub.
    func representable(_ content: WorkItemContent) -> WorkItemContent {
        let f = fields(for: content)
        return self.content(title: f.title, body: f.body, state: f.state, stateReason: f.stateReason, labels: f.labels, assignees: f.assignees)
    }
}

/// The hidden marker a created issue carries in its body so an interrupted create is found, not repeated.
enum SyncMarkerText {
    static let prefix = "<!-- git-sync-work-items:marker="

    static func append(_ marker: String, to body: String) -> String {
        var text = body
        if !text.isEmpty && !text.hasSuffix("\n") { text += "\n" }
        return text + (text.isEmpty ? "" : "\n") + prefix + marker + " -->\n"
    }

    static func find(in body: String?) -> String? {
        guard let body, let start = body.range(of: prefix) else { return nil }
        let rest = body[start.upperBound...]
        guard let end = rest.range(of: " -->") else { return nil }
        let value = String(rest[..<end.lowerBound])
        return value.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" } ? value : nil
    }

    static func strip(_ body: String) -> String {
        guard let start = body.range(of: prefix), let end = body[start.upperBound...].range(of: "-->") else { return body }
        var before = String(body[..<start.lowerBound])
        var after = String(body[end.upperBound...])
        if after.hasPrefix("\r\n") { after.removeFirst(2) } else if after.hasPrefix("\n") { after.removeFirst() }
        while before.hasSuffix("\n\n") { before.removeLast() }
        return before + after
    }
}
