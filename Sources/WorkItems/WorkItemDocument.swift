import Foundation

public enum FrontmatterValue: Sendable, Equatable {
    case string(String)
    case list([String])
    case null
}

public struct WorkItemParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// 1-based line in the file.
    public var line: Int
    public var message: String
    public var description: String { "line \(line): \(message)" }

    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }
}

public struct WorkItemSection: Sendable, Equatable {
    /// The heading without `## `.
    public var title: String
    /// The whole section, heading line included.
    public var text: String
}

/// A work-item file kept byte for byte: frontmatter edits rewrite only the lines of the key they touch (the YAML is
/// never re-serialised, see PLATFORM-NOTES.md), and the body is held as text. Lines end where `DocumentLines`
/// says; every line an edit writes ends the way the file's first line does (LF or CRLF).
public struct WorkItemDocument: Sendable, Equatable {
    public internal(set) var text: String
    var fields: [FrontmatterField]
    /// Lines of the frontmatter between the fences, each with its line ending.
    var frontmatterLines: [String]
    var head: String          // BOM + opening fence line
    var closingFence: String  // the closing `---` line with its line ending
    var body: String          // everything after the closing fence
    var newline: String

    /// Bytes as read from git: refused unless they are UTF-8.
    public init(bytes: some Collection<UInt8>) throws(WorkItemParseError) {
        try self.init(text: UTF8Check.decode(bytes))
    }

    public init(text: String) throws(WorkItemParseError) {
        try Self.refuseNUL(in: text)
        let bom = text.utf8.starts(with: [0xEF, 0xBB, 0xBF]) ? "\u{FEFF}" : ""
        let lines = DocumentLines.split(text[text.utf8.index(text.startIndex, offsetBy: bom.utf8.count)...])
        guard let first = lines.first, Self.isFence(first) else {
            if let first = lines.first, first.hasBytePrefix("---\r"), !first.hasBytePrefix("---\r\n") {
                throw WorkItemParseError(line: 1, message: "the file ends its lines with CR alone: save it with LF or CRLF line endings")
            }
            throw WorkItemParseError(line: 1, message: "no frontmatter: the file must start with a '---' line")
        }
        guard let close = lines.indices.dropFirst().first(where: { Self.isFence(lines[$0]) }) else {
            throw WorkItemParseError(line: 1, message: "frontmatter is not closed: add a line '---' after the last key")
        }
        newline = DocumentLines.ending(of: first) == "\r\n" ? "\r\n" : "\n"
        head = bom + first
        frontmatterLines = Array(lines[1..<close])
        closingFence = lines[close]
        body = lines[(close + 1)...].joined()
        self.text = text
        fields = try FrontmatterParser.parse(frontmatterLines)
    }

    /// A document from parts known to be what parsing their text would give (`newItem`).
    init(head: String, frontmatterLines: [String], fields: [FrontmatterField], closingFence: String, body: String, newline: String) {
        self.head = head
        self.frontmatterLines = frontmatterLines
        self.fields = fields
        self.closingFence = closingFence
        self.body = body
        self.newline = newline
        text = head + frontmatterLines.joined() + closingFence + body
    }

    // MARK: Reading

    public var frontmatterKeys: [String] { fields.map(\.key) }

    public func value(_ key: String) -> FrontmatterValue? {
        fields.first { $0.key == key }?.value
    }

    public func scalar(_ key: String) -> String? {
        if case .string(let s) = value(key) { return s }
        return nil
    }

    public func list(_ key: String) -> [String]? {
        switch value(key) {
        case .list(let items): return items
        default: return nil
        }
    }

    /// Text between the closing fence and the first `## ` line.
    public var preamble: String {
        let (pre, _) = Self.splitBody(body)
        return pre
    }

    /// From the first line starting with `## ` to the end, or "" when there is none.
    public var description: String {
        let (_, desc) = Self.splitBody(body)
        return desc
    }

