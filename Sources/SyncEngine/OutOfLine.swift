/// Keeps a large optional member out of line: nil costs one word and no allocation; a value lives in a buffer of
/// its own, copied on write like any array. A plan holds one `PlannedItem` per item, and most items carry no local
/// copy (a first pull's new items) and no previous content (everything but pushes): inline, those two took half
/// of each item's 1 KB, 5 MB at 10,000 items.
@propertyWrapper
public struct OutOfLine<Value: Sendable>: Sendable {
    private var storage: [Value]

    public init(wrappedValue: Value?) {
        storage = wrappedValue.map { [$0] } ?? []
    }

    public var wrappedValue: Value? {
        get { storage.first }
        set {
            guard let newValue else { storage = []; return }
            if storage.isEmpty { storage = [newValue] } else { storage[0] = newValue }
        }
    }
}
