import JSON
import Markdown

/// Turns the markdown syntax tree into ADF nodes that Jira accepts, collecting a notice for everything ADF cannot
/// hold exactly.
///
/// Where ADF's structure is narrower than markdown's, the markdown is kept rather than bent: a block that may not
/// stand where it is (an HTML block anywhere, a table or quote inside a list item, a nested quote…) becomes a
/// `markdown-source` code block holding that block's markdown, and a GFM task list that ADF's `taskList` cannot
/// hold (task items with several blocks or nested plain lists, ordered task lists, a mix of task and plain items)
/// becomes an ordinary list whose items start with the literal text `[ ] ` or `[x] `. Both read back as the
/// markdown they came from.
struct MarkdownToADF {
    private(set) var notices: [String] = []
    private var taskListCount = 0

    mutating func document(_ blocks: [MarkdownBlock]) -> JSONValue {
        ["version": 1, "type": "doc", "content": .array(self.blocks(blocks, in: "doc"))]
    }

    private mutating func notice(_ text: String) {
        if !notices.contains(text) { notices.append(text) }
    }

    // MARK: Blocks

    /// Converts `blocks` as children of a node of type `parent` ("doc", "listItem" or "blockquote").
    mutating func blocks(_ blocks: [MarkdownBlock], in parent: String) -> [JSONValue] {
        var out: [JSONValue] = []
        for block in blocks {
            let node = self.block(block)
            if let type = node.nodeType, !ADFSchema.allows(type, in: parent) {
                out.append(sourceBlock(MarkdownWriter.block(node)))
                notice("blocks Jira cannot nest were kept as markdown in code blocks")
            } else {
                out.append(node)
            }
        }
        if parent == "listItem", out.first?.nodeType != "paragraph" {
            out.insert(ADFNode.make("paragraph"), at: 0)
        }
        return out
    }

    private func sourceBlock(_ markdown: String) -> JSONValue {
        ADFNode.make("codeBlock", attrs: ["language": .string(ADFMarkdownForms.sourceLanguage)],
                     content: markdown.isEmpty ? nil : [ADFNode.text(markdown)])
    }

    private mutating func block(_ block: MarkdownBlock) -> JSONValue {
        switch block {
        case .paragraph(let inlines):
            if let image = standaloneImage(inlines) { return image }
            if case .link(let url, let title, let children)? = inlines.first, inlines.count == 1,
               let node = ADFMarkdownForms.inlineNode(target: url, title: title, text: MarkdownInline.plainText(children)),
               ADFMarkdownForms.blockLinkTypes.contains(node.nodeType ?? "") {
                return node
            }
            return ADFNode.inlineContainer("paragraph", content: self.inlines(inlines))
        case .heading(let level, let inlines):
            return ADFNode.inlineContainer("heading", attrs: ["level": .int(level)], content: self.inlines(inlines))
        case .codeBlock(let info, let literal):
            if let carried = ADFMarkdownForms.carriedBlock(info: info, literal: literal) { return carried }
            let text = literal.hasSuffix("\n") ? String(literal.dropLast()) : literal
            let node = ADFNode.make("codeBlock", attrs: info.isEmpty ? [:] : ["language": .string(info)],
                                    content: text.isEmpty ? nil : [ADFNode.text(text)])
            // A code block that uses the marker language must not be read back as markdown: send its own source.
            return info == ADFMarkdownForms.sourceLanguage ? sourceBlock(MarkdownWriter.block(node)) : node
        case .htmlBlock(let html):
            notice("HTML blocks were kept as markdown in code blocks")
            return sourceBlock(html.hasSuffix("\n") ? String(html.dropLast()) : html)
        case .blockQuote(let children):
            return ADFNode.make("blockquote", content: blocks(children, in: "blockquote"))
        case .list(let list):
            return isTaskList(list) ? taskList(list) : plainList(list)
        case .thematicBreak:
            return ADFNode.make("rule")
        case .table(let table):
            return self.table(table)
        }
    }

