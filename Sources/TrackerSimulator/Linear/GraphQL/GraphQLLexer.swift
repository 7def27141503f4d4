import Foundation

/// Splits a GraphQL document into tokens: punctuators, names, numbers and (block) strings; white space, line
/// terminators, commas and `#` comments are ignored, as the specification says.
struct GraphQLLexer {
    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    private var lineStart = 0

    init(_ text: String) {
        bytes = Array(text.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3; lineStart = 3 }
    }

    mutating func tokens() throws(GraphQLSyntaxError) -> [GraphQLToken] {
        var out: [GraphQLToken] = []
        while true {
            let token = try next()
            out.append(token)
            if token.kind == .end { return out }
        }
    }

    private var location: GraphQLLocation { GraphQLLocation(line: line, column: index - lineStart + 1) }

    private func failure(_ message: String) -> GraphQLSyntaxError {
        GraphQLSyntaxError(message: "Syntax Error: " + message, location: location)
    }

    private mutating func skipIgnored() {
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: ","):
                index += 1
            case UInt8(ascii: "\n"):
                index += 1
                newLine()
            case UInt8(ascii: "\r"):
                index += 1
                if index < bytes.count, bytes[index] == UInt8(ascii: "\n") { index += 1 }
                newLine()
            case UInt8(ascii: "#"):
                while index < bytes.count, bytes[index] != UInt8(ascii: "\n"), bytes[index] != UInt8(ascii: "\r") { index += 1 }
            default:
                return
            }
        }
    }

    private mutating func newLine() {
        line += 1
        lineStart = index
    }

    private mutating func next() throws(GraphQLSyntaxError) -> GraphQLToken {
        skipIgnored()
        let start = location
        guard index < bytes.count else { return GraphQLToken(kind: .end, location: start) }
        let byte = bytes[index]
        switch byte {
        case UInt8(ascii: "!"), UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "("), UInt8(ascii: ")"),
             UInt8(ascii: ":"), UInt8(ascii: "="), UInt8(ascii: "@"), UInt8(ascii: "["), UInt8(ascii: "]"),
             UInt8(ascii: "{"), UInt8(ascii: "|"), UInt8(ascii: "}"):
            index += 1
            return GraphQLToken(kind: .punctuator(String(UnicodeScalar(byte))), location: start)
        case UInt8(ascii: "."):
            guard bytes[index...].starts(with: Array("...".utf8)) else { throw failure("Unexpected \".\".") }
            index += 3
            return GraphQLToken(kind: .punctuator("..."), location: start)
        case UInt8(ascii: "\""):
            if bytes[index...].starts(with: Array("\"\"\"".utf8)) {
                return GraphQLToken(kind: .string(try blockString()), location: start)
            }
            return GraphQLToken(kind: .string(try string()), location: start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return GraphQLToken(kind: try number(), location: start)
        case _ where Self.isNameStart(byte):
            let from = index
            while index < bytes.count, Self.isNameContinue(bytes[index]) { index += 1 }
            return GraphQLToken(kind: .name(String(decoding: bytes[from..<index], as: UTF8.self)), location: start)
        default:
            throw failure("Unexpected character: \(Self.describe(byte)).")
        }
    }

    private static func isNameStart(_ b: UInt8) -> Bool {
        (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z")) || b == UInt8(ascii: "_")
    }

    private static func isNameContinue(_ b: UInt8) -> Bool { isNameStart(b) || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) }

    private static func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }

    private static func describe(_ byte: UInt8) -> String {
        byte >= 0x20 && byte < 0x7F ? "\"\(UnicodeScalar(byte))\"" : String(format: "U+%04X", byte)
    }

    private mutating func number() throws(GraphQLSyntaxError) -> GraphQLToken.Kind {
        let from = index
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < bytes.count, Self.isDigit(bytes[index]) else { throw failure("Invalid number, expected digit after \"-\".") }
        if bytes[index] == UInt8(ascii: "0"), index + 1 < bytes.count, Self.isDigit(bytes[index + 1]) {
            index += 1
            throw failure("Invalid number, unexpected digit after 0: \(Self.describe(bytes[index])).")
        }
        while index < bytes.count, Self.isDigit(bytes[index]) { index += 1 }
        var isFloat = false
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            isFloat = true
            index += 1
            guard index < bytes.count, Self.isDigit(bytes[index]) else { throw failure("Invalid number, expected digit after \".\".") }
            while index < bytes.count, Self.isDigit(bytes[index]) { index += 1 }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            isFloat = true
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard index < bytes.count, Self.isDigit(bytes[index]) else { throw failure("Invalid number, expected digit in exponent.") }
            while index < bytes.count, Self.isDigit(bytes[index]) { index += 1 }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") || Self.isNameStart(bytes[index]) {
            throw failure("Invalid number, expected digit but got: \(Self.describe(bytes[index])).")
        }
        let text = String(decoding: bytes[from..<index], as: UTF8.self)
        return isFloat ? .float(text) : .int(text)
    }

    private mutating func string() throws(GraphQLSyntaxError) -> String {
        index += 1
        var out: [UInt8] = []
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return String(decoding: out, as: UTF8.self)
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                throw failure("Unterminated string.")
            case UInt8(ascii: "\\"):
                index += 1
                guard index < bytes.count else { throw failure("Unterminated string.") }
                let escaped = bytes[index]
                index += 1
                switch escaped {
                case UInt8(ascii: "\""): out.append(UInt8(ascii: "\""))
                case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\"))
                case UInt8(ascii: "/"): out.append(UInt8(ascii: "/"))
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    out.append(contentsOf: Array(String(try unicodeEscape()).utf8))
                default:
                    throw failure("Invalid character escape sequence: \"\\\(UnicodeScalar(escaped))\".")
                }
            default:
                out.append(byte)
                index += 1
            }
        }
        throw failure("Unterminated string.")
    }

    private mutating func unicodeEscape() throws(GraphQLSyntaxError) -> Character {
        let first = try hex4()
        if (0xD800...0xDBFF).contains(first), bytes[index...].starts(with: Array("\\u".utf8)) {
            index += 2
            let second = try hex4()
            if (0xDC00...0xDFFF).contains(second), let scalar = UnicodeScalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)) {
                return Character(scalar)
            }
            throw failure("Invalid Unicode escape sequence.")
        }
        guard let scalar = UnicodeScalar(first) else { throw failure("Invalid Unicode escape sequence.") }
        return Character(scalar)
    }

    private mutating func hex4() throws(GraphQLSyntaxError) -> UInt32 {
        guard index + 4 <= bytes.count, let value = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16) else {
            throw failure("Invalid Unicode escape sequence.")
        }
        index += 4
        return value
    }

    /// `"""…"""`: raw text with common indentation and leading/trailing blank lines removed (spec 2.9.4).
    private mutating func blockString() throws(GraphQLSyntaxError) -> String {
        index += 3
        var raw: [UInt8] = []
        while index < bytes.count {
            if bytes[index...].starts(with: Array("\"\"\"".utf8)) {
                index += 3
                return Self.blockValue(String(decoding: raw, as: UTF8.self))
            }
            if bytes[index...].starts(with: Array("\\\"\"\"".utf8)) {
                raw.append(contentsOf: Array("\"\"\"".utf8))
                index += 4
                continue
            }
            if bytes[index] == UInt8(ascii: "\n") {
                raw.append(bytes[index])
                index += 1
                newLine()
                continue
            }
            raw.append(bytes[index])
            index += 1
        }
        throw failure("Unterminated string.")
    }

    static func blockValue(_ raw: String) -> String {
        var lines = raw.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let indents = lines.dropFirst().compactMap { line -> Int? in
            let indent = line.prefix { $0 == " " || $0 == "\t" }.count
            return indent < line.count ? indent : nil
        }
        if let common = indents.min() {
            for i in lines.indices.dropFirst() { lines[i] = String(lines[i].dropFirst(min(common, lines[i].count))) }
        }
        while let first = lines.first, first.allSatisfy({ $0 == " " || $0 == "\t" }) { lines.removeFirst() }
        while let last = lines.last, last.allSatisfy({ $0 == " " || $0 == "\t" }) { lines.removeLast() }
        return lines.joined(separator: "\n")
    }
}
