import Foundation

/// The one rule for where a line of work-item text ends, used everywhere in WorkItems.
///
/// A line ends after LF, as git sees it (diff, blame, merge); its ending is CRLF when a CR comes right before
/// the LF, LF otherwise, and the last line may have none. Everything else is an ordinary character within a
/// line: a lone CR, VT, FF, NEL (U+0085), LINE SEPARATOR (U+2028) and PARAGRAPH SEPARATOR (U+2029), as they
/// are to git and to YAML 1.2. Swift's `Character.isNewline` and Foundation's `.newlines` disagree (they break
/// at all of these), so WorkItems never splits document text with them.
///
/// Lines are found on the UTF-8 view: grapheme iteration is far slower, and a CRLF is one `Character`.
enum DocumentLines {
    static let lf = UInt8(ascii: "\n")
    static let cr = UInt8(ascii: "\r")

    /// The lines of `text`, each with its ending; joining them gives `text` back.
    static func split(_ text: some StringProtocol) -> [String] {
        var out: [String] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        while let newline = utf8[start...].firstIndex(of: lf) {
            let next = utf8.index(after: newline)
            out.append(String(text[start..<next]))
            start = next
        }
        if start != utf8.endIndex { out.append(String(text[start...])) }
        return out
    }

    /// "\r\n", "\n" or "" (the last line of a file without a final newline).
    static func ending(of line: String) -> String { ending(ofBytes: line.utf8) }

    static func ending(of line: Substring) -> String { ending(ofBytes: line.utf8) }

    private static func ending(ofBytes utf8: some BidirectionalCollection<UInt8>) -> String {
        guard utf8.last == lf else { return "" }
        return utf8.dropLast().last == cr ? "\r\n" : "\n"
    }

    /// The line without its ending.
    static func content(of line: String) -> Substring {
        line.dropLast(ending(of: line).isEmpty ? 0 : 1)  // a CRLF is one Character
    }

    /// Nothing but spaces and tabs before the ending.
    static func isBlank(_ line: String) -> Bool {
        content(of: line).utf8.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
    }

    private static func contains(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        return memchr(base, Int32(byte), bytes.count) != nil
    }

    /// Where the first line that is not blank starts (the end when every line is blank).
    static func firstNonBlankLine(in text: String) -> String.Index {
        let utf8 = text.utf8
        var lineStart = utf8.startIndex
        var index = lineStart
        while index != utf8.endIndex {
            switch utf8[index] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"): index = utf8.index(after: index)
            case lf:
                index = utf8.index(after: index)
                lineStart = index
            default: return lineStart
            }
        }
        return utf8.endIndex
    }

    /// Without the spaces, tabs and line ends at its end.
    static func droppingTrailingWhitespace(_ text: String) -> String {
        let utf8 = text.utf8
        var end = utf8.endIndex
        while end > utf8.startIndex, [UInt8(ascii: " "), UInt8(ascii: "\t"), lf, cr].contains(utf8[utf8.index(before: end)]) {
            end = utf8.index(before: end)
        }
        return String(text[..<end])
    }

    /// Text from elsewhere (a tracker) with every line end it may carry, CRLF, LF or a lone CR, written with
    /// `newline`: the ending of the file it goes into. Done on bytes: Foundation's `replacingOccurrences` compares
    /// composed sequences and misses an LF that a combining mark follows.
    static func convert(_ text: String, to newline: String) -> String {
        let ending = Array(newline.utf8)
        let converted = text.withBytes { bytes -> [UInt8]? in
            guard contains(cr, in: bytes) || (newline == "\r\n" && contains(lf, in: bytes)) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + bytes.count / 16)
            var previousWasCR = false
            for byte in bytes {
                switch byte {
                case cr: out += ending
                case lf where previousWasCR: break
                case lf: out += ending
                default: out.append(byte)
                }
                previousWasCR = byte == cr
            }
            return out
        }
        return converted.map { String(decoding: $0, as: UTF8.self) } ?? text
    }
}
