import Foundation

/// The H1 and the `**Kind**:` block: views of frontmatter, regenerated here, never pushed. Every value written into
/// them goes through `TerminalText.sanitise`, so remote text cannot put a control character, a line separator or a
/// bidi control into a generated line.
extension WorkItemDocument {
    static let preambleLabels = [("Kind", "kind"), ("Status", "status"), ("Priority", "priority"), ("Author", "author")]

    /// Rewrites the H1 and the `**Kind**:`-style lines from the frontmatter (only lines whose value differs).
    public mutating func regeneratePreamble(id: String) {
        regeneratePreamble(id: id, previousTitle: nil, only: nil)
    }

    /// `only`: the frontmatter keys that changed; their lines alone are refreshed (nil: every line), so an edit
    /// never rewrites a heading or status line the user keeps differently.
    mutating func regeneratePreamble(id: String, previousTitle: String?, only: Set<String>?) {
        let (pre, desc) = Self.splitBody(body)
        var lines = DocumentLines.split(pre)
        var changed = false
        if only?.contains("title") ?? true, let h1 = lines.firstIndex(where: { $0.hasBytePrefix("# ") }),
           let heading = regeneratedHeading(DocumentLines.content(of: lines[h1]), id: id, previousTitle: previousTitle) {
            lines[h1] = heading + DocumentLines.ending(of: lines[h1])
            changed = true
        }
        for (label, key) in Self.preambleLabels where only?.contains(key) ?? true {
            guard let value = scalar(key) else { continue }
            let prefix = "**\(label)**: "
            guard let index = lines.firstIndex(where: { $0.hasBytePrefix(prefix) }) else { continue }
            let current = String(DocumentLines.content(of: lines[index]).utf8.dropFirst(prefix.utf8.count)) ?? ""
            // A line that holds more than this field (several fields run together) is left as the user wrote it.
            if current.containsBytes("**") { continue }
            let display = TerminalText.sanitise(key == "author" ? value : Self.displayValue(value))
            if Self.sameDisplay(current, display) { continue }
            lines[index] = prefix + display + DocumentLines.ending(of: lines[index])
            changed = true
        }
        if changed {
            body = lines.joined() + desc
            rebuild()
        }
    }

    /// `# <id>: <title>`, or a heading of another shape that ends with the previous title (`# ADR Ticket: <title>`);
    /// nil when the heading stays as it is.
    private func regeneratedHeading(_ heading: Substring, id: String, previousTitle: String?) -> String? {
        let title = TerminalText.sanitise(scalar("title") ?? "")
        let replacement: String
        if heading.hasBytePrefix("# \(TerminalText.sanitise(id)): ") {
            replacement = "# \(TerminalText.sanitise(id)): \(title)"
        } else if let previousTitle, case let shown = TerminalText.sanitise(previousTitle), !shown.isEmpty, heading.hasByteSuffix(shown) {
            replacement = (String(heading.utf8.dropLast(shown.utf8.count)) ?? "") + title
        } else {
            return nil
        }
        return replacement == heading ? nil : replacement
    }

    /// `in-progress` → `In Progress`, `story` → `Story`.
    static func displayValue(_ value: String) -> String {
        value.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == " " })
            .map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
    }

    private static func sameDisplay(_ current: String, _ display: String) -> Bool {
        let norm: (String) -> String = { $0.lowercased().replacingOccurrences(of: "-", with: " ").trimmingCharacters(in: .whitespaces) }
        let c = norm(current)
        let d = norm(display)
        // `Task (tech debt)` still shows the kind `task`.
        return c == d || c.hasPrefix(d + " (")
    }
}
