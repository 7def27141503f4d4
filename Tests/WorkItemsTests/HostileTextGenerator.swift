import WorkItems

/// Hostile work-item text from a seed: every Unicode line break, C0 and C1 controls, NUL, BOM, bidi controls and
/// RTL text, combining marks, private-use characters, YAML and markdown syntax, very long runs.
struct HostileTextGenerator {
    var random: SplitMix64

    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    static let lineBreaks = ["\n", "\r", "\r\n", "\u{85}", "\u{2028}", "\u{2029}", "\u{0B}", "\u{0C}"]

    static let fragments = [
        "word", "Title", "sync", " ", "  ", "\t", "x", "0051", "ü", "é", "e\u{301}", "\u{301}", "a\u{20DD}\u{0308}",
        "שלום", "مرحبا بالعالم", "\u{202E}", "\u{202B}", "\u{202A}", "\u{2067}", "\u{2069}", "\u{200E}", "\u{200F}",
        "\u{061C}", "\u{FEFF}", "\u{0}", "\u{1B}[31m", "\u{1B}]0;owned\u{7}", "\u{9B}2J", "\u{7F}", "\u{7}", "\u{8}",
        "👩‍👩‍👧", "🏳️‍🌈", "\u{200D}", "\u{FFFD}", "\u{FFFE}", "\u{FFFF}", "\u{E000}", "\u{E001}", "\u{F0000}",
        ": ", " #", "#", "---", "- ", "-", "[", "]", "{", "}", ",", "'", "\"", "\\", "\\x00", "&anchor", "*alias",
        "!tag", "%", "@", "`", "|", ">", "? ", "## ", "# ", "**Kind**: ", "**", "true", "null", "Null", "~", "yes",
        "0x1F", "1e3", "012", ".inf", "2026-01-01", "...", "```", "<!-- c -->", "acme/widgets#12", "PROJ-7",
    ]

    /// A scalar from anywhere in Unicode (never a surrogate), weighted towards the troublesome blocks.
    mutating func scalar() -> Unicode.Scalar {
        let ranges: [ClosedRange<UInt32>] = [0x00...0x1F, 0x7F...0x9F, 0x20...0x7E, 0xA0...0x2FF, 0x300...0x36F,
            0x590...0x6FF, 0x2000...0x206F, 0xE000...0xF8FF, 0xFE00...0xFFFF, 0x1_0000...0x1_FFFF, 0xF_0000...0x10_FFFF]
        let range = random.pick(ranges)
        let value = range.lowerBound + UInt32(random.below(Int(range.upperBound - range.lowerBound) + 1))
        return Unicode.Scalar(value) ?? "?"
    }

    /// Up to `pieces` fragments, random scalars and (when allowed) line breaks.
    mutating func text(pieces: Int, breaks: Bool) -> String {
        var out = ""
        for _ in 0..<random.below(pieces + 1) {
            switch random.below(10) {
            case 0...4: out += random.pick(Self.fragments)
            case 5, 6: out.unicodeScalars.append(scalar())
            case 7: out += breaks ? random.pick(Self.lineBreaks) : random.pick(["\u{85}", "\u{2028}", "\u{2029}", "\u{0B}"])
            case 8: out += String(repeating: random.pick(["ab ", "\u{5D0}", "e\u{301}", "-", "\u{0}"]), count: random.chance(2) ? 3_000 : random.below(40))
            default: out += random.pick(["alpha", "beta gamma", "Fix the login", "Ünïcödé", "日本語のタイトル"])
            }
        }
        return out
    }

    mutating func optional(_ pieces: Int) -> String? {
        random.chance(25) ? nil : text(pieces: pieces, breaks: false)
    }

    /// A markdown body, sometimes starting with a `## ` section, with hostile lines and every kind of line end.
    mutating func body(lines: Int) -> String {
        var out = ""
        if random.chance(60) { out += "## " + text(pieces: 3, breaks: false) + "\n\n" }
        for _ in 0..<random.below(lines + 1) {
            switch random.below(8) {
            case 0: out += "## " + text(pieces: 3, breaks: false)
            case 1: out += random.pick(["# heading", "**Kind**: Story", "---", "```", "", "   ", "- item", "> quote"])
            default: out += text(pieces: 6, breaks: false)
            }
            out += random.chance(85) ? "\n" : random.pick(Self.lineBreaks)
        }
        return out
    }

    /// Content as a tracker might send it.
    mutating func content() -> WorkItemContent {
        WorkItemContent(title: text(pieces: 6, breaks: random.chance(20)), description: body(lines: 12),
            status: optional(2), priority: optional(2), kind: optional(2),
            tags: (0..<random.below(4)).map { _ in text(pieces: 3, breaks: false) },
            assignee: optional(2), parent: random.chance(30) ? "work-item:" + text(pieces: 2, breaks: false) : nil)
    }

