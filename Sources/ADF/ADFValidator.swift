import JSON

/// Checks an ADF document against `ADFSchema`: the top-level shape, known node and mark types, allowed children,
/// required and well-typed attributes, non-empty text, and marks that may go together. Reports every problem it
/// finds, each prefixed with where it is (`content[2].content[0]: …`).
public enum ADFValidator {
    public static func problems(in document: JSONValue) -> [String] {
        var check = Check()
        check.document(document)
        return check.problems
    }
}

private struct Check {
    var problems: [String] = []

    private mutating func report(_ path: String, _ message: String) {
        problems.append(path.isEmpty ? message : "\(path): \(message)")
    }

    mutating func document(_ document: JSONValue) {
        guard let members = document.object else { return report("", "the document must be a JSON object") }
        for key in members.keys.sorted() where !["version", "type", "content"].contains(key) {
            report("", "unknown property '\(key)' on the document")
        }
        if document["type"] != "doc" { report("", "the top-level type must be \"doc\"") }
        if document["version"] != 1 { report("", "the version must be 1") }
        guard let content = document["content"]?.array else { return report("", "the document needs a 'content' array") }
        children(content, of: "doc", rule: .blocks(ADFSchema.topLevel, min: 0), path: "")
    }

    private mutating func checkNode(_ node: JSONValue, path: String) {
        guard let members = node.object else { return report(path, "a node must be a JSON object") }
        guard let type = node["type"]?.string else { return report(path, "a node needs a string 'type'") }
        guard let rule = ADFSchema.nodes[type] else { return report(path, "unknown node type '\(type)'") }
        for key in members.keys.sorted() where !["type", "attrs", "marks", "content"].contains(key) && !(key == "text" && type == "text") {
            report(path, "unknown property '\(key)' on \(type)")
        }
        attributes(node["attrs"], of: type, rule: rule, path: path)
        if type == "text" {
            if (node["text"]?.string ?? "").isEmpty { report(path, "a text node needs a non-empty 'text'") }
            textMarks(node["marks"], path: path)
        } else if let marks = node["marks"] {
            nodeMarks(marks, of: type, allowed: rule.marks, path: path)
        }
        let content = node["content"]
        if content != nil, content?.array == nil { return report(path, "'content' of \(type) must be an array") }
        let list = content?.array
        switch rule.content {
        case .leaf:
            if content != nil { report(path, "\(type) cannot have content") }
        case .inline:
            children(list ?? [], of: type, rule: .blocks(ADFSchema.inline, min: 0), path: path)
        case .plainText:
            for (index, child) in (list ?? []).enumerated() {
                let childPath = Self.join(path, index)
                if child["type"] != "text" { report(childPath, "a codeBlock holds only text") }
                if !(child["marks"]?.array?.isEmpty ?? true) { report(childPath, "text in a codeBlock cannot have marks") }
                if child["type"] == "text" { checkNode(child, path: childPath) }
            }
        case .blocks:
            guard let list else { return report(path, "\(type) needs 'content'") }
            children(list, of: type, rule: rule.content, path: path)
        }
    }

    private mutating func children(_ list: [JSONValue], of parent: String, rule: ADFSchema.Content, path: String) {
        guard case .blocks(let allowed, let first, let min, let max) = rule else { return }
        if list.count < min { report(path, "\(parent) needs at least \(min) child node(s)") }
        if let max, list.count > max { report(path, "\(parent) allows at most \(max) child node(s)") }
        for (index, child) in list.enumerated() {
            let childPath = Self.join(path, index)
            if let type = child["type"]?.string, ADFSchema.nodes[type] != nil {
                if !allowed.contains(type) {
                    report(childPath, "\(type) is not allowed in \(parent)")
                } else if index == 0, let first, !first.contains(type) {
                    report(childPath, "\(parent) must start with \(first.sorted().joined(separator: " or ")), not \(type)")
                }
            }
            checkNode(child, path: childPath)
        }
    }

