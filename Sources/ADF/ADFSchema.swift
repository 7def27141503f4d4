import JSON

/// The structure rules of Atlassian Document Format that this package relies on: which node types exist, what each
/// may contain, which attributes it needs, and which marks go together. Written from Atlassian's ADF reference
/// (the current JSON schema), with one deliberate tightening the Jira client depends on: a `listItem` starts with a
/// paragraph. The validator checks documents against these rules and the markdown converter uses them to decide
/// where a block may stand.
enum ADFSchema {
    enum Content: Sendable {
        /// No `content`.
        case leaf
        /// Inline nodes; `content` may be absent.
        case inline
        /// Unmarked text only (a code block).
        case plainText
        /// Block children of the given types; `first` restricts the first child.
        case blocks(Set<String>, first: Set<String>? = nil, min: Int = 1, max: Int? = nil)
    }

    enum AttributeRule: Sendable {
        case string, nonEmptyString, boolean, number, numbers, anyValue, hexColour
        case integer(ClosedRange<Int>)
        case oneOf(Set<String>)

        func accepts(_ value: JSONValue) -> Bool {
            switch self {
            case .string: return value.string != nil
            case .nonEmptyString: return !(value.string ?? "").isEmpty
            case .boolean: return value.bool != nil
            case .number: return value.isNumber
            case .numbers: return value.array?.allSatisfy(\.isNumber) ?? false
            case .anyValue: return true
            case .hexColour:
                guard let text = value.string else { return false }
                return text.count == 7 && text.first == "#" && text.dropFirst().allSatisfy(\.isHexDigit)
            case .integer(let range): return value.int.map(range.contains) ?? false
            case .oneOf(let options): return value.string.map(options.contains) ?? false
            }
        }

        var expectation: String {
            switch self {
            case .string: return "a string"
            case .nonEmptyString: return "a non-empty string"
            case .boolean: return "a boolean"
            case .number: return "a number"
            case .numbers: return "an array of numbers"
            case .anyValue: return "any value"
            case .hexColour: return "a colour like #ff5630"
            case .integer(let range): return "an integer from \(range.lowerBound) to \(range.upperBound)"
            case .oneOf(let options): return "one of \(options.sorted().joined(separator: ", "))"
            }
        }
    }

    struct Node: Sendable {
        var content: Content
        var attributes: [String: AttributeRule] = [:]
        var required: Set<String> = []
        /// Marks the node itself may carry (for text: see `textMarks`).
        var marks: Set<String> = []
    }

    struct Mark: Sendable {
        var attributes: [String: AttributeRule] = [:]
        var required: Set<String> = []
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

    static let listItemChildren: Set<String> = ["paragraph", "bulletList", "orderedList", "taskList", "codeBlock", "mediaSingle"]
    static let blockquoteChildren: Set<String> = ["paragraph", "bulletList", "orderedList", "codeBlock", "mediaGroup", "mediaSingle"]
    private static let panelChildren: Set<String> = [
        "paragraph", "heading", "bulletList", "orderedList", "taskList", "decisionList", "codeBlock", "rule",
        "mediaGroup", "mediaSingle", "blockCard", "extension",
    ]
    private static let cellChildren = panelChildren.union(["panel", "blockquote", "nestedExpand", "embedCard"])
    private static let expandChildren = cellChildren.union(["table", "bodiedExtension"])
    private static let cellAttributes: [String: AttributeRule] = [
        "colspan": .integer(1...1000), "rowspan": .integer(1...1000), "colwidth": .numbers, "background": .string,
    ]
    private static let extensionAttributes: [String: AttributeRule] = [
        "extensionKey": .nonEmptyString, "extensionType": .nonEmptyString, "parameters": .anyValue, "text": .string,
        "layout": .oneOf(["wide", "full-width", "default"]),
    ]
    private static let mediaLayouts: Set<String> = [
        "wide", "full-width", "center", "wrap-right", "wrap-left", "align-end", "align-start",
    ]

