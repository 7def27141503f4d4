import Foundation

/// Link destinations and titles written so that cmark reads back exactly the given strings.
enum LinkSyntax {
    /// A destination cmark reads back as `url`; `url` must not contain line breaks (no destination can).
    static func destination(_ url: String) -> String {
        let scalars = Array(url.unicodeScalars)
        let needsBrackets = scalars.contains { $0 == " " || $0.value < 0x20 || $0.value == 0x7F || $0 == "<" || $0 == ">" }
        var out = String.UnicodeScalarView()
        for (index, scalar) in scalars.enumerated() {
            switch scalar {
            case "\\", "<", ">": out.append("\\")
            case "(" where !needsBrackets, ")" where !needsBrackets: out.append("\\")
            case "&" where startsEntity(scalars[(index + 1)...]): out.append("\\")
            default: break
            }
            out.append(scalar)
        }
        return needsBrackets ? "<" + String(out) + ">" : String(out)
    }

    /// ` "title"` or nothing for an empty title.
    static func title(_ title: String) -> String {
        guard !title.isEmpty else { return "" }
        let scalars = Array(title.unicodeScalars)
        var out = String.UnicodeScalarView()
        for (index, scalar) in scalars.enumerated() {
            switch scalar {
            case "\\", "\"": out.append("\\")
            case "&" where startsEntity(scalars[(index + 1)...]): out.append("\\")
            case "\n", "\r":
                out.append(contentsOf: "&#\(scalar.value);".unicodeScalars)
                continue
            default: break
            }
            out.append(scalar)
        }
        return " \"" + String(out) + "\""
    }

    /// Whether the characters after an `&` would be read as an entity or character reference.
    static func startsEntity(_ rest: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let semicolon = rest.prefix(40).firstIndex(of: ";") else { return false }
        let name = rest[rest.startIndex..<semicolon]
        func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }
        func isLetter(_ scalar: Unicode.Scalar) -> Bool { ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) }
        if name.first == "#" {
            let number = name.dropFirst()
            if number.first == "x" || number.first == "X" {
                return number.count > 1 && number.dropFirst().allSatisfy { isDigit($0) || ("a"..."f").contains($0) || ("A"..."F").contains($0) }
            }
            return !number.isEmpty && number.allSatisfy(isDigit)
        }
        return name.first.map(isLetter) == true && name.allSatisfy { isLetter($0) || isDigit($0) }
    }
}
