import Foundation

/// The fuzz suite's own reading of a work-item file, written independently of `WorkItemDocument`: lines end at LF
/// (git's rule, CRLF when a CR precedes it); the frontmatter runs from the first line to the next `---` line; a
/// frontmatter line that starts at column 0 with a name and a colon starts a key, indented lines continue it; in the
/// body, the first `# ` line is the heading, `**…` lines are generated, and the first `## ` line starts the
/// description. Only simple layouts are read (nil otherwise), so every judgement made from one is sound.
struct DocumentLayout {
    enum Part: Equatable {
        case fence, key(String), blankOrComment, heading, generated, preamble, description
    }

    let lines: [String]
    let parts: [Part]
    /// The ending of the first line: what every line an edit writes must end with.
    let newline: String

    /// The frontmatter keys in order.
    let keys: [String]

    init?(_ text: String) {
        let lines = Self.lines(text)
        self.lines = lines
        guard let first = lines.first, let close = lines.indices.dropFirst().first(where: { Self.isFence(lines[$0]) }) else { return nil }
        newline = Self.ending(first) == "\r\n" ? "\r\n" : "\n"
        var parts: [Part] = [.fence]
        var keys: [String] = []
        var currentKey: String?
        for line in lines[1..<close] {
            if Self.isBlank(line) || line.utf8.first == UInt8(ascii: "#") {
                parts.append(.blankOrComment)
            } else if let key = Self.keyName(line) {
                currentKey = key
                keys.append(key)
                parts.append(.key(key))
            } else if let key = currentKey, [UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "-")].contains(line.utf8.first) {
                parts.append(.key(key))
            } else {
                return nil
            }
        }
        parts.append(.fence)
        var sawHeading = false
        var inDescription = false
        for line in lines[(close + 1)...] {
            if !inDescription && line.utf8.starts(with: "## ".utf8) { inDescription = true }
            if inDescription {
                parts.append(.description)
            } else if Self.isBlank(line) {
                parts.append(.blankOrComment)
            } else if !sawHeading && line.utf8.starts(with: "# ".utf8) {
                sawHeading = true
                parts.append(.heading)
            } else if line.utf8.starts(with: "**".utf8) {
                parts.append(.generated)
            } else {
                parts.append(.preamble)
            }
        }
        self.parts = parts
        self.keys = keys
    }

    /// The lines an edit must keep byte for byte, in order: everything but blank and comment lines and `editable`.
    func kept(excluding editable: (Part) -> Bool) -> [String] {
        zip(lines, parts).filter { $0.1 != .blankOrComment && !editable($0.1) }.map(\.0)
    }

    /// The body after the closing fence, as text.
    var body: String {
        guard let close = parts.indices.dropFirst().first(where: { parts[$0] == .fence }) else { return "" }
        return lines[(close + 1)...].joined()
    }

    static func lines(_ text: String) -> [String] {
        var out: [String] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        while let lf = utf8[start...].firstIndex(of: UInt8(ascii: "\n")) {
            let next = utf8.index(after: lf)
            out.append(String(text[start..<next]))
            start = next
        }
        if start != utf8.endIndex { out.append(String(text[start...])) }
        return out
    }

    static func ending(_ line: String) -> String {
        let bytes = Array(line.utf8.suffix(2))
        if bytes == [0x0D, 0x0A] { return "\r\n" }
        return bytes.last == 0x0A ? "\n" : ""
    }

    static func content(_ line: String) -> [UInt8] {
        Array(line.utf8.dropLast(ending(line).utf8.count))
    }

    static func isBlank(_ line: String) -> Bool {
        content(line).allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
    }

    private static func isFence(_ line: String) -> Bool {
        var bytes = content(line)
        while bytes.last == UInt8(ascii: " ") || bytes.last == UInt8(ascii: "\t") { bytes.removeLast() }
        while bytes.first == UInt8(ascii: " ") || bytes.first == UInt8(ascii: "\t") { bytes.removeFirst() }
        return bytes == Array("---".utf8)
    }

    /// `name: …` at column 0 with a plain name.
    private static func keyName(_ line: String) -> String? {
        let bytes = content(line)
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")), colon > 0,
              bytes[..<colon].allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == UInt8(ascii: "_") }),
              colon + 1 == bytes.count || bytes[colon + 1] == UInt8(ascii: " ")
        else { return nil }
        return String(decoding: bytes[..<colon], as: UTF8.self)
    }
}
