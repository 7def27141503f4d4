import JSON

/// Checks an Atlassian Document Format document the way Jira does before storing a description: the top level
/// must be `{"version":1,"type":"doc","content":[…]}`; every node must be a known type, with the attributes its
/// type allows and the children its type allows; text must not be empty; marks must be known and well formed.
/// Written from the ADF structure Atlassian documents, not from any client's idea of it.
enum ADFValidator {
    struct Failure: Error, Sendable {
        /// `content[2].content[0]`, or empty for the document itself.
        var path: String
        var reason: String
        var description: String { path.isEmpty ? reason : "\(path): \(reason)" }
    }

    static func validate(_ document: JSONValue) throws(Failure) {
        guard let members = document.object else { throw Failure(path: "", reason: "the document must be an object") }
        for (name, _) in members where !["version", "type", "content"].contains(name) {
            throw Failure(path: "", reason: "unknown property '\(name)' on the document")
        }
        guard document["type"]?.string == "doc" else { throw Failure(path: "", reason: "the top-level type must be 'doc'") }
        guard document["version"]?.int == 1 else { throw Failure(path: "", reason: "the version must be 1") }
        guard let content = document["content"]?.array else {
            throw Failure(path: "", reason: "the document needs a 'content' array")
        }
        try checkChildren(content, allowed: NodeSpec.topLevel, min: 0, max: nil, first: nil, path: "")
    }

    // MARK: Nodes

    private static func check(_ node: JSONValue, path: String) throws(Failure) {
        guard let members = node.object else { throw Failure(path: path, reason: "a node must be an object") }
        guard let type = node["type"]?.string else { throw Failure(path: path, reason: "a node needs a 'type'") }
        guard let spec = NodeSpec.all[type] else { throw Failure(path: path, reason: "unknown node type '\(type)'") }
        for (name, _) in members {
            let allowed = name == "type" || name == "attrs" || name == "marks" || name == "content"
                || (name == "text" && type == "text")
            guard allowed else { throw Failure(path: path, reason: "unknown property '\(name)' on \(type)") }
        }
        try checkAttributes(node["attrs"], of: type, spec: spec, path: path)
        if type == "text" {
            guard let text = node["text"]?.string, !text.isEmpty else {
                throw Failure(path: path, reason: "a text node needs a non-empty 'text'")
            }
            try checkTextMarks(node["marks"], path: path)
        } else if let marks = node["marks"] {
            try checkNodeMarks(marks, of: type, allowed: spec.nodeMarks, path: path)
        }

        let children = node["content"]
        switch spec.content {
        case .leaf:
            if children != nil { throw Failure(path: path, reason: "\(type) cannot have content") }
        case .inline:
            guard let list = try childList(children, of: type, required: false, path: path) else { return }
            try checkChildren(list, allowed: NodeSpec.inline, min: 0, max: nil, first: nil, path: path)
        case .codeText:
            guard let list = try childList(children, of: type, required: false, path: path) else { return }
            for (index, child) in list.enumerated() {
                let childPath = "\(path).content[\(index)]".trimmingLeadingDot
                guard child["type"]?.string == "text" else {
                    throw Failure(path: childPath, reason: "a codeBlock holds only text")
                }
                guard child["marks"] == nil || child["marks"]?.array?.isEmpty == true else {
                    throw Failure(path: childPath, reason: "text in a codeBlock cannot have marks")
                }
                try check(child, path: childPath)
            }
        case .blocks(let allowed, let min, let max, let first):
            let list = try childList(children, of: type, required: true, path: path) ?? []
            try checkChildren(list, allowed: allowed, min: min, max: max, first: first, path: path)
        }
    }

    private static func childList(_ value: JSONValue?, of type: String, required: Bool,
                                  path: String) throws(Failure) -> [JSONValue]? {
        guard let value else {
            if required { throw Failure(path: path, reason: "\(type) needs 'content'") }
            return nil
        }
        guard let list = value.array else { throw Failure(path: path, reason: "'content' must be an array") }
        return list
    }

    private static func checkChildren(_ children: [JSONValue], allowed: Set<String>, min: Int, max: Int?,
                                      first: Set<String>?, path: String) throws(Failure) {
        if children.count < min { throw Failure(path: path, reason: "needs at least \(min) child node(s)") }
        if let max, children.count > max { throw Failure(path: path, reason: "allows at most \(max) child node(s)") }
        for (index, child) in children.enumerated() {
            let childPath = "\(path).content[\(index)]".trimmingLeadingDot
            let type = child["type"]?.string ?? ""
            if NodeSpec.all[type] != nil {
                if index == 0, let first, !first.contains(type) {
                    throw Failure(path: childPath, reason: "the first child must be \(first.sorted().joined(separator: " or "))")
                }
                if !allowed.contains(type) { throw Failure(path: childPath, reason: "\(type) is not allowed here") }
            }
            try check(child, path: childPath)
        }
    }