    /// Whether ADF's `taskList` can hold this GFM list: a bullet list of task items, each a single paragraph
    /// followed only by nested lists that are themselves task lists.
    static func isTaskList(_ list: MarkdownList) -> Bool {
        !list.ordered && list.items.allSatisfy { item in
            guard item.task != nil else { return false }
            if item.blocks.isEmpty { return true }
            guard case .paragraph = item.blocks.first else { return false }
            return item.blocks.dropFirst().allSatisfy { block in
                if case .list(let nested) = block { return isTaskList(nested) }
                return false
            }
        }
    }

    private func isTaskList(_ list: MarkdownList) -> Bool { Self.isTaskList(list) }

    private mutating func taskList(_ list: MarkdownList) -> JSONValue {
        taskListCount += 1
        let listNumber = taskListCount
        var content: [JSONValue] = []
        var itemNumber = 0
        for item in list.items {
            let inlines = Self.firstParagraph(item)
            itemNumber += 1
            let converted = self.inlines(inlines)
            let id = LocalIdentifier.make("taskItem \(listNumber).\(itemNumber) " + MarkdownInline.plainText(inlines))
            content.append(ADFNode.inlineContainer("taskItem", attrs: [
                "localId": .string(id), "state": item.task == .done ? "DONE" : "TODO",
            ], content: converted))
            for case .list(let nested) in item.blocks.dropFirst() { content.append(taskList(nested)) }
        }
        let summary = list.items.map { MarkdownInline.plainText(Self.firstParagraph($0)) }.joined(separator: "\n")
        return ADFNode.make("taskList", attrs: ["localId": .string(LocalIdentifier.make("taskList \(listNumber) " + summary))],
                            content: content)
    }

    private static func firstParagraph(_ item: MarkdownListItem) -> [MarkdownInline] {
        if case .paragraph(let inlines) = item.blocks.first { return inlines }
        return []
    }

    private mutating func plainList(_ list: MarkdownList) -> JSONValue {
        let items = list.items.map { item -> JSONValue in
            var children = blocks(item.blocks, in: "listItem")
            if let task = item.task, let first = children.first {
                children[0] = Self.prefixing(task == .done ? "[x] " : "[ ] ", to: first)
            }
            return ADFNode.make("listItem", content: children)
        }
        if list.ordered {
            return ADFNode.make("orderedList", attrs: ["order": .int(list.start)], content: items)
        }
        return ADFNode.make("bulletList", content: items)
    }

    private static func prefixing(_ marker: String, to paragraph: JSONValue) -> JSONValue {
        let content = ADFNode.mergingText([ADFNode.text(marker)] + paragraph.children)
        return paragraph.setting("content", .array(content))
    }

    private mutating func table(_ table: MarkdownTable) -> JSONValue {
        if table.alignments.contains(where: { $0 != .none }) {
            notice("table column alignment was dropped (Jira tables cannot hold it)")
        }
        let rows = table.rows.enumerated().map { index, cells -> JSONValue in
            let type = index == 0 ? "tableHeader" : "tableCell"
            return ADFNode.make("tableRow", content: cells.map { cell in
                ADFNode.make(type, content: [ADFNode.inlineContainer("paragraph", content: inlines(cell))])
            })
        }
        return ADFNode.make("table", content: rows)
    }

    /// A paragraph that is only an image becomes an image of its own (external media), as Jira shows pictures.
    private mutating func standaloneImage(_ inlines: [MarkdownInline]) -> JSONValue? {
        guard inlines.count == 1, case .image(let url, let title, let description) = inlines[0], !url.isEmpty else { return nil }
        if !title.isEmpty { notice("image titles were dropped (Jira images have none)") }
        var attrs: JSONObject = ["type": "external", "url": .string(url)]
        let alt = MarkdownInline.plainText(description)
        if !alt.isEmpty { attrs["alt"] = .string(alt) }
        return ADFNode.make("mediaSingle", attrs: ["layout": "center"], content: [ADFNode.make("media", attrs: attrs)])
    }

    // MARK: Inlines

    mutating func inlines(_ inlines: [MarkdownInline]) -> [JSONValue] {
        ADFNode.mergingText(self.inlines(inlines, marks: []))
    }

