import Foundation

/// A number or a boolean that `JSONSerialization` read, each told from the other. On Linux both `value is Bool` and
/// `value as? Bool` also hold for the numbers 0 and 1: a JSON boolean is the one `NSNumber` whose type is a char.
enum JSONScalar {
    /// `value` when it is a JSON number, nil for `true`, `false` and anything else.
    static func number(_ value: Any?) -> NSNumber? {
        guard let number = value as? NSNumber, !isBoolean(number) else { return nil }
        return number
    }

    /// `value` when it is `true` or `false`, nil for the numbers 0 and 1 and anything else.
    static func boolean(_ value: Any?) -> Bool? {
        guard let number = value as? NSNumber, isBoolean(number) else { return nil }
        return number.boolValue
    }

    private static func isBoolean(_ number: NSNumber) -> Bool { String(cString: number.objCType) == "c" }
}
