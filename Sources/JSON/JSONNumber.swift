/// A JSON number kept as the text it was written as, so that nothing is lost between reading and writing: integers
/// beyond 64 bits stay exact and `2.50` stays `2.50`. Read it as whatever Swift type the caller needs.
public struct JSONNumber: Sendable, Hashable, CustomStringConvertible {
    /// Valid JSON number syntax (RFC 8259 section 6).
    public let text: String

    public init(_ value: Int) { text = String(value) }

    /// Written as `JSONEncoder` writes a `Double` (`1000`, `1.5`, `1e+20`). `value` must be finite.
    public init(_ value: Double) {
        precondition(value.isFinite, "JSON has no infinity or NaN")
        let written = value.description
        text = written.hasSuffix(".0") ? String(written.dropLast(2)) : written
    }

    /// Nil unless `text` is exactly one JSON number.
    public init?(text: String) {
        guard case .number(let number)? = try? JSONValue(parsing: text), number.text == text else { return nil }
        self = number
    }

    /// For the parser, which has checked the syntax already.
    init(validatedText: String) { text = validatedText }

    /// Written without a fraction or exponent.
    public var isInteger: Bool { !text.utf8.contains { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") } }

    /// The value when it is a whole number that fits in `Int` (`3`, `3.0` and `3e2` all are); nil otherwise.
    public var int: Int? {
        if isInteger { return Int(text) }
        return Int(exactly: double)
    }

    /// The nearest `Double` (infinite for numbers beyond its range).
    public var double: Double { Double(text) ?? .nan }

    public var description: String { text }

    /// Same value: integers written without fraction or exponent compare exactly, anything else as `Double`.
    public static func == (lhs: JSONNumber, rhs: JSONNumber) -> Bool {
        if lhs.text == rhs.text { return true }
        if lhs.isInteger, rhs.isInteger { return lhs.signedZeroFolded == rhs.signedZeroFolded }
        return lhs.double == rhs.double
    }

    /// Consistent with `==`: equal numbers have equal `Double`s.
    public func hash(into hasher: inout Hasher) { hasher.combine(double) }

    private var signedZeroFolded: String { text == "-0" ? "0" : text }
}
