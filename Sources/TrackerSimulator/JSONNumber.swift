import Foundation

/// A number `JSONSerialization` read, told apart from `true` and `false`. On Linux `value is Bool` also holds for the
/// numbers 0 and 1, so it cannot tell them apart: a JSON boolean is the one `NSNumber` whose type is a char.
enum JSONNumber {
    static func plain(_ value: Any?) -> NSNumber? {
        guard let number = value as? NSNumber, String(cString: number.objCType) != "c" else { return nil }
        return number
    }
}
