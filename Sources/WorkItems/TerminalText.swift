import Foundation

/// The one sanitiser for untrusted text (safety invariant 5): remote text shown in a terminal, written into a
/// commit message or into a generated line of a work item (the `# NNNN: title` heading, the `**Kind**:` block).
///
/// Escaped as `\xNN`: C0 controls (NUL, ESC, BEL, CR, LF, …), DEL and C1 controls (NEL and CSI among them);
/// as `\uNNNN`: LINE SEPARATOR, PARAGRAPH SEPARATOR and the bidirectional controls (ALM, LRM, RLM, the embeddings,
/// overrides and isolates), which can split an output line or reorder what a reader sees. A tab becomes a space.
public enum TerminalText {
    /// One line of text, safe to print or to write into a generated line.
    public static func sanitise(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { needsEscape($0) || $0 == "\t" }) else { return text }
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            if scalar == "\t" {
                out += " "
            } else if needsEscape(scalar) {
                out += escaped(scalar)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A description from a tracker, as it is written into a work item's body: TAB and LF are kept (the line
    /// ends were made the file's own before), every other C0 control, DEL and every C1 control are written as
    /// `\xNN`, so no file ever holds a NUL (git would call it binary) or a terminal escape that `git show` runs.
    /// Unicode separators and bidi controls are text in markdown and stay. The same mapping is part of
    /// `MarkdownNormaliser`, so the tracker's raw text and the file's escaped text compare equal.
    public static func sanitiseBody(_ text: String) -> String {
        guard mayHoldBodyControl(text) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if isBodyControl(scalar) { out += escaped(scalar) } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }

    /// Whether `sanitise` escapes the scalar.
    public static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        isControl(scalar) || isLineSeparator(scalar) || isBidiControl(scalar)
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    /// U+2028 and U+2029, the only characters of the general categories Zl and Zp.
    static func isLineSeparator(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value == 0x2028 || scalar.value == 0x2029
    }

    static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    /// Byte test first (descriptions can be large): a C0 byte other than TAB/LF/CR, DEL, or C2 80…C2 9F (C1).
    private static func mayHoldBodyControl(_ text: String) -> Bool {
        text.withBytes { bytes in
            var previous: UInt8 = 0
            for byte in bytes {
                if (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) || byte == 0x7F { return true }
                if previous == 0xC2 && byte >= 0x80 && byte <= 0x9F { return true }
                previous = byte
            }
            return false
        }
    }

    private static func isBodyControl(_ scalar: Unicode.Scalar) -> Bool {
        isControl(scalar) && scalar != "\t" && scalar != "\n" && scalar != "\r"
    }

    /// `\xNN` up to U+00FF, `\uNNNN` above (every escaped character is in the BMP).
    static func escaped(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16)
        return scalar.value <= 0xFF
            ? "\\x" + String(repeating: "0", count: 2 - hex.utf8.count) + hex
            : "\\u" + String(repeating: "0", count: max(0, 4 - hex.utf8.count)) + hex
    }
}
