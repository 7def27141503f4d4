/// Writes JSON straight to bytes, keys in the order given. Rendering thousands of issues through
/// `[String: Any]` and JSONSerialization boxes every value and sorts every object; this does neither, and keeps
/// the key order of the real API's answers.
struct JSONWriter {
    private(set) var bytes: [UInt8] = []
    /// Per open object or array: whether the next member needs a comma first.
    private var needsComma: [Bool] = []
    private var valueFollowsKey = false

    init(reservingCapacity capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    mutating func object(_ body: (inout JSONWriter) -> Void) {
        open(UInt8(ascii: "{"))
        body(&self)
        close(UInt8(ascii: "}"))
    }

    mutating func array(_ body: (inout JSONWriter) -> Void) {
        open(UInt8(ascii: "["))
        body(&self)
        close(UInt8(ascii: "]"))
    }

    mutating func key(_ name: String) {
        separate()
        writeString(name)
        bytes.append(UInt8(ascii: ":"))
        // The value that follows belongs to this key: no comma before it.
        valueFollowsKey = true
    }

    mutating func string(_ value: String) { member({ $0.writeString(value) }) }
    mutating func int(_ value: Int) { member({ $0.bytes.append(contentsOf: String(value).utf8) }) }
    mutating func bool(_ value: Bool) { member({ $0.bytes.append(contentsOf: (value ? "true" : "false").utf8) }) }
    mutating func null() { member({ $0.bytes.append(contentsOf: "null".utf8) }) }
    /// Bytes that already are one JSON value (a cached rendering).
    mutating func raw(_ json: [UInt8]) { member({ $0.bytes.append(contentsOf: json) }) }

    mutating func string(_ value: String?) {
        if let value { string(value) } else { null() }
    }

    // MARK: Internals

    private mutating func member(_ write: (inout JSONWriter) -> Void) {
        if valueFollowsKey {
            valueFollowsKey = false
        } else {
            separate()
        }
        write(&self)
        if !needsComma.isEmpty { needsComma[needsComma.count - 1] = true }
    }

    private mutating func open(_ byte: UInt8) {
        member({ $0.bytes.append(byte) })
        needsComma.append(false)
    }

    private mutating func close(_ byte: UInt8) {
        needsComma.removeLast()
        bytes.append(byte)
    }

    private mutating func separate() {
        if needsComma.last == true { bytes.append(UInt8(ascii: ",")) }
    }

    private mutating func writeString(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x0A: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0D: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x09: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
