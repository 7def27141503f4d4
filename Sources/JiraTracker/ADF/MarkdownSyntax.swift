/// A value copy of the syntax tree cmark-gfm builds for a markdown text: what the converter and the canonicaliser
/// read, so that neither touches C memory or depends on how the text was spelled (escapes, bullet characters,
/// emphasis characters and entities are already resolved here).
indirect enum MarkdownBlock: Equatable, Sendable {
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

struct MarkdownList: Equatable, Sendable {
    var ordered: Bool
    /// The first number of an ordered list; 1 for bullet lists.
    var start: Int
    var tight: Bool
    var items: [MarkdownListItem]
}

struct MarkdownListItem: Equatable, Sendable {
    enum Task: Equatable, Sendable { case open, done }
    /// Set when the item starts with a GFM task marker (`[ ]` or `[x]`).
    var task: Task?
    var blocks: [MarkdownBlock]
}

struct MarkdownTable: Equatable, Sendable {
    enum Alignment: Equatable, Sendable { case none, left, center, right }
    var alignments: [Alignment]
    /// The header row first; each cell is inline content.
    var rows: [[[MarkdownInline]]]
}

indirect enum MarkdownInline: Equatable, Sendable {
    case text(String)
    case softBreak
    case lineBreak
    case code(String)
    case html(String)
    case emphasis([MarkdownInline])
    case strong([MarkdownInline])
    case strikethrough([MarkdownInline])
    case link(url: String, title: String, [MarkdownInline])
    case image(url: String, title: String, [MarkdownInline])
}

extension MarkdownInline {
    /// The text a reader sees, without formatting: soft breaks as spaces, images by their description.
    static func plainText(_ inlines: [MarkdownInline]) -> String {
        var out = ""
        for inline in inlines {
            switch inline {
            case .text(let s), .code(let s), .html(let s): out += s
            case .softBreak: out += " "
            case .lineBreak: out += "\n"
            case .emphasis(let c), .strong(let c), .strikethrough(let c): out += plainText(c)
            case .link(_, _, let c), .image(_, _, let c): out += plainText(c)
            }
        }
        return out
    }
}
