public struct MarkdownListItem: Equatable, Sendable {
    public enum Task: Equatable, Sendable { case open, done }
    /// Set when the item starts with a GFM task marker (`[ ]` or `[x]`).
    public var task: Task?
    public var blocks: [MarkdownBlock]

    public init(task: Task?, blocks: [MarkdownBlock]) {
        self.task = task
        self.blocks = blocks
    }
}
