import JSON

/// The plain-markdown forms that carry ADF which has no markdown of its own, so that `ADF → markdown → ADF` gives
/// back the same nodes. Every form is ordinary CommonMark that any editor leaves alone, and every one is a
/// *structure* cmark reports (a link, a fenced code block), never a pattern in running text: cmark resolves
/// escapes before the tree is read, so a text pattern such as `:smile:` could not be told apart from the escaped
/// `\:smile:` a user wrote to mean the characters. Ordinary text is therefore never misread.
///
/// - Mention: `[@Jane Doe](jira-mention:5b10ac8d82e05b22cc7d4ef5)` — the link text is `attrs.text`, the target the
///   account id; other string attributes follow as a query, e.g. `?accessLevel=CONTAINER&userType=DEFAULT`.
/// - Emoji: `[:smile:](jira-emoji:1f604?text=😄)` — the link text is `attrs.shortName`, the target `attrs.id`,
///   then `attrs.text`.
/// - Smart link (`inlineCard`): `[https://example.com/x](https://example.com/x "smart link")` — a clickable link
///   whose title marks it as a card.
/// - Any other inline node (status, date, inline extensions, future nodes): `[IN PROGRESS](adf:{"attrs":…})` — the
///   link text is only a preview; the target holds the node's JSON.
/// - Text with marks markdown has no syntax for (underline, colour, sub/superscript, annotations, or marks in an
///   order markdown cannot reproduce): `[the words](adf-marks:[{"type":"underline"}])` — the link text is the
///   editable text, the target lists every mark of that text.
/// - Attachments and cards (`mediaSingle` other than an image from a URL, `mediaGroup`, `blockCard`,
///   `embedCard`): the same link form, alone in its paragraph: `[diagram.png](adf:{"attrs":…,"type":"mediaSingle"})`.
///   An image from a URL is a markdown image, `![alt](https://…)`.
/// - Any block markdown cannot express (panels, expands, decision lists, layouts, future nodes…): a fenced code
///   block with the info string `adf` holding the node's JSON, pretty-printed with sorted keys.
///
/// In the targets, JSON is written as is except for the few characters a link target cannot hold (spaces,
/// controls, `%`, `()`, `<>`, `\`, `&`, backtick), which are percent-encoded.
///
/// These spellings are therefore reserved in the markdown: a link to `adf:`, `adf-marks:`, `jira-mention:` or
/// `jira-emoji:`, a link titled "smart link", and an `adf` code block holding a JSON node are read as the forms
/// above. Anything malformed among them is read as the ordinary link or code block it looks like.
///
/// The opposite direction has one form too: markdown that ADF cannot hold where it stands (an HTML block, or a
/// table or block quote inside a list item) is sent as a code block whose language is `markdown-source`,
/// holding the markdown itself; it is written back as that markdown.
enum ADFMarkdownForms {
    static let blockInfoString = "adf"
    static let sourceLanguage = "markdown-source"
    static let nodeScheme = "adf:"
    static let marksScheme = "adf-marks:"
    static let mentionScheme = "jira-mention:"
    static let emojiScheme = "jira-emoji:"
    static let smartLinkTitle = "smart link"
    /// Block nodes written in the link form (alone in a paragraph) rather than as an `adf` code block.
    static let blockLinkTypes: Set<String> = ["mediaSingle", "mediaGroup", "blockCard", "embedCard"]

    // MARK: Writing

    static func nodeTarget(_ node: JSONValue) -> String {
        nodeScheme + LinkTargetCoding.encode(node.encodedString(keys: .sorted))
    }

    static func marksTarget(_ marks: [JSONValue]) -> String {
        marksScheme + LinkTargetCoding.encode(JSONValue.array(marks).encodedString(keys: .sorted))
    }

