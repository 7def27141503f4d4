/// A path whose index entry differs from HEAD's; a nil side has no entry there.
public struct IndexDifference: Sendable, Equatable {
    public var path: String
    public var head: IndexedBlob?
    public var staged: IndexedBlob?

    public init(path: String, head: IndexedBlob?, staged: IndexedBlob?) {
        self.path = path
        self.head = head
        self.staged = staged
    }
}
