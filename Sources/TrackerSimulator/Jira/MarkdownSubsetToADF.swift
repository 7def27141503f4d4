import Foundation

/// The admin API's markdown description as an ADF document. Deliberately small and independent of the client's
/// converter (the simulator never imports it): headings, paragraphs (soft line breaks become spaces), bullet and
/// ordered lists (nested by indentation), fenced code blocks, and inline `**strong**`, `*em*`/`_em_`, `` `code` ``,
/// `~~strike~~` and `[text](url)`; a backslash escapes the next punctuation character. Anything else is text.
enum MarkdownSubsetToADF {
    static func document(_ markdown: String) -> [String: Any] {
        var reader = LineReader(markdown)
        return ["version": 1, "type": "doc", "content": blocks(&reader)]
    }

    // MARK: Blocks

    private static func blocks(_ reader: inout LineReader) -> [[String: Any]] {
        var result: [[String: Any]] = []
        while let line = reader.peek() {
            if line.trimmingCharacters(in: .whitespaces).isEmpty {
                reader.skip()
            } else if let fence = Fence(line) {
                reader.skip()
                result.append(codeBlock(fence, &reader))
            } else if let (level, text) = heading(line) {
                reader.skip()
                result.append(["type": "heading", "attrs": ["level": level], "content": inline(text)])
            } else if let marker = ListMarker(line) {
                result.append(list(&reader, indent: marker.indent, ordered: marker.ordered, start: marker.number))
            } else {
                result.append(paragraph(&reader))
            }
        }
        return result
    }

    private static func paragraph(_ reader: inout LineReader) -> [String: Any] {
        var lines: [String] = []
        while let line = reader.peek(), !line.trimmingCharacters(in: .whitespaces).isEmpty, Fence(line) == nil,
              heading(line) == nil, lines.isEmpty || ListMarker(line) == nil {
            lines.append(line.trimmingCharacters(in: .whitespaces))
            reader.skip()
        }
        return paragraph(lines.joined(separator: " "))
    }

    private static func paragraph(_ text: String) -> [String: Any] {
        let content = inline(text)
        return content.isEmpty ? ["type": "paragraph"] : ["type": "paragraph", "content": content]
    }

    private static func codeBlock(_ fence: Fence, _ reader: inout LineReader) -> [String: Any] {
        var lines: [String] = []
        while let line = reader.next() {
            if line.trimmingCharacters(in: .whitespaces) == fence.marker { break }
            lines.append(line)
        }
        var node: [String: Any] = ["type": "codeBlock"]
        if !fence.language.isEmpty { node["attrs"] = ["language": fence.language] }
        let text = lines.joined(separator: "\n")
        if !text.isEmpty { node["content"] = [["type": "text", "text": text]] }
        return node
    }

    /// Items at `indent` with the same kind of marker; deeper list lines nest, deeper text lines continue the item.
    private static func list(_ reader: inout LineReader, indent: Int, ordered: Bool, start: Int) -> [String: Any] {
        var items: [[String: Any]] = []
        while let line = reader.peek(), let marker = ListMarker(line), marker.indent == indent, marker.ordered == ordered {
            reader.skip()
            var text = marker.text
            var nested: [[String: Any]] = []
            while let next = reader.peek(), !next.trimmingCharacters(in: .whitespaces).isEmpty, ListMarker.indent(of: next) > indent {
                if let inner = ListMarker(next) {
                    nested.append(list(&reader, indent: inner.indent, ordered: inner.ordered, start: inner.number))
                } else {
                    text += " " + next.trimmingCharacters(in: .whitespaces)
                    reader.skip()
                }
            }
            items.append(["type": "listItem", "content": [paragraph(text)] + nested])
        }
        var node: [String: Any] = ["type": ordered ? "orderedList" : "bulletList", "content": items]
        if ordered && start != 1 { node["attrs"] = ["order": start] }
        return node
    }

    private static func heading(_ line: String) -> (Int, String)? {
        let hashes = line.prefix { $0 == "#" }.count
        guard (1...6).contains(hashes) else { return nil }
        let rest = line.dropFirst(hashes)
        guard rest.isEmpty || rest.first == " " else { return nil }
        return (hashes, rest.trimmingCharacters(in: .whitespaces))
    }

    // MARK: Inline

