/// Writes JSON straight to bytes, members in the order given, for answers built field by field (a simulator
/// rendering thousands of issues, a client building a request). Going through `[String: Any]` and
/// `JSONSerialization` would box every value and sort every object; this does neither.
///
///     var json = JSONWriter()
///     json.object { json in
///         json.key("id"); json.int(7)
///         json.key("labels"); json.array { json in json.string("bug") }
///     }
public struct JSONWriter: Sendable {
    public private(set) var bytes: [UInt8] = []
    /// Per open object or array: whether the next member needs a comma first.
    private var needsComma: [Bool] = []
    private var valueFollowsKey = false

    public init(reservingCapacity capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    public var text: String { String(decoding: bytes, as: UTF8.self) }

    public mutating func object(_ body: (inout JSONWriter) -> Void) {
        open(UInt8(ascii: "{"))
        body(&self)
        close(UInt8(ascii: "}"))
    }

    public mutating func array(_ body: (inout JSONWriter) -> Void) {
        open(UInt8(ascii: "["))
        body(&self)
        close(UInt8(ascii: "]"))
    }

    /// A member name; the next value written belongs to it.
    public mutating func key(_ name: String) {
        separate()
        JSONTextWriter.appendString(name, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        valueFollowsKey = true
    }

    public mutating func string(_ value: String) { member { JSONTextWriter.appendString(value, to: &$0.bytes) } }
    public mutating func int(_ value: Int) { member { $0.bytes.append(contentsOf: String(value).utf8) } }
    public mutating func double(_ value: Double) { number(JSONNumber(value)) }
    public mutating func number(_ value: JSONNumber) { member { $0.bytes.append(contentsOf: value.text.utf8) } }
    public mutating func bool(_ value: Bool) { member { $0.bytes.append(contentsOf: (value ? "true" : "false").utf8) } }
    public mutating func null() { member { $0.bytes.append(contentsOf: "null".utf8) } }

    /// The string, or `null` for nil.
    public mutating func string(_ value: String?) {
        if let value { string(value) } else { null() }
    }

    /// A whole value, compact.
    public mutating func value(_ value: JSONValue, keys: JSONKeyOrder = .kept) {
        member { $0.bytes.append(contentsOf: value.encoded(keys: keys)) }
    }

    /// Bytes that already are exactly one JSON value (a cached rendering); not checked.
    public mutating func raw(_ json: [UInt8]) { member { $0.bytes.append(contentsOf: json) } }

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
        member { $0.bytes.append(byte) }
        needsComma.append(false)
    }

    private mutating func close(_ byte: UInt8) {
        needsComma.removeLast()
        bytes.append(byte)
    }

    private mutating func separate() {
        if needsComma.last == true { bytes.append(UInt8(ascii: ",")) }
    }
}
