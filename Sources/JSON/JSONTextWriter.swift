/// Writes a whole `JSONValue` as JSON text. The output is byte for byte what `JSONEncoder` writes with
/// `.withoutEscapingSlashes` (plus `.sortedKeys` for `JSONKeyOrder.sorted`, plus `.prettyPrinted` for `pretty`),
/// so text written before this type existed (ADF carried in markdown) reads and writes back unchanged.
struct JSONTextWriter {
    private(set) var bytes: [UInt8] = []
    let keyOrder: JSONKeyOrder
    let pretty: Bool

    init(keyOrder: JSONKeyOrder, pretty: Bool) {
        self.keyOrder = keyOrder
        self.pretty = pretty
    }

    mutating func write(_ value: JSONValue, depth: Int = 0) {
        switch value {
        case .null: bytes.append(contentsOf: "null".utf8)
        case .bool(let flag): bytes.append(contentsOf: (flag ? "true" : "false").utf8)
        case .number(let number): bytes.append(contentsOf: number.text.utf8)
        case .string(let text): Self.appendString(text, to: &bytes)
        case .array(let elements):
            container(open: "[", close: "]", count: elements.count, depth: depth) { writer, position in
                writer.write(elements[position], depth: depth + 1)
            }
        case .object(let object):
            let members = keyOrder == .sorted ? object.sorted { JSONObject.keyPrecedes($0.key, $1.key) } : Array(object)
            container(open: "{", close: "}", count: members.count, depth: depth) { writer, position in
                Self.appendString(members[position].key, to: &writer.bytes)
                writer.bytes.append(contentsOf: (writer.pretty ? " : " : ":").utf8)
                writer.write(members[position].value, depth: depth + 1)
            }
        }
    }

    private mutating func container(open: Unicode.Scalar, close: Unicode.Scalar, count: Int, depth: Int,
                                    element: (inout JSONTextWriter, Int) -> Void) {
        bytes.append(UInt8(ascii: open))
        // `JSONEncoder` pretty-prints an empty container as an opening line, an empty line and the closing line.
        if pretty, count == 0 { bytes.append(0x0A) }
        for position in 0..<count {
            if position > 0 { bytes.append(UInt8(ascii: ",")) }
            newline(indent: depth + 1)
            element(&self, position)
        }
        newline(indent: depth)
        bytes.append(UInt8(ascii: close))
    }

    private mutating func newline(indent: Int) {
        guard pretty else { return }
        bytes.append(0x0A)
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent * 2))
    }

    /// A JSON string literal: `"` and `\` escaped, control characters as `\n`-style or `\u00XX` escapes, all else
    /// (slashes, DEL, U+2028) as is.
    static func appendString(_ text: String, to bytes: inout [UInt8]) {
        var text = text
        text.withUTF8 { appendString($0, to: &bytes) }
    }

    private static func appendString(_ utf8: UnsafeBufferPointer<UInt8>, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        var runStart = 0
        for position in utf8.indices where needsEscape(utf8[position]) {
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<position]))
            appendEscape(utf8[position], to: &bytes)
            runStart = position + 1
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        bytes.append(UInt8(ascii: "\""))
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
    }

    private static func appendEscape(_ byte: UInt8, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
        case 0x08: bytes.append(UInt8(ascii: "b"))
        case 0x0C: bytes.append(UInt8(ascii: "f"))
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        default:
            let hex = "0123456789abcdef".utf8
            bytes.append(contentsOf: "u00".utf8)
            bytes.append(hex[hex.index(hex.startIndex, offsetBy: Int(byte >> 4))])
            bytes.append(hex[hex.index(hex.startIndex, offsetBy: Int(byte & 0x0F))])
        }
    }
}
