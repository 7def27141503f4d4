public struct MarkdownTable: Equatable, Sendable {
    public enum Alignment: Equatable, Sendable { case none, left, center, right }
    public var alignments: [Alignment]
    /// The header row first; each cell is inline content.
    public var rows: [[[MarkdownInline]]]

    public init(alignments: [Alignment], rows: [[[MarkdownInline]]]) {
        self.alignments = alignments
        self.rows = rows
    }
}
