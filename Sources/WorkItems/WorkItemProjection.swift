import Foundation

extension WorkItemDocument {
    /// The fields that sync, read from this file. `parent` is the raw frontmatter value.
    public func localContent() -> WorkItemContent {
        WorkItemContent(
            title: scalar("title") ?? "",
            description: description,
            status: scalar("status"),
            priority: scalar("priority"),
            kind: scalar("kind"),
            tags: list("tags") ?? scalar("tags").map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } } ?? [],
            assignee: scalar("assignee"),
            parent: scalar("parent"))
    }

    /// Writes `content` into the file, touching only what differs (after normalisation), then refreshes the H1
    /// and the `**Kind**:` block. Applying a file's own content changes nothing.
    public mutating func apply(_ content: WorkItemContent, id: String) {
        let current = localContent()
        let previousTitle = scalar("title")
        let a = current.normalised()
        let b = content.normalised()
        var changed = Set<String>()
        if a.title != b.title {
            set("title", to: .string(content.title))
            changed.insert("title")
        }
        for (key, old, new, raw) in [
            ("status", a.status, b.status, content.status), ("priority", a.priority, b.priority, content.priority),
            ("kind", a.kind, b.kind, content.kind), ("assignee", a.assignee, b.assignee, content.assignee),
            ("parent", a.parent, b.parent, content.parent),
        ] where old != new {
            if let raw, !raw.isEmpty { set(key, to: .string(raw)) } else { remove(key) }
            changed.insert(key)
        }
        if a.tags != b.tags { set("tags", to: .list(content.tags)) }
        if a.description != b.description {
            var markdown = content.description
            if !markdown.hasSuffix("\n") && !markdown.isEmpty { markdown += "\n" }
            replaceDescription(with: markdown)
        }
        if !changed.isEmpty { regeneratePreamble(id: id, previousTitle: previousTitle, only: changed) }
    }

    /// A new file in the corpus style.
    public static func newItem(id: String, content: WorkItemContent, date: String, author: String?,
                               externalID: String?) -> WorkItemDocument {
        var fm = "id: \(FrontmatterRenderer.doubleQuoted(id))\n"
        fm += "title: \(FrontmatterRenderer.doubleQuoted(content.title))\n"
        fm += "date: \(FrontmatterRenderer.doubleQuoted(date))\n"
        if let author, !author.isEmpty { fm += "author: \(FrontmatterRenderer.scalar(author, inFlow: false))\n" }
        if let kind = content.kind { fm += "kind: \(FrontmatterRenderer.scalar(kind, inFlow: false))\n" }
        if let status = content.status { fm += "status: \(FrontmatterRenderer.scalar(status, inFlow: false))\n" }
        if let priority = content.priority { fm += "priority: \(FrontmatterRenderer.scalar(priority, inFlow: false))\n" }
        fm += "tags: [" + content.tags.map { FrontmatterRenderer.scalar($0, inFlow: true) }.joined(separator: ", ") + "]\n"
        fm += "type: work-item\nschema_version: 1\n"
        if let assignee = content.assignee { fm += "assignee: \(FrontmatterRenderer.scalar(assignee, inFlow: false))\n" }
        if let parent = content.parent { fm += "parent: \(FrontmatterRenderer.doubleQuoted(parent))\n" }
        if let externalID { fm += "external_id: \(FrontmatterRenderer.scalar(externalID, inFlow: false))\n" }

        var preamble = "\n# \(id): \(content.title.replacingOccurrences(of: "\n", with: " "))\n\n"
        var block: [String] = []
        if let kind = content.kind { block.append("**Kind**: \(displayValue(kind))") }
        if let status = content.status { block.append("**Status**: \(displayValue(status))") }
        if let priority = content.priority { block.append("**Priority**: \(displayValue(priority))") }
        if let author, !author.isEmpty { block.append("**Author**: \(author)") }
        if !block.isEmpty { preamble += block.joined(separator: "\n") + "\n\n" }

        var description = content.description.replacingOccurrences(of: "\r\n", with: "\n")
        if !description.hasPrefix("## ") {
            let trimmed = description.trimmingCharacters(in: .whitespacesAndNewlines)
            description = "## Summary\n\n" + (trimmed.isEmpty ? "" : trimmed + "\n")
        }
        if !description.hasSuffix("\n") { description += "\n" }
        // Our own output always parses; a failure here is a programming error worth a crash in tests.
        return try! WorkItemDocument(text: "---\n" + fm + "---\n" + preamble + description)
    }
}
