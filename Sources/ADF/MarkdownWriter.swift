import JSON
import Markdown

/// Writes ADF blocks as markdown. Blocks markdown has syntax for are written as such; anything else is written in
/// the forms of `ADFMarkdownForms`. The document as a whole is read back and compared with what it came from;
/// a top-level block that does not come back the same is written in the `adf` form instead, so the conversion
/// never loses content.
enum MarkdownWriter {
    static func document(_ document: JSONValue) -> String {
        let blocks: [JSONValue]
        if document.nodeType == "doc" {
            blocks = ADFNormaliser.writtenBlocks(document.children)
        } else if document == .null {
            blocks = []
        } else {
            blocks = [document]
        }
        let expected = ADFNormaliser.comparable(blocks)
        var carried: Set<Int> = []
        while true {
            let markdown = BlockMarkdownWriter().join(blocks, carrying: carried)
            var converter = MarkdownToADF()
            let readBack = ADFNormaliser.comparable(converter.document(MarkdownParser.parse(markdown)).children)
            guard let first = zip(expected, readBack).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset
                    ?? (expected.count == readBack.count ? nil : min(expected.count, readBack.count)),
                  first < blocks.count, !carried.contains(first) else {
                return markdown.isEmpty ? "" : markdown + "\n"
            }
            carried.insert(first)
        }
    }

    /// One block as markdown, without a final newline.
    static func block(_ node: JSONValue) -> String {
        BlockMarkdownWriter().block(node)
    }
}

/// The block writer proper.
private struct BlockMarkdownWriter {
    /// Blocks of one container, separated by blank lines; a list right after a list of the same kind switches
    /// bullet (`-`/`*`) or delimiter (`.`/`)`), or markdown would read the two as one list. Blocks at the
    /// positions in `carried` are written in the `adf` form.
    func join(_ blocks: [JSONValue], carrying carried: Set<Int> = []) -> String {
        var parts: [String] = []
        var previousListKind: String?
        var alternate = false
        for (index, node) in blocks.enumerated() {
            let kind = Self.markdownListKind(node)
            alternate = kind != nil && kind == previousListKind ? !alternate : false
            previousListKind = kind
            parts.append(carried.contains(index) ? Self.carrier(node) : block(node, alternate: alternate))
        }
        return parts.joined(separator: "\n\n")
    }

    /// "bullet" for bullet and task lists (both are `-` lists in markdown), "ordered", or nil.
    private static func markdownListKind(_ node: JSONValue) -> String? {
        switch node.nodeType {
        case "bulletList", "taskList": return "bullet"
        case "orderedList": return "ordered"
        default: return nil
        }
    }

    func block(_ node: JSONValue, alternate: Bool = false) -> String {
        let attrs = ADFNormaliser.contentAttributes(of: node)
        let plain = attrs.isEmpty && node.marks.isEmpty
        switch node.nodeType {
        case "paragraph" where plain:
            return InlineMarkdownWriter(context: .paragraph).write(node.children)
        case "heading" where node.marks.isEmpty && attrs.count == 1:
            guard let level = attrs["level"]?.int, (1...6).contains(level) else { break }
            let text = InlineMarkdownWriter(context: .heading).write(node.children)
            return String(repeating: "#", count: level) + (text.isEmpty ? "" : " " + text)
        case "codeBlock" where node.marks.isEmpty:
            return codeBlock(node, attrs: attrs) ?? Self.carrier(node)
        case "blockquote" where plain:
            return Self.prefixLines(join(ADFNormaliser.writtenChildren(of: node)), first: "> ", rest: "> ")
        case "rule" where plain && node.children.isEmpty:
            return "---"
        case "bulletList" where plain, "orderedList" where node.marks.isEmpty && attrs.keys.sorted() == ["order"]:
            return list(node, alternate: alternate) ?? Self.carrier(node)
        case "taskList" where plain:
            return taskList(node, alternate: alternate) ?? Self.carrier(node)
        case "table" where plain:
            return table(node) ?? Self.carrier(node)
        case "mediaSingle" where plain:
            return image(node) ?? Self.blockLink(node)
        case let type? where ADFMarkdownForms.blockLinkTypes.contains(type):
            return Self.blockLink(node)
        default:
            break
        }
        return Self.carrier(node)
    }

    /// Attachments and cards are written as a link on a line of its own.
    private static func blockLink(_ node: JSONValue) -> String {
        let preview = InlineMarkdownWriter.preview(of: node)
        return "[" + InlineMarkdownWriter(context: .paragraph).escape(preview) + "](" + ADFMarkdownForms.nodeTarget(node) + ")"
    }

    static func carrier(_ node: JSONValue) -> String {
        fenced(node.encodedString(keys: .sorted, pretty: true), info: ADFMarkdownForms.blockInfoString)
    }

    // MARK: Code

