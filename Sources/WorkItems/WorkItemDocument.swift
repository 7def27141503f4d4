import Foundation
import Yams

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
/// never re-serialised, see PLATFORM-NOTES.md), and the body is held as text.
public struct WorkItemDocument: Sendable, Equatable {
    public private(set) var text: String
    private var fields: [FrontmatterField]
    /// Lines of the frontmatter between the fences, each with its line ending.
    private var frontmatterLines: [String]
    private var head: String          // BOM + opening fence line
    private var closingFence: String  // the closing `---` line with its line ending
    private var body: String          // everything after the closing fence
    private var newline: String

    public init(text: String) throws(WorkItemParseError) {
        var rest = Substring(text)
        var bom = ""
        if rest.hasPrefix("\u{FEFF}") {
            bom = "\u{FEFF}"
            rest = rest.dropFirst()
        }
        let lines = Self.splitLines(String(rest))
        guard let first = lines.first, Self.isFence(first) else {
            throw WorkItemParseError(line: 1, message: "no frontmatter: the file must start with a '---' line")
        }
        guard let close = lines.indices.dropFirst().first(where: { Self.isFence(lines[$0]) }) else {
            throw WorkItemParseError(line: 1, message: "frontmatter is not closed: add a line '---' after the last key")
        }
        newline = first.hasSuffix("\r\n") ? "\r\n" : "\n"
        head = bom + first
        frontmatterLines = Array(lines[1..<close])
        closingFence = lines[close]
        body = lines[(close + 1)...].joined()
        self.text = text
        fields = try Self.parseFields(frontmatterLines)
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
        for line in Self.splitLines(description) {
            if line.hasPrefix("## ") {
                let title = line.dropFirst(3).trimmingCharacters(in: .whitespacesAndNewlines)
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
            if var last = frontmatterLines.last, !last.hasSuffix("\n") {
                last += newline
                frontmatterLines[frontmatterLines.count - 1] = last
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

    public mutating func replaceDescription(with markdown: String) {
        let (pre, old) = Self.splitBody(body)
        if old == markdown { return }
        if old.isEmpty {
            var prefix = pre
            if !prefix.isEmpty && !prefix.hasSuffix("\n") { prefix += newline }
            if !prefix.isEmpty && !prefix.hasSuffix("\n\n") && !prefix.hasSuffix("\r\n\r\n") { prefix += newline }
            body = prefix + markdown
        } else {
            body = pre + markdown
        }
        rebuild()
    }

    /// Rewrites the H1 and the `**Kind**:`-style lines from the frontmatter (only lines whose value differs).
    public mutating func regeneratePreamble(id: String) {
        regeneratePreamble(id: id, previousTitle: nil, only: nil)
    }

    /// `only`: the frontmatter keys that changed; their lines alone are refreshed (nil: every line), so an edit
    /// never rewrites a heading or status line the user keeps differently.
    mutating func regeneratePreamble(id: String, previousTitle: String?, only: Set<String>?) {
        let (pre, desc) = Self.splitBody(body)
        var lines = Self.splitLines(pre)
        let title = scalar("title") ?? ""
        var changed = false
        if only?.contains("title") ?? true, let h1 = lines.firstIndex(where: { $0.hasPrefix("# ") }) {
            let ending = Self.ending(of: lines[h1])
            let heading = String(lines[h1].dropLast(ending.count))
            var replacement: String?
            if heading.hasPrefix("# \(id): ") {
                replacement = "# \(id): \(title)"
            } else if let previousTitle, !previousTitle.isEmpty, heading.hasSuffix(previousTitle) {
                replacement = String(heading.dropLast(previousTitle.count)) + title
            }
            if let replacement, replacement != heading {
                lines[h1] = replacement + ending
                changed = true
            }
        }
        for (label, key) in [("Kind", "kind"), ("Status", "status"), ("Priority", "priority"), ("Author", "author")]
        where only?.contains(key) ?? true {
            guard let value = scalar(key) else { continue }
            let prefix = "**\(label)**: "
            guard let index = lines.firstIndex(where: { $0.hasPrefix(prefix) }) else { continue }
            let ending = Self.ending(of: lines[index])
            let current = String(lines[index].dropFirst(prefix.count).dropLast(ending.count))
            // A line that holds more than this field (several fields run together) is left as the user wrote it.
            if current.contains("**") { continue }
            let display = key == "author" ? value : Self.displayValue(value)
            if Self.sameDisplay(current, display) { continue }
            lines[index] = prefix + display + ending
            changed = true
        }
        if changed {
            body = lines.joined() + desc
            rebuild()
        }
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

    // MARK: Internals

    private mutating func rebuild() {
        text = head + frontmatterLines.joined() + closingFence + body
        // Re-deriving the field map from the edited text keeps line ranges right; our own edits are valid YAML.
        fields = (try? Self.parseFields(frontmatterLines)) ?? fields
    }

    /// Lines with their endings ("\n" or "\r\n"), found on the UTF-8 view: grapheme iteration is far slower.
    static func splitLines(_ s: String) -> [String] {
        var out: [String] = []
        let utf8 = s.utf8
        var start = utf8.startIndex
        var i = start
        while i != utf8.endIndex {
            let next = utf8.index(after: i)
            if utf8[i] == UInt8(ascii: "\n") {
                out.append(String(s[start..<next]))
                start = next
            }
            i = next
        }
        if start != utf8.endIndex { out.append(String(s[start...])) }
        return out
    }

    static func ending(of line: String) -> String {
        if line.hasSuffix("\r\n") { return "\r\n" }
        if line.hasSuffix("\n") { return "\n" }
        return ""
    }

    private static func isFence(_ line: String) -> Bool {
        line.trimmingCharacters(in: .whitespacesAndNewlines) == "---"
    }

    /// Splits at the first line that starts with `## `.
    private static func splitBody(_ body: String) -> (String, String) {
        let utf8 = body.utf8
        var lineStart = utf8.startIndex
        while lineStart != utf8.endIndex {
            if body[lineStart...].hasPrefix("## ") { return (String(body[..<lineStart]), String(body[lineStart...])) }
            guard let newline = utf8[lineStart...].firstIndex(of: UInt8(ascii: "\n")) else { break }
            lineStart = utf8.index(after: newline)
        }
        return (body, "")
    }

    private static func parseFields(_ lines: [String]) throws(WorkItemParseError) -> [FrontmatterField] {
        // Yams reports duplicate keys without a line; find them first so the message can point at the second one.
        var firstLine: [String: Int] = [:]
        for (index, line) in lines.enumerated() {
            guard let first = line.first, first.isLetter || first == "_" || first == "\"",
                let colon = line.range(of: ":")
            else { continue }
            let key = line[..<colon.lowerBound].trimmingCharacters(in: CharacterSet(charactersIn: "\"' "))
            if let earlier = firstLine[key] {
                throw WorkItemParseError(line: index + 2, message: "duplicate key '\(key)' (first on line \(earlier + 2)): keep one")
            }
            firstLine[key] = index
        }
        let yaml = lines.joined()
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw WorkItemParseError(line: Self.line(of: error) + 1, message: "frontmatter is not valid YAML: \(Self.summary(of: error))")
        } catch {
            throw WorkItemParseError(line: 2, message: "frontmatter is not valid YAML")
        }
        guard let node else { return [] }
        guard case .mapping(let mapping) = node else {
            throw WorkItemParseError(line: 2, message: "frontmatter must be a mapping of keys to values")
        }
        var fields: [FrontmatterField] = []
        var seen: [String: Int] = [:]
        let starts: [(key: Node, value: Node)] = Array(mapping)
        for (index, pair) in starts.enumerated() {
            let key = pair.key.string ?? ""
            let line = (pair.key.mark?.line ?? 1) - 1  // 0-based within frontmatter
            if let first = seen[key] {
                throw WorkItemParseError(line: line + 2, message: "duplicate key '\(key)' (first on line \(first + 2)): keep one")
            }
            seen[key] = line
            var end = index + 1 < starts.count ? (starts[index + 1].key.mark?.line ?? lines.count) - 1 : lines.count
            // Trailing blank and comment lines stay where they are when the field is rewritten.
            while end > line + 1 {
                let t = lines[end - 1].trimmingCharacters(in: .whitespacesAndNewlines)
                if t.isEmpty || (t.hasPrefix("#") && !lines[end - 1].hasPrefix(" ")) { end -= 1 } else { break }
            }
            fields.append(FrontmatterField(key: key, value: Self.value(of: pair.value), lineRange: line..<end,
                style: FrontmatterField.Style(node: pair.value, firstLine: lines[line])))
        }
        return fields
    }

    private static func value(of node: Node) -> FrontmatterValue {
        switch node {
        case .scalar(let s):
            if s.style == .plain && ["", "~", "null", "Null", "NULL"].contains(s.string) { return .null }
            return .string(s.string)
        case .sequence(let seq):
            return .list(seq.compactMap { $0.string })
        default:
            return .null
        }
    }

    private static func line(of error: YamlError) -> Int {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return mark.line
        default:
            return 1
        }
    }

    private static func summary(of error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _):
            return problem
        default:
            return "\(error)".split(separator: "\n").first.map(String.init) ?? "unreadable"
        }
    }
}

/// One top-level frontmatter key: its value and the lines it occupies.
struct FrontmatterField: Sendable, Equatable {
    enum Style: Sendable, Equatable {
        case plain, doubleQuoted, singleQuoted, flowList, blockList(indent: String), other

        init(node: Node, firstLine: String) {
            switch node {
            case .scalar(let s):
                switch s.style {
                case .doubleQuoted: self = .doubleQuoted
                case .singleQuoted: self = .singleQuoted
                case .plain: self = .plain
                default: self = .other
                }
            case .sequence(let seq):
                if seq.style == .flow || firstLine.contains("[") {
                    self = .flowList
                } else {
                    self = .blockList(indent: "")
                }
            default:
                self = .other
            }
        }
    }

    var key: String
    var value: FrontmatterValue
    var lineRange: Range<Int>
    var style: Style
}
