import Foundation

/// How Linear hands a description back: it keeps markdown, but as its editor writes it, not as it was sent. Bullets
/// become `-`, ordered lists count up from their first number, `_emphasis_` and `__strong__` become `*emphasis*` and
/// `**strong**`, setext headings become `#` headings, `***` and `___` rules become `---`, trailing spaces and runs of
/// blank lines go, and the text ends without a newline. Fenced code is left as it is. A client that compares
/// descriptions as text sees a change Linear never made; the simulator does this so tests catch that.
enum LinearMarkdown {
    static func render(_ text: String) -> String {
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var out: [String] = []
        var fence: String?
        var numbering: [Int: Int] = [:]
        for (index, raw) in lines.enumerated() {
            let line = raw.trimmingTrailingSpaces()
            let stripped = line.drop { $0 == " " }
            if let open = fence {
                out.append(line)
                if stripped.hasPrefix(open) && stripped.allSatisfy({ $0 == open.first }) { fence = nil }
                continue
            }
            if stripped.hasPrefix("```") || stripped.hasPrefix("~~~") {
                fence = String(stripped.prefix { $0 == stripped.first })
                out.append(line)
                numbering = [:]
                continue
            }
            if line.isEmpty {
                if out.last?.isEmpty == false { out.append("") }
                continue
            }
            let next = index + 1 < lines.count ? lines[index + 1].trimmingTrailingSpaces() : ""
            if !isListItem(line), !next.isEmpty, next.allSatisfy({ $0 == "=" }) {
                out.append("# " + inline(line))
                continue
            }
            if line.allSatisfy({ $0 == "=" }), out.last?.hasPrefix("# ") == true { continue }
            if let rule = thematicBreak(line) {
                if rule == "-", let previous = out.last, !previous.isEmpty, !isListItem(previous), !previous.hasPrefix("#"),
                   !previous.hasPrefix("```"), !previous.hasPrefix("~~~"), previous != "---" {
                    out[out.count - 1] = "## " + out[out.count - 1]
                    continue
                }
                out.append("---")
                continue
            }
            out.append(listItem(line, numbering: &numbering))
        }
        while out.last?.isEmpty == true { out.removeLast() }
        return out.joined(separator: "\n")
    }

    private static func isListItem(_ line: String) -> Bool {
        let body = line.drop { $0 == " " }
        if body.hasPrefix("- ") || body.hasPrefix("* ") || body.hasPrefix("+ ") { return true }
        let digits = body.prefix { $0.isNumber }
        return !digits.isEmpty && (body.dropFirst(digits.count).hasPrefix(". ") || body.dropFirst(digits.count).hasPrefix(") "))
    }

    /// `***`, `---`, `___` (three or more, spaces allowed): the rule character, else nil.
    private static func thematicBreak(_ line: String) -> Character? {
        let marks = line.filter { $0 != " " }
        guard marks.count >= 3, let first = marks.first, "*-_".contains(first), marks.allSatisfy({ $0 == first }) else { return nil }
        return first
    }

    private static func listItem(_ line: String, numbering: inout [Int: Int]) -> String {
        let indent = line.prefix { $0 == " " }.count
        let body = line.dropFirst(indent)
        let pad = String(repeating: " ", count: indent)
        for bullet in ["- ", "* ", "+ "] where body.hasPrefix(bullet) {
            numbering = numbering.filter { $0.key < indent }
            return pad + "- " + inline(String(body.dropFirst(2)))
        }
        let digits = body.prefix { $0.isNumber }
        let rest = body.dropFirst(digits.count)
        if !digits.isEmpty, rest.hasPrefix(". ") || rest.hasPrefix(") ") {
            numbering = numbering.filter { $0.key <= indent }
            let number = numbering[indent].map { $0 + 1 } ?? Int(digits) ?? 1
            numbering[indent] = number
            return pad + "\(number). " + inline(String(rest.dropFirst(2)))
        }
        if indent == 0 { numbering = [:] }
        return pad + inline(String(body))
    }

    /// `__strong__` → `**strong**` and `_emphasis_` → `*emphasis*`, outside inline code spans.
    private static func inline(_ text: String) -> String {
        var out = ""
        var inCode = false
        let characters = Array(text)
        var i = 0
        while i < characters.count {
            let c = characters[i]
            if c == "`" { inCode.toggle(); out.append(c); i += 1; continue }
            if !inCode, c == "_" {
                let double = i + 1 < characters.count && characters[i + 1] == "_"
                let width = double ? 2 : 1
                let leftOK = i == 0 || !(characters[i - 1].isLetter || characters[i - 1].isNumber)
                if leftOK, let close = closing(characters, from: i + width, width: width) {
                    let inner = String(characters[(i + width)..<close])
                    let marker = double ? "**" : "*"
                    out += marker + inner + marker
                    i = close + width
                    continue
                }
            }
            out.append(c)
            i += 1
        }
        return out
    }

    private static func closing(_ characters: [Character], from start: Int, width: Int) -> Int? {
        guard start < characters.count, characters[start] != " " else { return nil }
        var j = start
        while j + width <= characters.count {
            let isMark = (0..<width).allSatisfy { characters[j + $0] == "_" }
            let rightOK = j + width == characters.count || !(characters[j + width].isLetter || characters[j + width].isNumber || characters[j + width] == "_")
            if isMark, j > start, characters[j - 1] != " ", rightOK { return j }
            if characters[j] == "`" { return nil }
            j += 1
        }
        return nil
    }
}

private extension String {
    func trimmingTrailingSpaces() -> String {
        var s = Substring(self)
        while let last = s.last, last == " " || last == "\t" { s = s.dropLast() }
        return String(s)
    }
}