    /// A whole file as a person or another tool might write it: styles of every kind, usually valid YAML, sometimes not.
    mutating func document() -> String {
        let newline = random.chance(70) ? "\n" : "\r\n"
        func end(_ g: inout HostileTextGenerator) -> String { g.random.chance(97) ? newline : g.random.pick(Self.lineBreaks) }
        var out = random.chance(5) ? "\u{FEFF}" : ""
        out += random.pick(["---", "---", "---", "--- ", "---\t", "----"]) + end(&self)
        let keys = ["id", "title", "date", "author", "kind", "status", "priority", "tags", "parent", "assignee",
                    "external_id", "work_item_id", "type", "x_custom"]
        var used = Set<String>()
        for _ in 0..<random.below(9) {
            let key = random.pick(keys)
            if used.contains(key) && random.chance(90) { continue }
            used.insert(key)
            out += key + ":" + value() + end(&self)
            if random.chance(10) { out += random.pick(["", "# a comment", "  ", "#\u{202E}x"]) + end(&self) }
        }
        if random.chance(97) { out += "---" + end(&self) }
        if random.chance(80) { out += end(&self) + "# 0001: " + text(pieces: 3, breaks: false) + end(&self) + end(&self) }
        if random.chance(70) {
            for label in ["Kind", "Status", "Author"] where random.chance(70) {
                out += "**\(label)**: " + text(pieces: 2, breaks: false) + end(&self)
            }
            out += end(&self)
        }
        var rest = body(lines: 20)
        if newline == "\r\n" { rest = rest.replacingOccurrences(of: "\n", with: "\r\n") }
        out += rest
        if random.chance(3) { out = String(out.unicodeScalars.prefix(random.below(out.unicodeScalars.count + 1))) }
        // A NUL anywhere gets a file refused; most documents go without, so the other properties get exercised.
        return random.chance(15) ? out : withoutNUL(out)
    }

    /// A document of about a megabyte (a real one is some kilobytes): a 100 KB title, thousands of body lines and
    /// one line of a third of a megabyte.
    mutating func hugeDocument() -> String {
        let newline = random.chance(50) ? "\n" : "\r\n"
        var lines = ["---", "id: \"0001\"", "title: \"" + String(repeating: "Long \u{5D0}\u{301} title ", count: 5_000) + "\"",
                     "tags: [a, b]", "---", "", "# 0001: Long", "", "## Summary", ""]
        for index in 0..<8_000 {
            lines.append(index % 1_000 == 0 ? "## Section \(index)" : withoutNUL(text(pieces: 4, breaks: false)))
        }
        lines.append(String(repeating: "x\u{2028}y ", count: 60_000))
        return lines.joined(separator: newline) + newline
    }

    private func withoutNUL(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { $0 != "\0" }))
    }

    /// UTF-8 bytes with a few bytes replaced or inserted from 0x80...0xFF: mostly not UTF-8 any more.
    mutating func invalidUTF8(_ bytes: [UInt8]) -> [UInt8] {
        var out = bytes
        for _ in 0...random.below(3) {
            let byte = UInt8(0x80 + random.below(0x80))
            let at = random.below(out.count + 1)
            if random.chance(50), at < out.count { out[at] = byte } else { out.insert(byte, at: at) }
        }
        return out
    }

    /// A frontmatter value in one of the styles people write, after the `key:`.
    private mutating func value() -> String {
        let word = text(pieces: 3, breaks: false)
        switch random.below(9) {
        case 0: return ""
        case 1: return " " + word
        case 2: return " \"" + word.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        case 3: return " '" + word.replacingOccurrences(of: "'", with: "''") + "'"
        case 4: return " [" + (0..<random.below(4)).map { _ in random.pick(["a", "b c", "\"q,d\"", "'s'", "\u{2028}", "ü"]) }.joined(separator: ", ") + "]"
        case 5: return "\n  - one\n  - \"t\u{2029}wo\"\n  - " + random.pick(["three", "[nested]", "{a: b}"])
        case 6: return " " + random.pick(["alpha", "0051", "\"0051\"", "~", "null", "[a, b]", "{a: 1}", "|\n  block", ">\n  folded\n  text"])
        case 7: return " \"" + random.pick(["\\x00", "\\e[31m", "\\u2028", "\\N", "\\L", "\\P", "\\t", "a\\\"b"]) + "\""
        default: return " \(word) # trailing"
        }
    }
}