    // MARK: Attributes

    private static func checkAttributes(_ attrs: JSONValue?, of type: String, spec: NodeSpec, path: String) throws(Failure) {
        guard let attrs else {
            if let missing = spec.required.sorted().first {
                throw Failure(path: path, reason: "\(type) needs attrs.\(missing)")
            }
            return
        }
        guard let members = attrs.object else { throw Failure(path: path, reason: "'attrs' must be an object") }
        for name in spec.required.sorted() where attrs[name] == nil || attrs[name] == .null {
            throw Failure(path: path, reason: "\(type) needs attrs.\(name)")
        }
        for (name, value) in members {
            guard let rule = spec.attrs[name] ?? (name == "localId" ? .string : nil) else {
                throw Failure(path: path, reason: "unknown attribute '\(name)' on \(type)")
            }
            if value == .null, !spec.required.contains(name) { continue }
            guard rule.accepts(value) else {
                throw Failure(path: path, reason: "attrs.\(name) of \(type) must be \(rule.expectation)")
            }
        }
        if type == "media" {
            let kind = attrs["type"]?.string
            if kind == "external", attrs["url"]?.string == nil {
                throw Failure(path: path, reason: "external media needs attrs.url")
            }
            if kind != "external", attrs["id"]?.string == nil || attrs["collection"]?.string == nil {
                throw Failure(path: path, reason: "\(kind ?? "") media needs attrs.id and attrs.collection")
            }
        }
        if type == "inlineCard" || type == "blockCard", attrs["url"] == nil, attrs["data"] == nil {
            throw Failure(path: path, reason: "\(type) needs attrs.url or attrs.data")
        }
    }

    // MARK: Marks

    private static func checkTextMarks(_ marks: JSONValue?, path: String) throws(Failure) {
        guard let marks else { return }
        guard let list = marks.array else { throw Failure(path: path, reason: "'marks' must be an array") }
        var seen = Set<String>()
        for mark in list {
            let type = try markType(mark, path: path)
            guard let rules = MarkSpec.text[type] else { throw Failure(path: path, reason: "unknown mark '\(type)'") }
            guard seen.insert(type).inserted else { throw Failure(path: path, reason: "the mark '\(type)' appears twice") }
            try checkMarkAttributes(mark, type: type, rules: rules, path: path)
        }
        if seen.contains("code"), !seen.subtracting(["code", "link"]).isEmpty {
            throw Failure(path: path, reason: "the code mark combines only with link")
        }
    }

    private static func checkNodeMarks(_ marks: JSONValue, of type: String, allowed: Set<String>, path: String) throws(Failure) {
        guard let list = marks.array else { throw Failure(path: path, reason: "'marks' must be an array") }
        for mark in list {
            let markType = try markType(mark, path: path)
            guard allowed.contains(markType), let rules = MarkSpec.node[markType] else {
                throw Failure(path: path, reason: "the mark '\(markType)' is not allowed on \(type)")
            }
            try checkMarkAttributes(mark, type: markType, rules: rules, path: path)
        }
    }

    private static func markType(_ mark: JSONValue, path: String) throws(Failure) -> String {
        guard let members = mark.object, let type = mark["type"]?.string else {
            throw Failure(path: path, reason: "a mark must be an object with a 'type'")
        }
        for (name, _) in members where name != "type" && name != "attrs" {
            throw Failure(path: path, reason: "unknown property '\(name)' on the mark '\(type)'")
        }
        return type
    }

    private static func checkMarkAttributes(_ mark: JSONValue, type: String, rules: MarkSpec,
                                            path: String) throws(Failure) {
        let attrs = mark["attrs"]
        for name in rules.required.sorted() where attrs?[name] == nil {
            throw Failure(path: path, reason: "the mark '\(type)' needs attrs.\(name)")
        }
        guard let attrs else { return }
        guard let members = attrs.object else { throw Failure(path: path, reason: "mark attrs must be an object") }
        for (name, value) in members {
            guard let rule = rules.attrs[name] else {
                throw Failure(path: path, reason: "unknown attribute '\(name)' on the mark '\(type)'")
            }
            if value == .null, !rules.required.contains(name) { continue }
            guard rule.accepts(value) else {
                throw Failure(path: path, reason: "attrs.\(name) of the mark '\(type)' must be \(rule.expectation)")
            }
        }
    }
}

/// What one attribute may hold.
private enum AttributeRule {
    case string
    case nonEmptyString
    case integer(ClosedRange<Int>)
    case number
    case boolean
    case oneOf(Set<String>)
    case numbers
    case hexColor
    case anyValue

