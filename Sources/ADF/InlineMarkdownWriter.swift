import Foundation
import JSON
import Markdown

/// Writes the inline content of one paragraph, heading, task item or table cell as markdown.
///
/// Text is escaped so that cmark reads back exactly the characters it holds, and formatting is written with `*`,
/// `**`, `~~`, backticks and links. Emphasis has no reliable markdown in some places (delimiters squeezed against
/// punctuation, marks in an unusual order…), so content with emphasis is parsed back and compared; when it
/// differs, the writer tries again with the emphasised text in the `adf-marks:` form, and finally with every node
/// in its link form, which always reads back exactly.
struct InlineMarkdownWriter {
    enum Context {
        case paragraph, heading, tableCell

        /// How a hard break is written: a backslash line break where lines may continue, `<br>` where a line
        /// must not end.
        var lineBreak: String { self == .paragraph ? "\\\n" : "<br>" }
    }

    let context: Context

    func write(_ nodes: [JSONValue]) -> String {
        let natural = render(nodes, strategy: .natural)
        // Escaping alone is exact; only emphasis delimiters depend on their neighbours, so only text with
        // emphasis is read back here. (The document as a whole is read back by `MarkdownWriter` in any case.)
        guard nodes.contains(where: Self.hasEmphasis) else { return natural }
        let expected = ADFNormaliser.comparable(nodes)
        if readsBack(natural, as: expected) { return natural }
        let carried = render(nodes, strategy: .carryFormattedText)
        return readsBack(carried, as: expected) ? carried : render(nodes, strategy: .carryEverything)
    }

    private enum Strategy { case natural, carryFormattedText, carryEverything }

    private static func hasEmphasis(_ node: JSONValue) -> Bool {
        node.marks.contains { delimiters[$0.nodeType ?? ""] != nil }
    }

    private func readsBack(_ markdown: String, as expected: [JSONValue]) -> Bool {
        let inlines: [MarkdownInline]
        switch (context, MarkdownParser.parse(wrapped(markdown)).first) {
        case (_, nil): inlines = []
        case (.paragraph, .paragraph(let content)?): inlines = content
        case (.heading, .heading(_, let content)?): inlines = content
        case (.tableCell, .table(let table)?): inlines = table.rows.first?.first ?? []
        default: return false
        }
        var converter = MarkdownToADF()
        return ADFNormaliser.comparable(converter.inlines(inlines)) == expected
    }

    private func wrapped(_ markdown: String) -> String {
        switch context {
        case .paragraph: return markdown
        case .heading: return "# " + markdown
        case .tableCell: return "| " + markdown + " |\n| --- |\n"
        }
    }

    // MARK: Rendering

    /// One piece of output: text or an atom, with the markdown-expressible marks (other than code) around it.
    private struct Piece {
        enum Body {
            /// Text still to be escaped: how depends on the delimiters written around it.
            case text(String)
            case markup(String)
        }

        var marks: [JSONValue]
        var body: Body
        /// Inline code cannot carry emphasis, so emphasis around it may stay open: reading back drops it again.
        var isCode = false
    }

    private func render(_ nodes: [JSONValue], strategy: Strategy) -> String {
        // A backslash line break cannot end a paragraph (it would read as a backslash): trailing breaks take
        // the link form.
        let trailingBreaks = context == .paragraph ? nodes.reversed().prefix { $0.nodeType == "hardBreak" }.count : 0
        let pieces = nodes.enumerated().map { index, node in
            index >= nodes.count - trailingBreaks ? carried(node) : piece(node, strategy: strategy)
        }
        let markdown = join(pieces, lineBreaks: nodes.map { $0.nodeType == "hardBreak" })
        // A table splits its rows at every unescaped `|` before reading the cells, even inside code and link
        // targets, and turns `\|` back into `|` first: so in a cell every pipe is escaped.
        return context == .tableCell ? markdown.replacingOccurrences(of: "|", with: "\\|") : markdown
    }

    private func piece(_ node: JSONValue, strategy: Strategy) -> Piece {
        if strategy == .carryEverything { return carried(node) }
        switch node.nodeType {
        case "text":
            let text = node["text"]?.string ?? ""
            guard let marks = Self.expressibleMarks(node.marks) else { return carriedMarks(node) }
            let outer = marks.filter { $0.nodeType != "code" }
            if marks.contains(where: { $0.nodeType == "code" }) {
                return Piece(marks: outer, body: .markup(codeSpan(text)), isCode: true)
            }
            if strategy == .carryFormattedText, outer.contains(where: { Self.delimiters[$0.nodeType ?? ""] != nil }) {
                return carriedMarks(node)
            }
            return Piece(marks: outer, body: .text(text))
        case "hardBreak":
            guard ADFNormaliser.contentAttributes(of: node).isEmpty, node.marks.isEmpty else { return carried(node) }
            return Piece(marks: [], body: .markup(context.lineBreak))
        case "mention":
            guard node.marks.isEmpty, let target = ADFMarkdownForms.mentionTarget(node.attributes),
                  let text = node.attributes["text"]?.string else { return carried(node) }
            return link(text: text, target: target)
        case "emoji":
            guard node.marks.isEmpty, let target = ADFMarkdownForms.emojiTarget(node.attributes),
                  let shortName = node.attributes["shortName"]?.string else { return carried(node) }
            return link(text: shortName, target: target)
        case "inlineCard":
            guard node.marks.isEmpty, node.keys == ["type", "attrs"], node.attributes.keys.sorted() == ["url"],
                  let url = node.attributes["url"]?.string, !url.isEmpty else { return carried(node) }
            return link(text: url, target: url, title: ADFMarkdownForms.smartLinkTitle)
        default:
            return carried(node)
        }
    }