    static let nodes: [String: Node] = [
        "paragraph": Node(content: .inline, marks: ["alignment", "indentation"]),
        "heading": Node(content: .inline, attributes: ["level": .integer(1...6)], required: ["level"],
                        marks: ["alignment", "indentation"]),
        "bulletList": Node(content: .blocks(["listItem"])),
        "orderedList": Node(content: .blocks(["listItem"]), attributes: ["order": .integer(0...Int(Int32.max))]),
        "listItem": Node(content: .blocks(listItemChildren, first: ["paragraph"])),
        "taskList": Node(content: .blocks(["taskItem", "taskList"], first: ["taskItem"]), required: ["localId"]),
        "taskItem": Node(content: .inline, attributes: ["state": .oneOf(["TODO", "DONE"])], required: ["localId", "state"]),
        "decisionList": Node(content: .blocks(["decisionItem"]), required: ["localId"]),
        "decisionItem": Node(content: .inline, attributes: ["state": .string], required: ["localId", "state"]),
        "codeBlock": Node(content: .plainText, attributes: ["language": .string, "uniqueId": .string], marks: ["breakout"]),
        "blockquote": Node(content: .blocks(blockquoteChildren)),
        "rule": Node(content: .leaf),
        "table": Node(content: .blocks(["tableRow"]), attributes: [
            "isNumberColumnEnabled": .boolean, "width": .number, "displayMode": .oneOf(["default", "fixed"]),
            "layout": .oneOf(["default", "center", "wide", "full-width", "align-start", "align-end"]),
        ]),
        "tableRow": Node(content: .blocks(["tableHeader", "tableCell"])),
        "tableHeader": Node(content: .blocks(cellChildren), attributes: cellAttributes),
        "tableCell": Node(content: .blocks(cellChildren), attributes: cellAttributes),
        "panel": Node(content: .blocks(panelChildren), attributes: [
            "panelType": .oneOf(["info", "note", "tip", "warning", "error", "success", "custom"]),
            "panelIcon": .string, "panelIconId": .string, "panelIconText": .string, "panelColor": .string,
        ], required: ["panelType"]),
        "expand": Node(content: .blocks(expandChildren.union(["nestedExpand"])), attributes: ["title": .string],
                       marks: ["breakout"]),
        "nestedExpand": Node(content: .blocks(cellChildren.subtracting(["nestedExpand"])), attributes: ["title": .string]),
        "mediaSingle": Node(content: .blocks(["media", "caption"], first: ["media"], max: 2), attributes: [
            "layout": .oneOf(mediaLayouts), "width": .number, "widthType": .oneOf(["percentage", "pixel"]),
        ], marks: ["link"]),
        "mediaGroup": Node(content: .blocks(["media"])),
        "media": Node(content: .leaf, attributes: [
            "type": .oneOf(["file", "link", "external"]), "id": .nonEmptyString, "collection": .string,
            "url": .nonEmptyString, "width": .number, "height": .number, "alt": .string, "occurrenceKey": .string,
        ], required: ["type"], marks: ["link", "annotation", "border"]),
        "caption": Node(content: .inline),
        "blockCard": Node(content: .leaf, attributes: ["url": .nonEmptyString, "data": .anyValue]),
        "embedCard": Node(content: .leaf, attributes: [
            "url": .nonEmptyString, "layout": .oneOf(mediaLayouts), "width": .number, "originalWidth": .number,
            "originalHeight": .number,
        ], required: ["url", "layout"]),
        "extension": Node(content: .leaf, attributes: extensionAttributes, required: ["extensionKey", "extensionType"],
                          marks: ["dataConsumer", "fragment"]),
        "bodiedExtension": Node(content: .blocks(expandChildren), attributes: extensionAttributes,
                                required: ["extensionKey", "extensionType"], marks: ["dataConsumer", "fragment"]),
        "layoutSection": Node(content: .blocks(["layoutColumn"]), marks: ["breakout"]),
        "layoutColumn": Node(content: .blocks(expandChildren), attributes: ["width": .number], required: ["width"]),
        "text": Node(content: .leaf),
        "hardBreak": Node(content: .leaf, attributes: ["text": .oneOf(["\n"])]),
        "mention": Node(content: .leaf, attributes: [
            "id": .nonEmptyString, "text": .string, "accessLevel": .string, "userType": .oneOf(["DEFAULT", "SPECIAL", "APP"]),
        ], required: ["id"], marks: ["annotation"]),
        "emoji": Node(content: .leaf, attributes: ["shortName": .nonEmptyString, "id": .string, "text": .string],
                      required: ["shortName"], marks: ["annotation"]),
        "inlineCard": Node(content: .leaf, attributes: ["url": .nonEmptyString, "data": .anyValue], marks: ["annotation"]),
        "status": Node(content: .leaf, attributes: [
            "text": .string, "color": .oneOf(["neutral", "purple", "blue", "red", "yellow", "green"]), "style": .string,
        ], required: ["text", "color"], marks: ["annotation"]),
        "date": Node(content: .leaf, attributes: ["timestamp": .nonEmptyString], required: ["timestamp"], marks: ["annotation"]),
        "placeholder": Node(content: .leaf, attributes: ["text": .string], required: ["text"]),
        "inlineExtension": Node(content: .leaf, attributes: extensionAttributes.filter { $0.key != "layout" },
                                required: ["extensionKey", "extensionType"], marks: ["dataConsumer", "fragment"]),
        "mediaInline": Node(content: .leaf, attributes: [
            "type": .oneOf(["file", "link", "image"]), "id": .nonEmptyString, "collection": .string, "alt": .string,
            "width": .number, "height": .number, "occurrenceKey": .string,
        ], required: ["id"], marks: ["link", "annotation", "border"]),
    ]