    func accepts(_ value: JSONValue) -> Bool {
        switch self {
        case .string: value.string != nil
        case .nonEmptyString: !(value.string ?? "").isEmpty
        case .integer(let range): value.int.map(range.contains) ?? false
        case .number: if case .number = value { true } else { false }
        case .boolean: value.bool != nil
        case .oneOf(let options): value.string.map(options.contains) ?? false
        case .numbers: value.array?.allSatisfy { if case .number = $0 { true } else { false } } ?? false
        case .hexColor:
            value.string.map { text in
                text.count == 7 && text.first == "#" && text.dropFirst().allSatisfy(\.isHexDigit)
            } ?? false
        case .anyValue: true
        }
    }

    var expectation: String {
        switch self {
        case .string: "a string"
        case .nonEmptyString: "a non-empty string"
        case .integer(let range): "an integer from \(range.lowerBound) to \(range.upperBound)"
        case .number: "a number"
        case .boolean: "a boolean"
        case .oneOf(let options): "one of \(options.sorted().joined(separator: ", "))"
        case .numbers: "an array of numbers"
        case .hexColor: "a colour like #ff5630"
        case .anyValue: "a value"
        }
    }
}

private struct NodeSpec {
    enum Content {
        /// No `content`.
        case leaf
        /// Inline nodes, `content` optional.
        case inline
        /// Unmarked text only (codeBlock).
        case codeText
        /// Child nodes of the named types; `first` restricts the first child.
        case blocks(Set<String>, min: Int, max: Int?, first: Set<String>?)
    }

    var content: Content
    var attrs: [String: AttributeRule] = [:]
    var required: Set<String> = []
    /// Block marks (alignment, indentation, breakout) the node may carry.
    var nodeMarks: Set<String> = []

    static let topLevel: Set<String> = [
        "paragraph", "heading", "bulletList", "orderedList", "codeBlock", "blockquote", "rule", "table", "taskList",
        "decisionList", "panel", "expand", "mediaSingle", "mediaGroup", "blockCard",
    ]

    static let inline: Set<String> = ["text", "hardBreak", "mention", "emoji", "inlineCard", "status", "date"]

    private static let listItemChildren: Set<String> = [
        "paragraph", "bulletList", "orderedList", "codeBlock", "mediaSingle", "taskList",
    ]
    private static let quoteChildren: Set<String> = ["paragraph", "bulletList", "orderedList", "codeBlock", "mediaGroup", "mediaSingle"]
    private static let panelChildren: Set<String> = [
        "paragraph", "heading", "bulletList", "orderedList", "codeBlock", "rule", "mediaGroup", "mediaSingle", "blockCard",
        "taskList", "decisionList",
    ]
    private static let cellChildren: Set<String> = panelChildren.union(["panel", "blockquote", "nestedExpand"])
    private static let expandChildren: Set<String> = panelChildren.union(["panel", "blockquote", "table"])
    private static let nestedExpandChildren: Set<String> = panelChildren.union(["panel", "blockquote"])

    private static let cellAttrs: [String: AttributeRule] = [
        "colspan": .integer(1...1000), "rowspan": .integer(1...1000), "colwidth": .numbers, "background": .string,
    ]

