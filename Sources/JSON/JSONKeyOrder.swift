/// How an object's members are ordered when a value is written as text.
public enum JSONKeyOrder: Sendable {
    /// As parsed or built.
    case kept
    /// By key, comparing Unicode scalars (UTF-8 bytes), as `JSONEncoder`'s `.sortedKeys` does: the same value
    /// always gives the same bytes.
    case sorted
}