    /// The `jira-mention:` target for a mention whose attributes are all strings and include `id` and `text`;
    /// nil when the mention needs the general node form.
    static func mentionTarget(_ attrs: JSONObject) -> String? {
        guard let id = attrs["id"]?.string, !id.isEmpty, attrs["text"]?.string != nil else { return nil }
        return target(scheme: mentionScheme, path: id, query: attrs.filter { $0.key != "id" && $0.key != "text" })
    }

    static func emojiTarget(_ attrs: JSONObject) -> String? {
        guard let shortName = attrs["shortName"]?.string, !shortName.isEmpty else { return nil }
        if let id = attrs["id"], id.string?.isEmpty ?? true { return nil }
        return target(scheme: emojiScheme, path: attrs["id"]?.string ?? "",
                      query: attrs.filter { $0.key != "id" && $0.key != "shortName" })
    }

    private static func target(scheme: String, path: String, query: JSONObject) -> String? {
        var pairs: [String] = []
        for (key, value) in query.sorted(by: { $0.key < $1.key }) {
            guard let text = value.string else { return nil }
            pairs.append(LinkTargetCoding.encode(key, alsoEncoding: "&=?#") + "=" + LinkTargetCoding.encode(text, alsoEncoding: "&=?#"))
        }
        let encodedPath = LinkTargetCoding.encode(path, alsoEncoding: "?#")
        return scheme + encodedPath + (pairs.isEmpty ? "" : "?" + pairs.joined(separator: "&"))
    }

    // MARK: Reading

    /// The inline node a link with this target and text stands for, or nil for an ordinary link.
    static func inlineNode(target: String, title: String, text: String) -> JSONValue? {
        if target.hasPrefix(nodeScheme) {
            guard let json = try? JSONValue(parsing: LinkTargetCoding.decode(String(target.dropFirst(nodeScheme.count)))),
                  json.nodeType != nil else { return nil }
            return json
        }
        if target.hasPrefix(mentionScheme), let (id, query) = pathAndQuery(target.dropFirst(mentionScheme.count)), !id.isEmpty {
            var attrs = query
            attrs["id"] = .string(id)
            attrs["text"] = .string(text)
            return ADFNode.make("mention", attrs: attrs)
        }
        if target.hasPrefix(emojiScheme), let (id, query) = pathAndQuery(target.dropFirst(emojiScheme.count)), !text.isEmpty {
            var attrs = query
            if !id.isEmpty { attrs["id"] = .string(id) }
            attrs["shortName"] = .string(text)
            return ADFNode.make("emoji", attrs: attrs)
        }
        if title == smartLinkTitle, !target.isEmpty {
            return ADFNode.make("inlineCard", attrs: ["url": .string(target)])
        }
        return nil
    }

    /// The marks an `adf-marks:` target lists, or nil for any other target.
    static func carriedMarks(target: String) -> [JSONValue]? {
        guard target.hasPrefix(marksScheme),
              let json = try? JSONValue(parsing: LinkTargetCoding.decode(String(target.dropFirst(marksScheme.count)))),
              let marks = json.array, marks.allSatisfy({ $0.nodeType != nil }) else { return nil }
        return marks
    }

    /// The node an `adf` code block holds, or nil when its text is not a node.
    static func carriedBlock(info: String, literal: String) -> JSONValue? {
        guard info == blockInfoString, let json = try? JSONValue(parsing: literal), json.nodeType != nil else { return nil }
        return json
    }

    private static func pathAndQuery(_ rest: Substring) -> (String, JSONObject)? {
        let parts = rest.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        var query: JSONObject = [:]
        if parts.count == 2, !parts[1].isEmpty {
            for pair in parts[1].split(separator: "&", omittingEmptySubsequences: false) {
                let keyValue = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                guard keyValue.count == 2 else { return nil }
                query[LinkTargetCoding.decode(String(keyValue[0]))] = .string(LinkTargetCoding.decode(String(keyValue[1])))
            }
        }
        return (LinkTargetCoding.decode(String(parts[0])), query)
    }
}