    /// Text nodes with their marks.
    static func inline(_ text: String) -> [[String: Any]] {
        var nodes: [[String: Any]] = []
        appendInline(Array(text), marks: [], to: &nodes)
        return nodes
    }

    private static func appendInline(_ chars: [Character], marks: [[String: Any]], to nodes: inout [[String: Any]]) {
        var plain = ""
        func flush() {
            if !plain.isEmpty { nodes.append(textNode(plain, marks)) }
            plain = ""
        }
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "\\", i + 1 < chars.count, chars[i + 1].isPunctuation || chars[i + 1].isSymbol {
                plain.append(chars[i + 1])
                i += 2
            } else if c == "`", let end = find(["`"], in: chars, from: i + 1), end > i + 1 {
                flush()
                nodes.append(textNode(String(chars[(i + 1)..<end]), [["type": "code"]]))
                i = end + 1
            } else if let (delimiter, mark) = emphasis(chars, at: i),
                      let end = find(delimiter, in: chars, from: i + delimiter.count), end > i + delimiter.count {
                flush()
                appendInline(Array(chars[(i + delimiter.count)..<end]), marks: marks + [["type": mark]], to: &nodes)
                i = end + delimiter.count
            } else if c == "[", let close = find(["]", "("], in: chars, from: i + 1),
                      let end = find([")"], in: chars, from: close + 2), close > i + 1 {
                flush()
                let href = String(chars[(close + 2)..<end])
                appendInline(Array(chars[(i + 1)..<close]), marks: marks + [["type": "link", "attrs": ["href": href]]], to: &nodes)
                i = end + 1
            } else {
                plain.append(c)
                i += 1
            }
        }
        flush()
    }

    private static func emphasis(_ chars: [Character], at i: Int) -> ([Character], String)? {
        let next = i + 1 < chars.count ? chars[i + 1] : nil
        switch chars[i] {
        case "*" where next == "*": return (["*", "*"], "strong")
        case "~" where next == "~": return (["~", "~"], "strike")
        case "*", "_": return ([chars[i]], "em")
        default: return nil
        }
    }

    private static func find(_ needle: [Character], in chars: [Character], from start: Int) -> Int? {
        guard start <= chars.count - needle.count else { return nil }
        for i in start...(chars.count - needle.count) where Array(chars[i..<(i + needle.count)]) == needle {
            return i
        }
        return nil
    }

    private static func textNode(_ text: String, _ marks: [[String: Any]]) -> [String: Any] {
        marks.isEmpty ? ["type": "text", "text": text] : ["type": "text", "text": text, "marks": marks]
    }
}

/// Lines of a markdown text, one at a time (a trailing CR is dropped).
private struct LineReader {
    private let lines: [String]
    private var index = 0

    init(_ text: String) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
        }
    }

    func peek() -> String? { index < lines.count ? lines[index] : nil }

    mutating func skip() { index += 1 }

    mutating func next() -> String? {
        defer { index += 1 }
        return peek()
    }
}

/// An opening code fence: three or more backticks, then an optional language.
private struct Fence {
    let marker: String
    let language: String

    init?(_ line: String) {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        let ticks = trimmed.prefix { $0 == "`" }.count
        guard ticks >= 3 else { return nil }
        marker = String(repeating: "`", count: ticks)
        language = trimmed.dropFirst(ticks).trimmingCharacters(in: .whitespaces)
    }
}

/// `- item`, `* item`, `+ item`, `1. item` or `1) item`, with its indentation.
private struct ListMarker {
    let indent: Int
    let ordered: Bool
    let number: Int
    let text: String

    init?(_ line: String) {
        indent = Self.indent(of: line)
        let rest = line.dropFirst(indent)
        if let first = rest.first, "-*+".contains(first), rest.dropFirst().first == " " {
            ordered = false
            number = 1
            text = rest.dropFirst(2).trimmingCharacters(in: .whitespaces)
            return
        }
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        let after = rest.dropFirst(digits.count)
        guard !digits.isEmpty, digits.count <= 9, let mark = after.first, mark == "." || mark == ")",
              after.dropFirst().first == " ", let value = Int(digits) else { return nil }
        ordered = true
        number = value
        text = after.dropFirst(2).trimmingCharacters(in: .whitespaces)
    }

    static func indent(of line: String) -> Int { line.prefix { $0 == " " }.count }
}
