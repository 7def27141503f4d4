import JSON

/// What in an ADF document is layout or bookkeeping rather than content, and therefore not written to markdown:
///
/// - `localId`s of ordinary blocks (Jira adds them to paragraphs, lists, tables…); task list ids are regenerated
///   (see `LocalIdentifier`);
/// - table widths and layout, column widths, spans of 1, a `false` number column, code block `uniqueId`s and
///   empty languages, image sizes, the `"\n"` a hard break may carry;
/// - empty `attrs`, `marks` and inline `content`, empty paragraphs between blocks, and neighbouring text nodes
///   with the same marks (they render as one).
///
/// Everything else is content and survives `ADF → markdown → ADF`. `comparable` gives the form two documents
/// are compared in after such a round trip.
enum ADFNormaliser {
    private static let ordinaryBlocks: Set<String> = [
        "paragraph", "heading", "bulletList", "orderedList", "listItem", "blockquote", "codeBlock", "rule", "table",
        "tableRow", "tableHeader", "tableCell", "mediaSingle", "taskList", "taskItem", "hardBreak",
    ]

    /// The attributes of `node` that carry content.
    static func contentAttributes(of node: JSONValue) -> JSONObject {
        let type = node.nodeType ?? ""
        guard ordinaryBlocks.contains(type) else { return node.attributes }
        var attrs = node.attributes.filter { $0.value != .null }
        attrs["localId"] = nil
        switch type {
        case "table":
            if attrs["isNumberColumnEnabled"] == false { attrs["isNumberColumnEnabled"] = nil }
            if attrs["layout"] == "default" || attrs["layout"] == "center" { attrs["layout"] = nil }
            attrs["width"] = nil
            attrs["displayMode"] = nil
        case "tableHeader", "tableCell":
            attrs["colwidth"] = nil
            if attrs["colspan"] == 1 { attrs["colspan"] = nil }
            if attrs["rowspan"] == 1 { attrs["rowspan"] = nil }
        case "codeBlock":
            attrs["uniqueId"] = nil
            if attrs["language"] == "" { attrs["language"] = nil }
        case "mediaSingle":
            attrs["width"] = nil
            attrs["widthType"] = nil
            if attrs["layout"] == "center" { attrs["layout"] = nil }
        case "hardBreak":
            if attrs["text"] == "\n" { attrs["text"] = nil }
        case "orderedList":
            if attrs["order"] == nil { attrs["order"] = 1 }
        default:
            break
        }
        return attrs
    }

    static func isEmptyParagraph(_ node: JSONValue) -> Bool {
        node.nodeType == "paragraph" && node.children.isEmpty && contentAttributes(of: node).isEmpty && node.marks.isEmpty
    }

    /// Children of a block container without the empty paragraphs markdown has no room for. The first child of a
    /// list item and the only child of a table cell stay: ADF needs them.
    static func writtenChildren(of node: JSONValue) -> [JSONValue] {
        let children = node.children
        switch node.nodeType {
        case "listItem":
            guard let first = children.first else { return [] }
            return [first] + children.dropFirst().filter { !isEmptyParagraph($0) }
        case "tableHeader", "tableCell":
            let kept = children.filter { !isEmptyParagraph($0) }
            return kept.isEmpty ? Array(children.prefix(1)) : kept
        default:
            return children.filter { !isEmptyParagraph($0) }
        }
    }

    static func writtenBlocks(_ blocks: [JSONValue]) -> [JSONValue] {
        blocks.filter { !isEmptyParagraph($0) }
    }

    /// The form compared after a round trip: only content, task list ids blanked.
    static func comparable(_ nodes: [JSONValue]) -> [JSONValue] {
        ADFNode.mergingText(nodes.map(comparable))
    }

    private static func comparable(_ node: JSONValue) -> JSONValue {
        guard var object = node.object, let type = node.nodeType else { return node }
        var attrs = contentAttributes(of: node)
        if type == "taskList" || type == "taskItem" { attrs["localId"] = nil }
        object["attrs"] = attrs.isEmpty ? nil : .object(attrs)
        if node.marks.isEmpty { object["marks"] = nil }
        if let children = object["content"]?.array {
            let kept = ordinaryBlocks.contains(type) && !isInlineContainer(type) ? writtenChildren(of: node) : children
            let compared = comparable(kept)
            object["content"] = compared.isEmpty && isInlineContainer(type) ? nil : .array(compared)
        }
        return .object(object)
    }

    private static func isInlineContainer(_ type: String) -> Bool {
        if case .inline = ADFSchema.content[type] { return true }
        return type == "codeBlock"
    }
}
