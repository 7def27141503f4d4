/// A JSON value that keeps what a round trip through `JSONSerialization` or `[String: Any]` loses: the order of an
/// object's members, whether a value was a boolean or a number, and a number's exact text (big integers stay exact,
/// `1.50` is written back as `1.50`).
///
/// Equality is JSON's: objects with the same members in any order are equal, and numbers are equal when they stand
/// for the same value (`1`, `1.0` and `1e0`). So an ADF document converted to markdown and back compares equal to
/// the original node for node, whatever order its keys came in.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(JSONNumber)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    public static func int(_ value: Int) -> JSONValue { .number(JSONNumber(value)) }

    /// `value` must be finite: JSON has no infinity or NaN.
    public static func double(_ value: Double) -> JSONValue { .number(JSONNumber(value)) }

    // MARK: Reading members and elements

    /// The member named `key` of an object; nil for a missing member and for anything but an object.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let object) = self else { return nil }
        return object[key]
    }

    /// The element at `index` of an array; nil when out of range and for anything but an array.
    public subscript(index: Int) -> JSONValue? {
        guard case .array(let elements) = self, elements.indices.contains(index) else { return nil }
        return elements[index]
    }

    // MARK: Typed access (nil when the value is of another type)

    public var string: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    public var bool: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    public var number: JSONNumber? {
        if case .number(let number) = self { return number }
        return nil
    }

    /// A whole number that fits in `Int` (`3`, `3.0`, `3e2`); nil for fractions, larger numbers and non-numbers.
    public var int: Int? { number?.int }

    /// Any number, as the nearest `Double`.
    public var double: Double? { number?.double }

    public var array: [JSONValue]? {
        if case .array(let elements) = self { return elements }
        return nil
    }

    public var object: JSONObject? {
        if case .object(let object) = self { return object }
        return nil
    }

    public var isNull: Bool { self == .null }

    /// The JSON type's name, for error messages: `null`, `boolean`, `number`, `string`, `array` or `object`.
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }
}