    static let all: [String: NodeSpec] = [
        "paragraph": NodeSpec(content: .inline, nodeMarks: ["alignment", "indentation"]),
        "heading": NodeSpec(content: .inline, attrs: ["level": .integer(1...6)], required: ["level"],
                            nodeMarks: ["alignment", "indentation"]),
        "bulletList": NodeSpec(content: .blocks(["listItem"], min: 1, max: nil, first: nil)),
        "orderedList": NodeSpec(content: .blocks(["listItem"], min: 1, max: nil, first: nil),
                                attrs: ["order": .integer(0...Int(Int32.max))]),
        "listItem": NodeSpec(content: .blocks(listItemChildren, min: 1, max: nil, first: ["paragraph"])),
        "codeBlock": NodeSpec(content: .codeText, attrs: ["language": .string, "uniqueId": .string],
                              nodeMarks: ["breakout"]),
        "blockquote": NodeSpec(content: .blocks(quoteChildren, min: 1, max: nil, first: nil)),
        "rule": NodeSpec(content: .leaf),
        "table": NodeSpec(
            content: .blocks(["tableRow"], min: 1, max: nil, first: nil),
            attrs: ["isNumberColumnEnabled": .boolean, "width": .number, "displayMode": .oneOf(["default", "fixed"]),
                    "layout": .oneOf(["default", "center", "wide", "full-width", "align-start", "align-end"])]),
        "tableRow": NodeSpec(content: .blocks(["tableHeader", "tableCell"], min: 1, max: nil, first: nil)),
        "tableHeader": NodeSpec(content: .blocks(cellChildren, min: 1, max: nil, first: nil), attrs: cellAttrs),
        "tableCell": NodeSpec(content: .blocks(cellChildren, min: 1, max: nil, first: nil), attrs: cellAttrs),
        "taskList": NodeSpec(content: .blocks(["taskItem", "taskList"], min: 1, max: nil, first: ["taskItem"]),
                             required: ["localId"]),
        "taskItem": NodeSpec(content: .inline, attrs: ["state": .oneOf(["TODO", "DONE"])], required: ["localId", "state"]),
        "decisionList": NodeSpec(content: .blocks(["decisionItem"], min: 1, max: nil, first: nil), required: ["localId"]),
        "decisionItem": NodeSpec(content: .inline, attrs: ["state": .oneOf(["DECIDED", "UNDECIDED"])],
                                 required: ["localId", "state"]),
        "panel": NodeSpec(
            content: .blocks(panelChildren, min: 1, max: nil, first: nil),
            attrs: ["panelType": .oneOf(["info", "note", "tip", "warning", "error", "success", "custom"]),
                    "panelIcon": .string, "panelIconId": .string, "panelIconText": .string, "panelColor": .string],
            required: ["panelType"]),
        "expand": NodeSpec(content: .blocks(expandChildren, min: 1, max: nil, first: nil), attrs: ["title": .string],
                           nodeMarks: ["breakout"]),
        "nestedExpand": NodeSpec(content: .blocks(nestedExpandChildren, min: 1, max: nil, first: nil),
                                 attrs: ["title": .string]),
        "mediaSingle": NodeSpec(
            content: .blocks(["media"], min: 1, max: 1, first: nil),
            attrs: ["layout": .oneOf(["wrap-left", "center", "wrap-right", "wide", "full-width", "align-start", "align-end"]),
                    "width": .number, "widthType": .oneOf(["percentage", "pixel"])]),
        "mediaGroup": NodeSpec(content: .blocks(["media"], min: 1, max: nil, first: nil)),
        "media": NodeSpec(
            content: .leaf,
            attrs: ["type": .oneOf(["file", "link", "external"]), "id": .nonEmptyString, "collection": .string,
                    "url": .nonEmptyString, "width": .number, "height": .number, "alt": .string, "occurrenceKey": .string],
            required: ["type"]),
        "blockCard": NodeSpec(content: .leaf, attrs: ["url": .nonEmptyString, "data": .anyValue]),
        "text": NodeSpec(content: .leaf),
        "hardBreak": NodeSpec(content: .leaf, attrs: ["text": .oneOf(["\n"])]),
        "mention": NodeSpec(
            content: .leaf,
            attrs: ["id": .nonEmptyString, "text": .string, "accessLevel": .string,
                    "userType": .oneOf(["DEFAULT", "SPECIAL", "APP"])],
            required: ["id"]),
        "emoji": NodeSpec(content: .leaf, attrs: ["shortName": .nonEmptyString, "id": .string, "text": .string],
                          required: ["shortName"]),
        "inlineCard": NodeSpec(content: .leaf, attrs: ["url": .nonEmptyString, "data": .anyValue]),
        "status": NodeSpec(
            content: .leaf,
            attrs: ["text": .string, "color": .oneOf(["neutral", "purple", "blue", "red", "yellow", "green"]),
                    "style": .string],
            required: ["text", "color"]),
        "date": NodeSpec(content: .leaf, attrs: ["timestamp": .nonEmptyString], required: ["timestamp"]),
    ]
}

private struct MarkSpec {
    var attrs: [String: AttributeRule] = [:]
    var required: Set<String> = []

    static let text: [String: MarkSpec] = [
        "strong": MarkSpec(), "em": MarkSpec(), "strike": MarkSpec(), "code": MarkSpec(), "underline": MarkSpec(),
        "link": MarkSpec(attrs: ["href": .nonEmptyString, "title": .string, "id": .string, "collection": .string,
                                 "occurrenceKey": .string],
                         required: ["href"]),
        "subsup": MarkSpec(attrs: ["type": .oneOf(["sub", "sup"])], required: ["type"]),
        "textColor": MarkSpec(attrs: ["color": .hexColor], required: ["color"]),
        "backgroundColor": MarkSpec(attrs: ["color": .hexColor], required: ["color"]),
    ]

    static let node: [String: MarkSpec] = [
        "alignment": MarkSpec(attrs: ["align": .oneOf(["center", "end"])], required: ["align"]),
        "indentation": MarkSpec(attrs: ["level": .integer(1...6)], required: ["level"]),
        "breakout": MarkSpec(attrs: ["mode": .oneOf(["wide", "full-width"]), "width": .number], required: ["mode"]),
    ]
}

private extension String {
    var trimmingLeadingDot: String { hasPrefix(".") ? String(dropFirst()) : self }
}
