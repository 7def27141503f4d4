import Foundation

/// Link destinations and titles written so that cmark reads back exactly the given strings.
enum LinkSyntax {
    /// A destination cmark reads back as `url`; `url` must not contain line breaks (no destination can).
    static func destination(_ url: String) -> String {
        let needsBrackets = url.unicodeScalars.contains { $0 == " " || $0.value < 0x20 || $0.value == 0x7F || $0 == "<" || $0 == ">" }
        var out = ""
        let characters = Array(url)
        for (index, character) in characters.enumerated() {
            switch character {
            case "\\": out += "\\\\"
            case "(", ")": out += needsBrackets ? String(character) : "\\" + String(character)
            case "<", ">": out += "\\" + String(character)
            case "&" where startsEntity(characters[(index + 1)...]): out += "\\&"
            default: out.append(character)
            }
        }
        return needsBrackets ? "<" + out + ">" : out
    }

    /// ` "title"` or nothing for an empty title.
    static func title(_ title: String) -> String {
        guard !title.isEmpty else { return "" }
        var out = ""
        let characters = Array(title)
        for (index, character) in characters.enumerated() {
            switch character {
            case "\\", "\"": out += "\\" + String(character)
            case "&" where startsEntity(characters[(index + 1)...]): out += "\\&"
            case "\n": out += "&#10;"
            case "\r": out += "&#13;"
            default: out.append(character)
            }
        }
        return " \"" + out + "\""
    }

    /// Whether the characters after an `&` would be read as an entity or character reference.
    static func startsEntity(_ rest: ArraySlice<Character>) -> Bool {
        guard let semicolon = rest.prefix(40).firstIndex(of: ";") else { return false }
        let name = rest[rest.startIndex..<semicolon]
        if name.first == "#" {
            let number = name.dropFirst()
            if number.first == "x" || number.first == "X" {
                return number.count > 1 && number.dropFirst().allSatisfy(\.isHexDigit)
            }
            return !number.isEmpty && number.allSatisfy { $0.isASCII && $0.isNumber }
        }
        return name.first?.isLetter == true && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
    }
}

/// The day a Jira `date` node stands for, shown as the preview of its link form.
enum DatePreview {
    static func text(_ timestamp: String) -> String? {
        guard let milliseconds = Double(timestamp) else { return nil }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date(timeIntervalSince1970: milliseconds / 1000))
    }
}
