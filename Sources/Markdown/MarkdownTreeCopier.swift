import CCmark

/// Reads one cmark tree; never frees or mutates it.
final class MarkdownTreeCopier {
    let source: [UInt8]

    init(source: [UInt8]) { self.source = source }

    /// Byte offset where each line starts (cmark numbers lines from 1 and ends them at LF, CR LF or CR); only
    /// task items need it.
    private lazy var lineStarts: [Int] = {
        var starts = [0]
        source.withUnsafeBufferPointer { bytes in
            var index = 0
            while index < bytes.count {
                if bytes[index] == UInt8(ascii: "\r"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") { index += 1 }
                if bytes[index] == UInt8(ascii: "\n") || bytes[index] == UInt8(ascii: "\r") { starts.append(index + 1) }
                index += 1
            }
        }
        return starts
    }()

    func blocks(under parent: OpaquePointer) -> [MarkdownBlock] {
        children(of: parent).compactMap(block)
    }

    private func children(of node: OpaquePointer) -> [OpaquePointer] {
        var out: [OpaquePointer] = []
        var child = cmark_node_first_child(node)
        while let current = child {
            out.append(current)
            child = cmark_node_next(current)
        }
        return out
    }

    private func typeName(_ node: OpaquePointer) -> String {
        cmark_node_get_type_string(node).map { String(cString: $0) } ?? ""
    }

    private func literal(_ node: OpaquePointer) -> String {
        cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    }

    private func block(_ node: OpaquePointer) -> MarkdownBlock? {
        switch typeName(node) {
        case "paragraph": return .paragraph(inlines(under: node))
        case "heading": return .heading(level: Int(cmark_node_get_heading_level(node)), inlines(under: node))
        case "code_block":
            let info = cmark_node_get_fence_info(node).map { String(cString: $0) } ?? ""
            return .codeBlock(info: info, literal: literal(node))
        case "html_block": return .htmlBlock(literal(node))
        case "block_quote": return .blockQuote(blocks(under: node))
        case "list": return .list(list(node))
        case "thematic_break": return .thematicBreak
        case "table": return .table(table(node))
        default: return nil
        }
    }

    private func list(_ node: OpaquePointer) -> MarkdownList {
        let ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
        let items = children(of: node).map { item in
            let task: MarkdownListItem.Task? = typeName(item) == "tasklist" ? taskState(item) : nil
            return MarkdownListItem(task: task, blocks: blocks(under: item))
        }
        return MarkdownList(ordered: ordered, start: ordered ? Int(cmark_node_get_list_start(node)) : 1,
                            tight: cmark_node_get_list_tight(node) != 0, items: items)
    }

    /// cmark-gfm 0.29 marks a task item done when `[x]` appears anywhere on its first line (even in code, as in
    /// `- [ ] read arr[x]`), so the state is read from the item's own marker in the source instead.
    private func taskState(_ item: OpaquePointer) -> MarkdownListItem.Task {
        let reported: MarkdownListItem.Task = cmark_gfm_extensions_get_tasklist_item_checked(item) ? .done : .open
        let line = Int(cmark_node_get_start_line(item)) - 1
        guard lineStarts.indices.contains(line) else { return reported }
        var index = lineStarts[line] + Int(cmark_node_get_start_column(item)) - 1
        func at(_ offset: Int) -> UInt8? { source.indices.contains(offset) ? source[offset] : nil }
        if let byte = at(index), byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "*") {
            index += 1
        } else {
            while let byte = at(index), (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { index += 1 }
            guard let delimiter = at(index), delimiter == UInt8(ascii: ".") || delimiter == UInt8(ascii: ")") else { return reported }
            index += 1
        }
        while let byte = at(index), byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") { index += 1 }
        guard at(index) == UInt8(ascii: "["), at(index + 2) == UInt8(ascii: "]"), let mark = at(index + 1) else { return reported }
        return mark == UInt8(ascii: "x") || mark == UInt8(ascii: "X") ? .done : .open
    }

    private func table(_ node: OpaquePointer) -> MarkdownTable {
        let columns = Int(cmark_gfm_extensions_get_table_columns(node))
        var alignments: [MarkdownTable.Alignment] = []
        if let raw = cmark_gfm_extensions_get_table_alignments(node) {
            for index in 0..<columns {
                switch UInt8(raw[index]) {
                case UInt8(ascii: "l"): alignments.append(.left)
                case UInt8(ascii: "c"): alignments.append(.center)
                case UInt8(ascii: "r"): alignments.append(.right)
                default: alignments.append(.none)
                }
            }
        }
        let rows = children(of: node).map { row in children(of: row).map { inlines(under: $0) } }
        return MarkdownTable(alignments: alignments, rows: rows)
    }

    private func inlines(under parent: OpaquePointer) -> [MarkdownInline] {
        children(of: parent).compactMap(inline)
    }

    private func inline(_ node: OpaquePointer) -> MarkdownInline? {
        func attribute(_ value: UnsafePointer<CChar>?) -> String { value.map { String(cString: $0) } ?? "" }
        switch typeName(node) {
        case "text": return .text(literal(node))
        case "softbreak": return .softBreak
        case "linebreak": return .lineBreak
        case "code": return .code(literal(node))
        case "html_inline": return .html(literal(node))
        case "emph": return .emphasis(inlines(under: node))
        case "strong": return .strong(inlines(under: node))
        case "strikethrough": return .strikethrough(inlines(under: node))
        case "link":
            return .link(url: attribute(cmark_node_get_url(node)), title: attribute(cmark_node_get_title(node)),
                         inlines(under: node))
        case "image":
            return .image(url: attribute(cmark_node_get_url(node)), title: attribute(cmark_node_get_title(node)),
                          inlines(under: node))
        default: return nil
        }
    }
}
