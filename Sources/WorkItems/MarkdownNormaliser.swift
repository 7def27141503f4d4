import Foundation

/// Whitespace-tolerant normal form of markdown text: what "unchanged" means for a description.
public enum MarkdownNormaliser {
    /// CRLF/CR become LF, control characters are escaped the way a file's body holds them
    /// (`TerminalText.sanitiseBody`), trailing spaces and tabs go, runs of blank lines become one, leading and
    /// trailing blank lines go, and the text ends with exactly one newline (or is empty).
    public static func normalise(_ text: String) -> String {
        let unified = TerminalText.sanitiseBody(DocumentLines.convert(text, to: "\n"))
        var lines: [Substring] = []
        var previousBlank = true
        for raw in unified.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = raw
            while let last = line.last, last == " " || last == "\t" { line = line.dropLast() }
            let blank = line.isEmpty
            if blank && previousBlank { continue }
            lines.append(line)
            previousBlank = blank
        }
        while let last = lines.last, last.isEmpty { lines.removeLast() }
        return lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
    }
}
