/// A canonical text for markdown, for deciding whether two descriptions say the same thing: equal canonical forms
/// mean the markdown renders the same, as far as a tracker's description can tell (Jira's ADF, or the markdown
/// Linear and Trello keep and may re-render).
///
/// Ignored: how markup is spelled (bullet `-`/`*`/`+`, `*`/`_` emphasis, `1.`/`1)` and the numbers after the
/// first, ATX or setext headings, fenced or indented code, escapes, entities, reference or inline links, autolinks
/// or `[url](url)`), blank lines and list looseness, line wrapping (a soft line break is a space), trailing spaces,
/// the nesting order of emphasis, and `<br>` versus a backslash line break. Also ignored, because a Jira
/// description cannot hold them and a push followed by a pull would otherwise always differ: table column
/// alignment, emphasis or strikethrough on inline code, and inline HTML tags other than `<br>` (Jira shows them as
/// the text they are).
///
/// The result is a tree listing, one node per line, not markdown.
public enum MarkdownCanonicaliser {
    public static func canonical(_ markdown: String) -> String {
        var lines: [String] = []
        for block in MarkdownParser.parse(markdown) { CanonicalListing.block(block, depth: 0, into: &lines) }
        return lines.joined(separator: "\n") + (lines.isEmpty ? "" : "\n")
    }
}
