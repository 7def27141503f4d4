import Foundation

/// Renders one frontmatter key as YAML lines in the style the file already uses for it.
enum FrontmatterRenderer {
    static func render(key: String, value: FrontmatterValue, like style: FrontmatterField.Style?, existing: [String],
                       newline: String) -> [String] {
        switch value {
        case .null:
            return ["\(key):" + newline]
        case .string(let s):
            let rendered: String
            switch style {
            case .doubleQuoted?: rendered = doubleQuoted(s)
            case .singleQuoted?: rendered = s.unicodeScalars.contains(where: needsEscape) ? doubleQuoted(s) : singleQuoted(s)
            default: rendered = isSafePlain(s, inFlow: false) ? s : doubleQuoted(s)
            }
            return ["\(key): \(rendered)" + newline]
        case .list(let items):
            if case .blockList? = style, !items.isEmpty {
                let itemPrefix = existing.dropFirst().first.map { line -> String in
                    let indent = line.prefix { $0 == " " }
                    return String(indent) + "- "
                } ?? "  - "
                return ["\(key):" + newline] + items.map { itemPrefix + scalar($0, inFlow: false) + newline }
            }
            return ["\(key): [" + items.map { scalar($0, inFlow: true) }.joined(separator: ", ") + "]" + newline]
        }
    }

    static func scalar(_ s: String, inFlow: Bool) -> String {
        isSafePlain(s, inFlow: inFlow) ? s : doubleQuoted(s)
    }

    /// Quotes doubled scalar by scalar: a quote that a combining mark follows is still a quote to YAML.
    static func singleQuoted(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in s.unicodeScalars {
            out.append(scalar)
            if scalar == "'" { out.append(scalar) }
        }
        return "'" + String(out) + "'"
    }

    /// Every character `needsEscape` names is written as a YAML escape, so the file holds no control character,
    /// no line or paragraph separator and no bidi control, and the value reads back exactly.
    static func doubleQuoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if needsEscape(scalar) { out += TerminalText.escaped(scalar) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }

    /// What the terminal sanitiser escapes, plus what libyaml refuses raw (U+FFFE, U+FFFF). A U+FEFF stays raw:
    /// Yams drops it from the start of a value when it comes from an escape, and `YAMLCharacterMask` keeps it.
    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        TerminalText.needsEscape(scalar) || scalar.value == 0xFFFE || scalar.value == 0xFFFF
    }

    /// Whether YAML reads `s` back as the same string when written without quotes.
    static func isSafePlain(_ s: String, inFlow: Bool) -> Bool {
        guard let first = s.unicodeScalars.first, let last = s.unicodeScalars.last else { return false }
        if first == " " || last == " " { return false }
        if "-?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(first) { return false }
        if s.containsBytes(": ") || s.containsBytes(" #") || s.hasByteSuffix(":") { return false }
        if inFlow && s.unicodeScalars.contains(where: { ",[]{}:".unicodeScalars.contains($0) }) { return false }
        if s.unicodeScalars.contains(where: needsEscape) { return false }
        let lower = s.lowercased()
        if ["true", "false", "yes", "no", "on", "off", "y", "n", "null", "~"].contains(lower) { return false }
        // Numbers, 0x/0o/0b and dates start with a digit, a sign or a dot; the patterns only run for those.
        guard "0123456789+-.".unicodeScalars.contains(first) else { return true }
        if s.range(of: #"^[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?$"#, options: .regularExpression) != nil { return false }
        if s.range(of: #"^0[xob]"#, options: .regularExpression) != nil { return false }
        if s.range(of: #"^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}"#, options: .regularExpression) != nil { return false }
        if [".inf", "-.inf", "+.inf", ".nan"].contains(lower) { return false }
        return true
    }
}