    private mutating func attributes(_ attrs: JSONValue?, of type: String, rule: ADFSchema.Node, path: String) {
        let members = attrs?.object ?? [:]
        if attrs != nil, attrs?.object == nil { return report(path, "'attrs' of \(type) must be an object") }
        for name in rule.required.sorted() where members[name] == nil || members[name] == .null {
            report(path, "\(type) needs attrs.\(name)")
        }
        for (name, value) in members.sorted(by: { $0.key < $1.key }) {
            guard let attribute = rule.attributes[name] ?? (name == "localId" ? .string : nil) else {
                report(path, "unknown attribute '\(name)' on \(type)")
                continue
            }
            if value == .null, !rule.required.contains(name) { continue }
            if !attribute.accepts(value) { report(path, "attrs.\(name) of \(type) must be \(attribute.expectation)") }
        }
        switch type {
        case "media":
            if members["type"] == "external" {
                if members["url"] == nil { report(path, "external media needs attrs.url") }
            } else if members["id"] == nil || members["collection"] == nil {
                report(path, "file media needs attrs.id and attrs.collection")
            }
        case "inlineCard", "blockCard":
            if members["url"] == nil, members["data"] == nil { report(path, "\(type) needs attrs.url or attrs.data") }
        default:
            break
        }
    }

    private mutating func textMarks(_ marks: JSONValue?, path: String) {
        guard let marks else { return }
        guard let list = marks.array else { return report(path, "'marks' must be an array") }
        var seen: Set<String> = []
        for mark in list {
            guard let type = markType(mark, path: path) else { continue }
            guard let rule = ADFSchema.textMarks[type] else {
                report(path, "unknown mark '\(type)'")
                continue
            }
            if !seen.insert(type).inserted { report(path, "the mark '\(type)' appears twice") }
            markAttributes(mark, type: type, rule: rule, path: path)
        }
        if seen.contains("code"), !seen.isSubset(of: ADFSchema.marksAllowedWithCode) {
            let others = seen.subtracting(ADFSchema.marksAllowedWithCode).sorted().joined(separator: ", ")
            report(path, "the code mark cannot be combined with \(others)")
        }
        if seen.contains("textColor"), seen.contains("backgroundColor") {
            report(path, "textColor and backgroundColor cannot be combined")
        }
    }

    private mutating func nodeMarks(_ marks: JSONValue, of type: String, allowed: Set<String>, path: String) {
        guard let list = marks.array else { return report(path, "'marks' must be an array") }
        for mark in list {
            guard let markType = markType(mark, path: path) else { continue }
            guard allowed.contains(markType), let rule = ADFSchema.nodeMarks[markType] else {
                report(path, "the mark '\(markType)' is not allowed on \(type)")
                continue
            }
            markAttributes(mark, type: markType, rule: rule, path: path)
        }
    }

    private mutating func markType(_ mark: JSONValue, path: String) -> String? {
        guard let members = mark.object, let type = mark["type"]?.string else {
            report(path, "a mark must be an object with a string 'type'")
            return nil
        }
        for key in members.keys.sorted() where key != "type" && key != "attrs" {
            report(path, "unknown property '\(key)' on the mark '\(type)'")
        }
        return type
    }

    private mutating func markAttributes(_ mark: JSONValue, type: String, rule: ADFSchema.Mark, path: String) {
        let attrs = mark["attrs"]
        if attrs != nil, attrs?.object == nil { return report(path, "attrs of the mark '\(type)' must be an object") }
        let members = attrs?.object ?? [:]
        for name in rule.required.sorted() where members[name] == nil {
            report(path, "the mark '\(type)' needs attrs.\(name)")
        }
        for (name, value) in members.sorted(by: { $0.key < $1.key }) {
            guard let attribute = rule.attributes[name] else {
                report(path, "unknown attribute '\(name)' on the mark '\(type)'")
                continue
            }
            if value == .null, !rule.required.contains(name) { continue }
            if !attribute.accepts(value) { report(path, "attrs.\(name) of the mark '\(type)' must be \(attribute.expectation)") }
        }
    }

    private static func join(_ path: String, _ index: Int) -> String {
        path.isEmpty ? "content[\(index)]" : "\(path).content[\(index)]"
    }
}