    private mutating func inlines(_ inlines: [MarkdownInline], marks: [JSONValue]) -> [JSONValue] {
        inlines.flatMap { inline(inline: $0, marks: marks) }
    }

    private mutating func inline(inline: MarkdownInline, marks: [JSONValue]) -> [JSONValue] {
        switch inline {
        case .text(let text):
            return text.isEmpty ? [] : [ADFNode.text(text, marks: Self.ordered(marks))]
        case .softBreak:
            return [ADFNode.text(" ", marks: Self.ordered(marks))]
        case .lineBreak:
            return [ADFNode.make("hardBreak")]
        case .html(let html):
            if MarkdownInline.isLineBreakTag(html) { return [ADFNode.make("hardBreak")] }
            notice("inline HTML was sent as text")
            return [ADFNode.text(html, marks: Self.ordered(marks))]
        case .code(let code):
            guard !code.isEmpty else { return [] }
            let kept = marks.filter { ADFSchema.marksAllowedWithCode.contains($0.nodeType ?? "") }
            if kept.count < marks.count { notice("formatting on inline code was dropped (Jira cannot format code)") }
            return [ADFNode.text(code, marks: Self.ordered(kept + [ADFNode.mark("code")]))]
        case .emphasis(let children):
            return inlines(children, marks: adding(ADFNode.mark("em"), to: marks))
        case .strong(let children):
            return inlines(children, marks: adding(ADFNode.mark("strong"), to: marks))
        case .strikethrough(let children):
            return inlines(children, marks: adding(ADFNode.mark("strike"), to: marks))
        case .link(let url, let title, let children):
            return link(url: url, title: title, children: children, marks: marks)
        case .image(let url, _, let description):
            notice("images inside text were sent as links")
            let text = MarkdownInline.plainText(description)
            guard !url.isEmpty else { return text.isEmpty ? [] : [ADFNode.text(text, marks: Self.ordered(marks))] }
            let linkMark = ADFNode.mark("link", attrs: ["href": .string(url)])
            return [ADFNode.text(text.isEmpty ? url : text, marks: Self.ordered(adding(linkMark, to: marks)))]
        }
    }

    private mutating func link(url: String, title: String, children: [MarkdownInline], marks: [JSONValue]) -> [JSONValue] {
        if let node = ADFMarkdownForms.inlineNode(target: url, title: title, text: MarkdownInline.plainText(children)) {
            if !marks.isEmpty { notice("formatting around mentions, emoji and smart links was dropped") }
            return [node]
        }
        if let carried = ADFMarkdownForms.carriedMarks(target: url) {
            let outer = marks.filter { mark in !carried.contains { $0.nodeType == mark.nodeType } }
            return inlines(children, marks: []).map { node in
                guard node.nodeType == "text" else { return node }
                return node.setting("marks", carried.isEmpty && outer.isEmpty ? nil : .array(carried + outer + node.marks))
            }
        }
        guard !url.isEmpty else {
            notice("links without a target were sent as text")
            return inlines(children, marks: marks)
        }
        var attrs: JSONObject = ["href": .string(url)]
        if !title.isEmpty { attrs["title"] = .string(title) }
        let linked = adding(ADFNode.mark("link", attrs: attrs), to: marks.filter { $0.nodeType != "link" })
        let converted = inlines(children, marks: linked)
        if converted.isEmpty { notice("links without text were dropped") }
        return converted
    }

    private func adding(_ mark: JSONValue, to marks: [JSONValue]) -> [JSONValue] {
        marks.contains { $0.nodeType == mark.nodeType } ? marks : marks + [mark]
    }

    /// Marks in the order Atlassian's editor keeps them.
    static func ordered(_ marks: [JSONValue]) -> [JSONValue] {
        marks.enumerated().sorted { a, b in
            let rankA = ADFSchema.markRank[a.element.nodeType ?? ""] ?? 100
            let rankB = ADFSchema.markRank[b.element.nodeType ?? ""] ?? 100
            return rankA != rankB ? rankA < rankB : a.offset < b.offset
        }.map(\.element)
    }
}
