import Foundation
import Yams

/// Reads the frontmatter lines (each with its ending) into fields that know which lines they occupy, so an edit can
/// rewrite exactly those lines. Line numbers in errors are the file's (the opening fence is line 1).
enum FrontmatterParser {
    static func parse(_ lines: [String]) throws(WorkItemParseError) -> [FrontmatterField] {
        try refuseDuplicateKeys(lines)
        let mask = YAMLCharacterMask(lines.joined())
        guard let node = try compose(mask.yaml) else { return [] }
        guard case .mapping(let mapping) = node else {
            throw WorkItemParseError(line: 2, message: "frontmatter must be a mapping of keys to values")
        }
        let pairs = Array(mapping)
        let starts = try keyLines(pairs.map(\.key), lineCount: lines.count)
        var fields: [FrontmatterField] = []
        for (index, pair) in pairs.enumerated() {
            let line = starts[index]
            let next = index + 1 < starts.count ? starts[index + 1] : lines.count
            let value = value(of: pair.value, mask: mask)
            fields.append(FrontmatterField(key: mask.restore(pair.key.string ?? ""), value: value,
                lineRange: line..<lastLine(of: line..<next, in: lines), style: FrontmatterField.Style(node: pair.value, firstLine: lines[line]),
                shape: FrontmatterField.Shape(node: pair.value, value: value)))
        }
        return fields
    }

    /// Yams reports duplicate keys without a line; find them first so the message can point at the second one.
    private static func refuseDuplicateKeys(_ lines: [String]) throws(WorkItemParseError) {
        var firstLine: [String: Int] = [:]
        for (index, line) in lines.enumerated() {
            guard let first = line.first, first.isLetter || first == "_" || first == "\"",
                let colon = line.firstByteMatch(of: ":")
            else { continue }
            let key = line[..<colon].trimmingCharacters(in: CharacterSet(charactersIn: "\"' "))
            if let earlier = firstLine[key] {
                throw WorkItemParseError(line: index + 2, message: "duplicate key '\(key)' (first on line \(earlier + 2)): keep one")
            }
            firstLine[key] = index
        }
    }

    private static func compose(_ yaml: String) throws(WorkItemParseError) -> Node? {
        do {
            // Values are read as strings, so no implicit type resolution (a regex per scalar) is needed.
            return try Yams.compose(yaml: yaml, .basic, .default, .utf8)
        } catch let error as YamlError {
            throw WorkItemParseError(line: line(of: error, in: yaml) + 1, message: "frontmatter is not valid YAML: \(summary(of: error))")
        } catch {
            throw WorkItemParseError(line: 2, message: "frontmatter is not valid YAML")
        }
    }

    /// The 0-based frontmatter line of every key. Each key must start its own line, in order, or an edit could not
    /// replace one without touching another (a flow mapping `{a: 1, b: 2}` is refused here).
    private static func keyLines(_ keys: [Node], lineCount: Int) throws(WorkItemParseError) -> [Int] {
        var out: [Int] = []
        for key in keys {
            let line = (key.mark?.line ?? 1) - 1
            guard line >= 0, line < lineCount else {
                throw WorkItemParseError(line: 2, message: "frontmatter is not valid YAML: a key outside the frontmatter")
            }
            if let previous = out.last, previous >= line {
                throw WorkItemParseError(line: line + 2, message: "put each frontmatter key on a line of its own")
            }
            out.append(line)
        }
        return out
    }

    /// Trailing blank and comment lines stay where they are when the field is rewritten.
    private static func lastLine(of range: Range<Int>, in lines: [String]) -> Int {
        var end = range.upperBound
        while end > range.lowerBound + 1 {
            let line = lines[end - 1]
            let isComment = !line.hasBytePrefix(" ") && DocumentLines.content(of: line).trimmingCharacters(in: .whitespaces).hasBytePrefix("#")
            if DocumentLines.isBlank(line) || isComment { end -= 1 } else { break }
        }
        return end
    }

    private static func value(of node: Node, mask: YAMLCharacterMask) -> FrontmatterValue {
        switch node {
        case .scalar(let s):
            if s.style == .plain && ["", "~", "null", "Null", "NULL"].contains(s.string) { return .null }
            return .string(mask.restore(s.string))
        case .sequence(let seq):
            return .list(seq.compactMap { $0.string.map(mask.restore) })
        default:
            return .null
        }
    }

    /// 0-based line within the frontmatter.
    private static func line(of error: YamlError, in yaml: String) -> Int {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return mark.line
        case .reader(_, let offset?, _, _):
            return yaml.utf8.prefix(offset).reduce(1) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
        default:
            return 1
        }
    }

    private static func summary(of error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _):
            return problem
        case .reader(let problem, _, let value, _):
            return problem + " (" + TerminalText.sanitise(Unicode.Scalar(UInt32(bitPattern: value)).map { String($0) } ?? "?")
                + "): write it as an escape in a double-quoted value"
        default:
            return "\(error)".split(separator: "\n").first.map(String.init) ?? "unreadable"
        }
    }
}