    public var sections: [WorkItemSection] {
        var out: [WorkItemSection] = []
        for line in DocumentLines.split(description) {
            if line.hasBytePrefix("## ") {
                let title = DocumentLines.content(of: line).dropFirst(3).trimmingCharacters(in: .whitespaces)
                out.append(WorkItemSection(title: title, text: line))
            } else if !out.isEmpty {
                out[out.count - 1].text += line
            }
        }
        return out
    }

    // MARK: Editing

    public mutating func set(_ key: String, to value: FrontmatterValue) {
        if let index = fields.firstIndex(where: { $0.key == key }) {
            if fields[index].value == value { return }
            let field = fields[index]
            let rendered = FrontmatterRenderer.render(key: key, value: value, like: field.style,
                existing: Array(frontmatterLines[field.lineRange]), newline: newline)
            frontmatterLines.replaceSubrange(field.lineRange, with: rendered)
        } else {
            if let last = frontmatterLines.last, DocumentLines.ending(of: last).isEmpty {
                frontmatterLines[frontmatterLines.count - 1] = last + newline
            }
            frontmatterLines += FrontmatterRenderer.render(key: key, value: value, like: nil, existing: [], newline: newline)
        }
        rebuild()
    }

    public mutating func remove(_ key: String) {
        guard let field = fields.first(where: { $0.key == key }) else { return }
        frontmatterLines.removeSubrange(field.lineRange)
        rebuild()
    }

    /// Replaces everything from the first `## ` line with `markdown`, a description from a tracker: its line ends
    /// become the file's, and control characters are escaped (`TerminalText.sanitiseBody`).
    public mutating func replaceDescription(with markdown: String) {
        let written = Self.bodyText(markdown, newline: newline)
        let (pre, old) = Self.splitBody(body)
        if old == written { return }
        if old.isEmpty && !pre.isEmpty {
            var prefix = pre
            if DocumentLines.ending(of: prefix).isEmpty { prefix += newline }
            let lines = DocumentLines.split(prefix)
            if lines.count < 2 || !DocumentLines.isBlank(lines[lines.count - 1]) { prefix += newline }
            body = prefix + written
        } else {
            body = pre + written
        }
        rebuild()
    }

    // MARK: Internals

    mutating func rebuild() {
        text = head + frontmatterLines.joined() + closingFence + body
        // Re-deriving the field map from the edited text keeps line ranges right; our own edits are valid YAML.
        fields = (try? FrontmatterParser.parse(frontmatterLines)) ?? fields
    }

    /// Remote text as it is written into this file's body.
    static func bodyText(_ markdown: String, newline: String) -> String {
        TerminalText.sanitiseBody(DocumentLines.convert(markdown, to: newline))
    }

    private static func isFence(_ line: String) -> Bool {
        DocumentLines.content(of: line).trimmingCharacters(in: CharacterSet(charactersIn: " \t")) == "---"
    }

    /// A NUL makes git treat the file as binary; such a file is refused, never rewritten.
    private static func refuseNUL(in text: String) throws(WorkItemParseError) {
        guard let nul = text.utf8.firstIndex(of: 0) else { return }
        let line = text.utf8[..<nul].reduce(1) { $0 + ($1 == DocumentLines.lf ? 1 : 0) }
        throw WorkItemParseError(line: line, message: "contains a NUL character, which makes git treat the file as binary: remove it")
    }

    /// Splits at the first line that starts with `## `.
    static func splitBody(_ body: String) -> (String, String) {
        let utf8 = body.utf8
        var lineStart = utf8.startIndex
        while lineStart != utf8.endIndex {
            if utf8[lineStart...].starts(with: "## ".utf8) { return (String(body[..<lineStart]), String(body[lineStart...])) }
            guard let newline = utf8[lineStart...].firstIndex(of: DocumentLines.lf) else { break }
            lineStart = utf8.index(after: newline)
        }
        return (body, "")
    }
}
