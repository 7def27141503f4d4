public indirect enum MarkdownInline: Equatable, Sendable {
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

    /// The text a reader sees, without formatting: soft breaks as spaces, images by their description.
    public static func plainText(_ inlines: [MarkdownInline]) -> String {
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

    /// Whether inline HTML is a `<br>` tag (`<br>`, `<br/>`, `<BR />`…): trackers show it as a line break.
    public static func isLineBreakTag(_ html: String) -> Bool {
        let compact = html.lowercased().filter { !$0.isWhitespace }
        return compact == "<br>" || compact == "<br/>"
    }
}