    static let textMarks: [String: Mark] = [
        "strong": Mark(), "em": Mark(), "strike": Mark(), "underline": Mark(), "code": Mark(),
        "link": Mark(attributes: ["href": .nonEmptyString, "title": .string, "id": .string, "collection": .string,
                                  "occurrenceKey": .string], required: ["href"]),
        "subsup": Mark(attributes: ["type": .oneOf(["sub", "sup"])], required: ["type"]),
        "textColor": Mark(attributes: ["color": .hexColour], required: ["color"]),
        "backgroundColor": Mark(attributes: ["color": .hexColour], required: ["color"]),
        "annotation": Mark(attributes: ["id": .nonEmptyString, "annotationType": .oneOf(["inlineComment"])],
                           required: ["id", "annotationType"]),
    ]

    static let nodeMarks: [String: Mark] = [
        "alignment": Mark(attributes: ["align": .oneOf(["center", "end"])], required: ["align"]),
        "indentation": Mark(attributes: ["level": .integer(1...6)], required: ["level"]),
        "breakout": Mark(attributes: ["mode": .oneOf(["wide", "full-width"]), "width": .number], required: ["mode"]),
        "link": textMarks["link"]!, "annotation": textMarks["annotation"]!,
        "border": Mark(attributes: ["size": .number, "color": .string], required: ["size", "color"]),
        "dataConsumer": Mark(attributes: ["sources": .anyValue], required: ["sources"]),
        "fragment": Mark(attributes: ["localId": .nonEmptyString, "name": .string], required: ["localId"]),
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
        if parentType == "doc" { return topLevel.contains(childType) || nodes[childType] == nil }
        guard let parent = nodes[parentType] else { return true }
        switch parent.content {
        case .leaf: return false
        case .inline: return inline.contains(childType)
        case .plainText: return childType == "text"
        case .blocks(let allowed, _, _, _): return allowed.contains(childType) || nodes[childType] == nil
        }
    }
}

extension JSONValue {
    var isNumber: Bool { number != nil }
}
