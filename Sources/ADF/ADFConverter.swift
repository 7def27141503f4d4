import JSON
import Markdown

/// Converts issue descriptions between markdown (CommonMark + GFM, parsed with cmark-gfm) and Atlassian Document
/// Format.
///
/// `markdown(fromADF:)` keeps everything: nodes and marks markdown cannot express are written in the plain-markdown
/// forms described in `ADFMarkdownForms`, which convert back to the identical ADF. Only what `ADFNormaliser` lists
/// as layout or bookkeeping is left out. `document(fromMarkdown:)` gives ADF that Jira accepts (the tests check it
/// with the Jira simulator's validator, written without this converter's rules); for markdown that comes from
/// `markdown(fromADF:)` the result equals the original document, and for any markdown converting back gives
/// markdown with the same `MarkdownCanonicaliser.canonical` form, except for what the notices name.
public enum ADFConverter {
    public static func document(fromMarkdown markdown: String) -> ADFConversion {
        var converter = MarkdownToADF()
        let document = converter.document(MarkdownParser.parse(markdown))
        return ADFConversion(document: document, notices: converter.notices)
    }

    public static func markdown(fromADF document: JSONValue) -> String {
        MarkdownWriter.document(document)
    }
}
