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
            replaceDescription(with: Self.isBlank(content.description) ? "" : Self.sectioned(content.description))
        }
        if !changed.isEmpty { regeneratePreamble(id: id, previousTitle: previousTitle, only: changed) }
    }

    /// A description as the file keeps it: from its first `## ` section on, or, when it has none at the start,
    /// under `## Summary` (the corpus style, so the text is part of the description and syncs). LF line ends.
    static func sectioned(_ markdown: String) -> String {
        let text = DocumentLines.convert(markdown, to: "\n")
        let content = text[DocumentLines.firstNonBlankLine(in: text)...]
        if content.hasBytePrefix("## ") {
            return DocumentLines.ending(of: content).isEmpty ? String(content) + "\n" : String(content)
        }
        let trimmed = DocumentLines.droppingTrailingWhitespace(String(content))
        return "## Summary\n\n" + (trimmed.isEmpty ? "" : trimmed + "\n")
    }

    static func isBlank(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
    }
}
