/// The canonical form's tree listing: one line per block and per run of equally formatted inline content.
enum CanonicalListing {
    static func block(_ block: MarkdownBlock, depth: Int, into lines: inout [String]) {
        let indent = String(repeating: "  ", count: depth)
        switch block {
        case .paragraph(let inlines):
            lines.append(indent + "paragraph")
            runs(inlines, depth: depth + 1, into: &lines)
        case .heading(let level, let inlines):
            lines.append(indent + "heading \(level)")
            runs(inlines, depth: depth + 1, into: &lines)
        case .codeBlock(let info, let literal):
            lines.append(indent + "code " + quoted(info) + " " + quoted(literal))
        case .htmlBlock(let html):
            lines.append(indent + "html " + quoted(html.hasSuffix("\n") ? String(html.dropLast()) : html))
        case .blockQuote(let children):
            lines.append(indent + "quote")
            for child in children { self.block(child, depth: depth + 1, into: &lines) }
        case .list(let list):
            lines.append(indent + (list.ordered ? "ordered list from \(list.start)" : "bullet list"))
            for item in list.items {
                let task = item.task.map { $0 == .done ? " [x]" : " [ ]" } ?? ""
                lines.append(indent + "  item" + task)
                for child in item.blocks { self.block(child, depth: depth + 2, into: &lines) }
            }
        case .thematicBreak:
            lines.append(indent + "rule")
        case .table(let table):
            lines.append(indent + "table")
            for (index, row) in table.rows.enumerated() {
                lines.append(indent + (index == 0 ? "  header row" : "  row"))
                for cell in row {
                    lines.append(indent + "    cell")
                    runs(cell, depth: depth + 3, into: &lines)
                }
            }
        }
    }

    /// A run of inline content with the formatting that applies to it.
    private struct Run: Equatable {
        var kind: String
        var text: String
        var marks: [String]
    }

    private static func runs(_ inlines: [MarkdownInline], depth: Int, into lines: inout [String]) {
        var collected: [Run] = []
        flatten(inlines, marks: [], into: &collected)
        var merged: [Run] = []
        for run in collected {
            if let last = merged.last, last.kind == "text", run.kind == "text", last.marks == run.marks {
                merged[merged.count - 1].text += run.text
            } else {
                merged.append(run)
            }
        }
        let indent = String(repeating: "  ", count: depth)
        for run in merged {
            let marks = run.marks.isEmpty ? "" : " {" + run.marks.joined(separator: ", ") + "}"
            lines.append(indent + run.kind + marks + " " + quoted(run.text))
        }
    }

    private static func flatten(_ inlines: [MarkdownInline], marks: Set<String>, into runs: inout [Run]) {
        func add(_ kind: String, _ text: String, _ marks: Set<String>) {
            if kind == "text", text.isEmpty { return }
            runs.append(Run(kind: kind, text: text, marks: marks.sorted()))
        }
        for inline in inlines {
            switch inline {
            case .text(let text): add("text", text, marks)
            case .softBreak: add("text", " ", marks)
            case .lineBreak: add("break", "", [])
            case .html(let html):
                if MarkdownInline.isLineBreakTag(html) { add("break", "", []) } else { add("text", html, marks) }
            case .code(let code): add("code", code, marks.filter { $0.hasPrefix("link ") })
            case .emphasis(let children): flatten(children, marks: marks.union(["emphasis"]), into: &runs)
            case .strong(let children): flatten(children, marks: marks.union(["strong"]), into: &runs)
            case .strikethrough(let children): flatten(children, marks: marks.union(["strike"]), into: &runs)
            case .link(let url, let title, let children):
                let link = "link " + quoted(url) + (title.isEmpty ? "" : " " + quoted(title))
                flatten(children, marks: marks.filter { !$0.hasPrefix("link ") }.union([link]), into: &runs)
            case .image(let url, let title, let children):
                add("image " + quoted(url) + (title.isEmpty ? "" : " " + quoted(title)), MarkdownInline.plainText(children), marks)
            }
        }
    }

    /// The text in double quotes, with quotes, backslashes and control characters escaped.
    private static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"", "\\": out += "\\" + String(scalar)
            case "\n": out += "\\n"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\u{" + String(scalar.value, radix: 16) + "}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
