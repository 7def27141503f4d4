/// What the converter needs to know of Atlassian Document Format's structure to build documents Jira accepts: which
/// node types exist, what each may contain, and how text marks are ordered and combined. Written from Atlassian's
/// ADF reference, with one deliberate tightening: a `listItem` starts with a paragraph.
///
/// This is not a validator. Whether the converter's output is valid ADF is judged by a validator written without
/// these rules (the Jira simulator's, in the ADF tests), so a mistake here cannot grade itself.
enum ADFSchema {
    enum Content: Sendable {
        /// No `content`.
        case leaf
        /// Inline nodes; `content` may be absent.
        case inline
        /// Unmarked text only (a code block).
        case plainText
        /// Block children of the given types.
        case blocks(Set<String>)
    }

    static let topLevel: Set<String> = [
        "paragraph", "heading", "bulletList", "orderedList", "taskList", "decisionList", "codeBlock", "blockquote",
        "rule", "table", "panel", "expand", "mediaSingle", "mediaGroup", "blockCard", "embedCard", "extension",
        "bodiedExtension", "layoutSection",
    ]

    static let inline: Set<String> = [
        "text", "hardBreak", "mention", "emoji", "inlineCard", "status", "date", "placeholder", "inlineExtension",
        "mediaInline",
    ]

    private static let listItemChildren: Set<String> = ["paragraph", "bulletList", "orderedList", "taskList", "codeBlock", "mediaSingle"]
    private static let blockquoteChildren: Set<String> = ["paragraph", "bulletList", "orderedList", "codeBlock", "mediaGroup", "mediaSingle"]
    private static let panelChildren: Set<String> = [
        "paragraph", "heading", "bulletList", "orderedList", "taskList", "decisionList", "codeBlock", "rule",
        "mediaGroup", "mediaSingle", "blockCard", "extension",
    ]
    private static let cellChildren = panelChildren.union(["panel", "blockquote", "nestedExpand", "embedCard"])
    private static let expandChildren = cellChildren.union(["table", "bodiedExtension"])

    /// What each known node type may contain.
    static let content: [String: Content] = [
        "paragraph": .inline, "heading": .inline, "taskItem": .inline, "decisionItem": .inline, "caption": .inline,
        "bulletList": .blocks(["listItem"]), "orderedList": .blocks(["listItem"]), "listItem": .blocks(listItemChildren),
        "taskList": .blocks(["taskItem", "taskList"]), "decisionList": .blocks(["decisionItem"]),
        "codeBlock": .plainText, "blockquote": .blocks(blockquoteChildren), "rule": .leaf,
        "table": .blocks(["tableRow"]), "tableRow": .blocks(["tableHeader", "tableCell"]),
        "tableHeader": .blocks(cellChildren), "tableCell": .blocks(cellChildren),
        "panel": .blocks(panelChildren), "expand": .blocks(expandChildren.union(["nestedExpand"])),
        "nestedExpand": .blocks(cellChildren.subtracting(["nestedExpand"])),
        "mediaSingle": .blocks(["media", "caption"]), "mediaGroup": .blocks(["media"]), "media": .leaf,
        "blockCard": .leaf, "embedCard": .leaf, "extension": .leaf, "bodiedExtension": .blocks(expandChildren),
        "layoutSection": .blocks(["layoutColumn"]), "layoutColumn": .blocks(expandChildren),
        "text": .leaf, "hardBreak": .leaf, "mention": .leaf, "emoji": .leaf, "inlineCard": .leaf, "status": .leaf,
        "date": .leaf, "placeholder": .leaf, "inlineExtension": .leaf, "mediaInline": .leaf,
    ]

    /// Marks that may stand next to `code` on one text node.
    static let marksAllowedWithCode: Set<String> = ["code", "link", "annotation"]

    /// The order Atlassian's editor keeps marks in (its schema's mark rank). Text converted from markdown lists its
    /// marks in this order, so a document that came from Jira reads back the same.
    static let markRank: [String: Int] = [
        "link": 0, "em": 1, "strong": 2, "textColor": 3, "backgroundColor": 4, "strike": 5, "subsup": 6,
        "underline": 7, "code": 8, "annotation": 9,
    ]

    /// Whether a known node of `childType` may stand inside `parentType` ("doc" for the top level). Unknown types
    /// are not judged.
    static func allows(_ childType: String, in parentType: String) -> Bool {
        if parentType == "doc" { return topLevel.contains(childType) || content[childType] == nil }
        guard let parent = content[parentType] else { return true }
        switch parent {
        case .leaf: return false
        case .inline: return inline.contains(childType)
        case .plainText: return childType == "text"
        case .blocks(let allowed): return allowed.contains(childType) || content[childType] == nil
        }
    }
}