    /// The marks of a text node when markdown can write them all, in the order reading them back gives.
    static func expressibleMarks(_ marks: [JSONValue]) -> [JSONValue]? {
        var previousRank = -1
        for mark in marks {
            guard let type = mark.nodeType, ["link", "em", "strong", "strike", "code"].contains(type),
                  let rank = ADFSchema.markRank[type], rank > previousRank else { return nil }
            previousRank = rank
            if type == "link" {
                let attrs = mark.attributes
                guard mark.keys == ["type", "attrs"], let href = attrs["href"]?.string, !href.isEmpty,
                      !href.contains(where: \.isNewline), Set(attrs.keys).isSubset(of: ["href", "title"]) else { return nil }
                if let title = attrs["title"] {
                    guard let text = title.string, !text.isEmpty, text != ADFMarkdownForms.smartLinkTitle else { return nil }
                }
            } else if mark.keys != ["type"] {
                return nil
            }
        }
        if marks.contains(where: { $0.nodeType == "code" }), !marks.allSatisfy({ ["code", "link"].contains($0.nodeType ?? "") }) {
            return nil
        }
        return marks
    }

    private func carriedMarks(_ node: JSONValue) -> Piece {
        let text = node["text"]?.string ?? ""
        return link(text: text, target: ADFMarkdownForms.marksTarget(node.marks))
    }

    private func carried(_ node: JSONValue) -> Piece {
        if node.nodeType == "text" { return carriedMarks(node) }
        return link(text: Self.preview(of: node), target: ADFMarkdownForms.nodeTarget(node))
    }

    private func link(text: String, target: String, title: String = "") -> Piece {
        Piece(marks: [], body: .markup("[" + escape(text) + "](" + LinkSyntax.destination(target) + LinkSyntax.title(title) + ")"))
    }

    /// What a node in link form shows: its text where it has one, else its type.
    static func preview(of node: JSONValue) -> String {
        let attrs = node.attributes
        let text: String?
        switch node.nodeType {
        case "date": text = attrs["timestamp"]?.string.flatMap(DatePreview.text)
        case "emoji": text = attrs["shortName"]?.string
        case "inlineCard": text = attrs["url"]?.string
        case "inlineExtension", "extension": text = attrs["text"]?.string ?? attrs["extensionKey"]?.string
        case "mediaInline", "mediaSingle", "mediaGroup":
            let media = node.nodeType == "mediaInline" ? node : node.children.first { $0.nodeType == "media" }
            text = media?.attributes["alt"]?.string ?? "attachment"
        case "blockCard", "embedCard": text = attrs["url"]?.string
        case "mention": text = attrs["text"]?.string ?? attrs["id"]?.string.map { "@" + $0 }
        case "hardBreak": text = "↵"
        default: text = attrs["text"]?.string
        }
        if let text, !text.isEmpty { return text }
        return node.nodeType ?? "node"
    }

    // MARK: Joining with formatting delimiters

    private static let delimiters = ["em": "*", "strong": "**", "strike": "~~"]

    /// Writes the pieces, opening and closing formatting so that marks shared by neighbours stay open.
    /// `lineBreaks` tells which pieces end a line.
    private func join(_ pieces: [Piece], lineBreaks: [Bool]) -> String {
        // First the plan: which marks close and open before each piece (and at the end).
        var closing: [[JSONValue]] = []
        var opening: [[JSONValue]] = []
        var open: [JSONValue] = []
        for piece in pieces {
            let keep = open.prefix { mark in
                piece.marks.contains(mark) || (piece.isCode && Self.delimiters[mark.nodeType ?? ""] != nil)
            }.count
            closing.append(open[keep...].reversed())
            open.removeSubrange(keep...)
            let added = piece.marks.filter { !open.contains($0) }
            opening.append(added)
            open += added
        }
        closing.append(open.reversed())
        opening.append([])

        func hasDelimiter(_ marks: [JSONValue]) -> Bool { marks.contains { Self.delimiters[$0.nodeType ?? ""] != nil } }
        var out = ""
        for (index, piece) in pieces.enumerated() {
            for mark in closing[index] { out += closeSyntax(mark) }
            for mark in opening[index] { out += mark.nodeType == "link" ? "[" : Self.delimiters[mark.nodeType ?? ""] ?? "" }
            switch piece.body {
            case .markup(let markup):
                out += markup
            case .text(let text):
                let atLineStart = index == 0 || lineBreaks[index - 1]
                let atLineEnd = index == pieces.count - 1 || lineBreaks[index + 1]
                let bare = piece.marks.isEmpty
                // Whitespace next to an emphasis delimiter would stop it counting as one, and whitespace at the
                // start or end of a line is dropped: both are written as character references.
                out += escape(text, lineStart: bare && atLineStart,
                              leadingSpace: hasDelimiter(opening[index]) || (bare && atLineStart),
                              trailingSpace: hasDelimiter(closing[index + 1]) || (bare && atLineEnd))
            }
        }
        for mark in closing[pieces.count] { out += closeSyntax(mark) }
        return out
    }

