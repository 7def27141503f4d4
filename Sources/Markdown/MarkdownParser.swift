import CCmark

/// cmark-gfm's core extensions register themselves in a process-wide list that is not safe to build from two
/// threads at once; a global `let` runs its initialiser exactly once.
private let coreExtensionsRegistered: Void = cmark_gfm_core_extensions_ensure_registered()

/// Parses CommonMark + GFM with GitHub's own parser and copies the tree into `MarkdownBlock` values, freeing
/// every C node before returning.
///
/// The GFM extensions attached are tables, task lists and strikethrough. The autolink extension is deliberately
/// not attached: it turns any text that looks like an e-mail address into a link *after* parsing, so text from
/// Jira such as `ops@example.com` could never be written back as plain text (no escape survives to the tree).
/// Bare URLs therefore stay text, exactly as typed; `<https://…>` and `[text](url)` are links as usual.
public enum MarkdownParser {
    public static func parse(_ text: String) -> [MarkdownBlock] {
        _ = coreExtensionsRegistered
        guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT) else { return [] }
        defer { cmark_parser_free(parser) }
        for name in ["table", "tasklist", "strikethrough"] {
            if let extensionHandle = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, extensionHandle)
            }
        }
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress?.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                cmark_parser_feed(parser, pointer, buffer.count)
            }
        }
        guard let root = cmark_parser_finish(parser) else { return [] }
        defer { cmark_node_free(root) }
        return MarkdownTreeCopier(source: bytes).blocks(under: root)
    }
}
