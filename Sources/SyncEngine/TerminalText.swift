import Foundation

/// Remote text shown in a terminal or a commit message: control characters escaped (safety invariant 5).
public enum TerminalText {
    public static func sanitise(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x09: out += " "
            case 0..<0x20, 0x7f, 0x80..<0xa0:
                out += String(format: "\\x%02x", scalar.value)
            case 0x202a...0x202e, 0x2066...0x2069:  // bidirectional overrides
                out += String(format: "\\u%04x", scalar.value)
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