    private func codeBlock(_ node: JSONValue, attrs: JSONObject) -> String? {
        guard Set(attrs.keys).isSubset(of: ["language"]), node.children.allSatisfy({ $0.nodeType == "text" && $0.marks.isEmpty })
        else { return nil }
        let text = node.children.compactMap { $0["text"]?.string }.joined()
        let language = attrs["language"]?.string ?? ""
        if attrs["language"] != nil, attrs["language"]?.string == nil { return nil }
        switch language {
        case ADFMarkdownForms.sourceLanguage: return text
        case ADFMarkdownForms.blockInfoString: return nil
        default: return Self.fenced(text, info: language)
        }
    }

    /// A fenced code block whose fence is longer than any run of the fence character inside.
    static func fenced(_ text: String, info: String) -> String {
        let fenceCharacter: Unicode.Scalar = info.unicodeScalars.contains("`") ? "~" : "`"
        let longest = InlineMarkdownWriter.longestRun(of: fenceCharacter, in: text)
        let fence = String(repeating: String(fenceCharacter), count: max(3, longest + 1))
        return fence + info + "\n" + (text.isEmpty ? "" : text + "\n") + fence
    }

    // MARK: Lists

    private func list(_ node: JSONValue, alternate: Bool) -> String? {
        let ordered = node.nodeType == "orderedList"
        var number = 1
        if ordered {
            guard let order = ADFNormaliser.contentAttributes(of: node)["order"]?.int, (0...999_999_999).contains(order) else { return nil }
            number = order
        }
        let items = node.children
        guard !items.isEmpty, items.allSatisfy({ item in
            item.nodeType == "listItem" && ADFNormaliser.contentAttributes(of: item).isEmpty && item.marks.isEmpty
                && item.children.first?.nodeType == "paragraph"
        }) else { return nil }
        let escapeTaskMarkers = !ordered && Self.wouldReadAsTaskList(items)
        var rendered: [String] = []
        for item in items {
            let marker = ordered ? "\(number)" + (alternate ? ")" : ".") : (alternate ? "*" : "-")
            number += 1
            rendered.append(listItem(marker: marker, children: ADFNormaliser.writtenChildren(of: item),
                                     escapeTaskMarker: escapeTaskMarkers))
        }
        return Self.joinItems(rendered)
    }

    /// Items of a task-list-like plain list start with the text `[ ] ` or `[x] `; written raw, markdown reads
    /// them as task items. That is how such a list is meant to come back, unless the whole list would then
    /// qualify as an ADF task list: then the markers are escaped and stay text.
    private static func wouldReadAsTaskList(_ items: [JSONValue]) -> Bool {
        items.allSatisfy { item in
            let children = ADFNormaliser.writtenChildren(of: item)
            guard let first = children.first, taskMarker(first) != nil else { return false }
            return children.dropFirst().allSatisfy { $0.nodeType == "taskList" }
        }
    }

    /// "[ ] " or "[x] " when the paragraph starts with that text and markdown would read it as a task marker.
    private static func taskMarker(_ paragraph: JSONValue) -> String? {
        guard let first = paragraph.children.first, first.nodeType == "text", first.marks.isEmpty,
              let text = first["text"]?.string else { return nil }
        for marker in ["[ ] ", "[x] "] where text.hasPrefix(marker) {
            let rest = text.dropFirst(marker.count)
            if let next = rest.first { return next.isWhitespace ? nil : marker }
            return paragraph.children.count > 1 && paragraph.children[1].nodeType != "hardBreak" ? marker : nil
        }
        return nil
    }

    private func listItem(marker: String, children: [JSONValue], escapeTaskMarker: Bool) -> String {
        guard let first = children.first else { return marker }
        var head = InlineMarkdownWriter(context: .paragraph).write(first.children)
        if !escapeTaskMarker, let taskMarker = Self.taskMarker(first) {
            let rest = first.setting("content", .array(Self.dropping(taskMarker.count, from: first.children)))
            head = taskMarker + InlineMarkdownWriter(context: .paragraph).write(rest.children)
        }
        var body = head
        var previous = first
        var alternate = false
        for child in children.dropFirst() {
            let separator = head.isEmpty && previous == first ? "\n" : Self.canInterruptParagraph(child) && previous.nodeType == "paragraph" ? "\n" : "\n\n"
            let kind = Self.markdownListKind(child)
            alternate = kind != nil && kind == Self.markdownListKind(previous) ? !alternate : false
            body += separator + block(child, alternate: alternate)
            previous = child
        }
        let indent = String(repeating: " ", count: marker.count + 1)
        if head.isEmpty {
            return body.isEmpty ? marker : marker + Self.prefixLines(body, first: "", rest: indent)
        }
        return Self.prefixLines(body, first: marker + " ", rest: indent)
    }

