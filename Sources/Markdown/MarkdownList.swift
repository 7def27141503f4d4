public struct MarkdownList: Equatable, Sendable {
    public var ordered: Bool
    /// The first number of an ordered list; 1 for bullet lists.
    public var start: Int
    public var tight: Bool
    public var items: [MarkdownListItem]

    public init(ordered: Bool, start: Int, tight: Bool, items: [MarkdownListItem]) {
        self.ordered = ordered
        self.start = start
        self.tight = tight
        self.items = items
    }
}