    private func closeSyntax(_ mark: JSONValue) -> String {
        guard mark.nodeType == "link" else { return Self.delimiters[mark.nodeType ?? ""] ?? "" }
        let attrs = mark.attributes
        return "](" + LinkSyntax.destination(attrs["href"]?.string ?? "") + LinkSyntax.title(attrs["title"]?.string ?? "") + ")"
    }

    // MARK: Escaping

    private func codeSpan(_ code: String) -> String {
        let scalars = code.unicodeScalars
        let fence = String(repeating: "`", count: Self.longestRun(of: "`", in: code) + 1)
        let padded = scalars.first == "`" || scalars.last == "`"
            || (scalars.first == " " && scalars.last == " " && !scalars.allSatisfy { $0 == " " })
        return fence + (padded ? " " + code + " " : code) + fence
    }

    static func longestRun(of scalar: Unicode.Scalar, in text: String) -> Int {
        var longest = 0
        var run = 0
        for each in text.unicodeScalars {
            run = each == scalar ? run + 1 : 0
            longest = max(longest, run)
        }
        return longest
    }

    /// Text escaped so that cmark reads these exact characters back. `lineStart` says whether the text begins a
    /// line, where block syntax applies; `leadingSpace`/`trailingSpace` whether whitespace at either end must be
    /// written as character references to survive.
    func escape(_ text: String, lineStart: Bool = false, leadingSpace: Bool = false, trailingSpace: Bool = false) -> String {
        // Scalars, not characters: a combining mark after `*` or a CR LF pair must not hide what needs escaping.
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        func append(_ string: String) { out.append(contentsOf: string.unicodeScalars) }
        func isBlank(_ scalar: Unicode.Scalar) -> Bool { scalar == " " || scalar == "\t" }
        var index = 0
        if leadingSpace || lineStart {
            while index < scalars.count, isBlank(scalars[index]) {
                append(scalars[index] == " " ? "&#32;" : "&#9;")
                index += 1
            }
        }
        let mustEscape = lineStart ? Self.blockMarkerPosition(scalars[index...]) : nil
        var trailingStart = scalars.count
        if trailingSpace {
            while trailingStart > index, isBlank(scalars[trailingStart - 1]) { trailingStart -= 1 }
        }
        while index < scalars.count {
            let scalar = scalars[index]
            if index >= trailingStart {
                append(scalar == " " ? "&#32;" : "&#9;")
            } else if index == mustEscape {
                out.append("\\")
                out.append(scalar)
            } else if let replacement = escaped(scalar, at: index, in: scalars) {
                append(replacement)
            } else {
                out.append(scalar)
            }
            index += 1
        }
        return String(out)
    }

    /// How one scalar is written, or nil for as is.
    private func escaped(_ scalar: Unicode.Scalar, at index: Int, in scalars: [Unicode.Scalar]) -> String? {
        func isWordCharacter(_ offset: Int) -> Bool {
            guard scalars.indices.contains(offset) else { return false }
            return scalars[offset].properties.isAlphabetic || scalars[offset].properties.numericType != nil
        }
        switch scalar {
        case "\\", "`", "*", "[", "]", "<", "~": return "\\" + String(scalar)
        case "_": return isWordCharacter(index - 1) && isWordCharacter(index + 1) ? nil : "\\_"
        case "#" where context == .heading && scalars[index...].allSatisfy({ $0 == "#" }): return "\\#"
        case "&": return LinkSyntax.startsEntity(scalars[(index + 1)...]) ? "\\&" : nil
        default: return scalar.value < 0x20 || scalar.value == 0x7F ? "&#\(scalar.value);" : nil
        }
    }

    /// Where a line starting with these characters has the punctuation that would make it block syntax (a
    /// heading, quote, list item, rule or setext underline): that character gets a backslash.
    private static func blockMarkerPosition(_ rest: ArraySlice<Unicode.Scalar>) -> Int? {
        guard let first = rest.first else { return nil }
        if "#>-+=|".unicodeScalars.contains(first) { return rest.startIndex }
        let digits = rest.prefix { ("0"..."9").contains($0) }
        let after = rest.startIndex + digits.count
        if !digits.isEmpty, digits.count <= 9, after < rest.endIndex, rest[after] == "." || rest[after] == ")" {
            return after
        }
        return nil
    }

}