    private static func dropping(_ count: Int, from inlines: [JSONValue]) -> [JSONValue] {
        guard let first = inlines.first, let text = first["text"]?.string else { return inlines }
        let rest = String(text.dropFirst(count))
        return (rest.isEmpty ? [] : [ADFNode.text(rest)]) + inlines.dropFirst()
    }

    /// Whether markdown lets this block start right under a paragraph line (no blank line between): bullet lists,
    /// and ordered lists that start at 1, when their first item is not empty.
    private static func canInterruptParagraph(_ node: JSONValue) -> Bool {
        switch node.nodeType {
        case "bulletList", "taskList":
            return !(node.children.first.map(startsEmpty) ?? true)
        case "orderedList":
            return ADFNormaliser.contentAttributes(of: node)["order"] == 1 && !(node.children.first.map(startsEmpty) ?? true)
        default:
            return false
        }
    }

    private static func startsEmpty(_ item: JSONValue) -> Bool {
        item.nodeType == "taskItem" ? false : item.children.first.map(ADFNormaliser.isEmptyParagraph) ?? true
    }

    /// Items separated by a blank line when any item has one inside (a loose list), else one per line.
    private static func joinItems(_ items: [String]) -> String {
        items.joined(separator: items.contains { $0.contains("\n\n") } ? "\n\n" : "\n")
    }

    private func taskList(_ node: JSONValue, alternate: Bool) -> String? {
        guard node.children.first?.nodeType == "taskItem" else { return nil }
        let bullet = alternate ? "*" : "-"
        var items: [String] = []
        var nestedKind = false
        for child in node.children {
            switch child.nodeType {
            case "taskItem":
                let attrs = ADFNormaliser.contentAttributes(of: child)
                guard child.marks.isEmpty, attrs.keys.sorted() == ["state"], let state = attrs["state"]?.string,
                      state == "TODO" || state == "DONE" else { return nil }
                let text = InlineMarkdownWriter(context: .paragraph).write(child.children)
                items.append(Self.prefixLines((state == "DONE" ? "[x] " : "[ ] ") + text, first: bullet + " ", rest: "  "))
                nestedKind = false
            case "taskList":
                guard let nested = taskList(child, alternate: nestedKind), !items.isEmpty else { return nil }
                items[items.count - 1] += "\n" + Self.prefixLines(nested, first: "  ", rest: "  ")
                nestedKind.toggle()
            default:
                return nil
            }
        }
        return Self.joinItems(items)
    }

    // MARK: Tables and images

    private func table(_ node: JSONValue) -> String? {
        let rows = node.children
        guard let width = rows.first?.children.count, width > 0 else { return nil }
        var lines: [String] = []
        for (index, row) in rows.enumerated() {
            let cellType = index == 0 ? "tableHeader" : "tableCell"
            guard row.nodeType == "tableRow", ADFNormaliser.contentAttributes(of: row).isEmpty, row.marks.isEmpty,
                  row.children.count == width else { return nil }
            var cells: [String] = []
            for cell in row.children {
                let content = ADFNormaliser.writtenChildren(of: cell)
                guard cell.nodeType == cellType, ADFNormaliser.contentAttributes(of: cell).isEmpty, cell.marks.isEmpty,
                      content.count == 1, let paragraph = content.first, paragraph.nodeType == "paragraph",
                      ADFNormaliser.contentAttributes(of: paragraph).isEmpty, paragraph.marks.isEmpty else { return nil }
                cells.append(InlineMarkdownWriter(context: .tableCell).write(paragraph.children))
            }
            lines.append("| " + cells.joined(separator: " | ") + " |")
            if index == 0 { lines.append("|" + String(repeating: " --- |", count: width)) }
        }
        return lines.joined(separator: "\n")
    }

    /// An image from a URL (external media, as a markdown image alone in a paragraph converts to).
    private func image(_ node: JSONValue) -> String? {
        guard node.children.count == 1, let media = node.children.first, media.nodeType == "media", media.marks.isEmpty,
              media.keys == ["type", "attrs"] else { return nil }
        let attrs = media.attributes
        guard attrs["type"] == "external", let url = attrs["url"]?.string, !url.isEmpty, !url.contains(where: \.isNewline),
              Set(attrs.keys).isSubset(of: ["type", "url", "alt"]) else { return nil }
        if let alt = attrs["alt"], alt.string?.isEmpty ?? true { return nil }
        let alt = InlineMarkdownWriter(context: .paragraph).escape(attrs["alt"]?.string ?? "")
        return "![" + alt + "](" + LinkSyntax.destination(url) + ")"
    }

    // MARK: Lines

    /// Prefixes the first line with `first` and every other non-empty line with `rest`.
    static func prefixLines(_ text: String, first: String, rest: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { index, line in
            if index == 0 { return first + line }
            let prefix = line.isEmpty ? String(rest.reversed().drop { $0 == " " }.reversed()) : rest
            return prefix + line
        }.joined(separator: "\n")
    }
}
