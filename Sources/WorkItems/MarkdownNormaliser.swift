import Foundation

/// Whitespace-tolerant normal form of markdown text: what "unchanged" means for a description.
public enum MarkdownNormaliser {
    /// CRLF/CR become LF, control characters are escaped the way a file's body holds them
    /// (`TerminalText.sanitiseBody`), trailing spaces and tabs go, runs of blank lines become one, leading and
    /// trailing blank lines go, and the text ends with exactly one newline (or is empty).
    ///
    /// Works on UTF-8 bytes: content hashes of every item go through here.
    public static func normalise(_ text: String) -> String {
        let unified = TerminalText.sanitiseBody(DocumentLines.convert(text, to: "\n"))
        let out = unified.withBytes { bytes -> [UInt8] in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var blankPending = false
            var start = 0
            while start < bytes.count {
                var lf = start
                while lf < bytes.count && bytes[lf] != DocumentLines.lf { lf += 1 }
                var end = lf
                while end > start && (bytes[end - 1] == UInt8(ascii: " ") || bytes[end - 1] == UInt8(ascii: "\t")) { end -= 1 }
                if end == start {
                    blankPending = !out.isEmpty
                } else {
                    if blankPending { out.append(DocumentLines.lf) }
                    blankPending = false
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<end]))
                    out.append(DocumentLines.lf)
                }
                start = lf + 1
            }
            return out
        }
        return String(decoding: out, as: UTF8.self)
    }
}
