/// A value copy of the syntax tree cmark-gfm builds for a markdown text: what converters and the canonicaliser
/// read, so that none of them touches C memory or depends on how the text was spelled (escapes, bullet characters,
/// emphasis characters and entities are already resolved here).
public indirect enum MarkdownBlock: Equatable, Sendable {
    case paragraph([MarkdownInline])
    case heading(level: Int, [MarkdownInline])
    /// `info` is the whole info string of a fenced block ("" for an indented one); `literal` ends with a newline
    /// unless it is empty.
    case codeBlock(info: String, literal: String)
    case htmlBlock(String)
    case blockQuote([MarkdownBlock])
    case list(MarkdownList)
    case thematicBreak
    case table(MarkdownTable)
}
