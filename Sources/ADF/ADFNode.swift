import JSON

/// Building and reading ADF nodes held as `JSONValue`.
enum ADFNode {
    static func make(_ type: String, attrs: JSONObject = [:], content: [JSONValue]? = nil) -> JSONValue {
        var object: JSONObject = ["type": .string(type)]
        if !attrs.isEmpty { object["attrs"] = .object(attrs) }
        if let content { object["content"] = .array(content) }
        return .object(object)
    }

    /// An inline container (paragraph, heading, task item) leaves `content` out when it is empty, as Jira does.
    static func inlineContainer(_ type: String, attrs: JSONObject = [:], content: [JSONValue]) -> JSONValue {
        make(type, attrs: attrs, content: content.isEmpty ? nil : content)
    }

    static func text(_ text: String, marks: [JSONValue] = []) -> JSONValue {
        var object: JSONObject = ["type": "text", "text": .string(text)]
        if !marks.isEmpty { object["marks"] = .array(marks) }
        return .object(object)
    }

    static func mark(_ type: String, attrs: JSONObject = [:]) -> JSONValue {
        attrs.isEmpty ? ["type": .string(type)] : ["type": .string(type), "attrs": .object(attrs)]
    }

    /// Joins neighbouring text nodes that carry the same marks: they render the same as one node.
    static func mergingText(_ nodes: [JSONValue]) -> [JSONValue] {
        var out: [JSONValue] = []
        for node in nodes {
            if let last = out.last, last.nodeType == "text", node.nodeType == "text", last["marks"] == node["marks"],
               let a = last["text"]?.string, let b = node["text"]?.string {
                out[out.count - 1] = text(a + b, marks: node.marks)
            } else {
                out.append(node)
            }
        }
        return out
    }
}

extension JSONValue {
    var nodeType: String? { self["type"]?.string }
    var children: [JSONValue] { self["content"]?.array ?? [] }
    var attributes: JSONObject { self["attrs"]?.object ?? [:] }
    var marks: [JSONValue] { self["marks"]?.array ?? [] }
    var keys: Set<String> { Set(object?.keys ?? []) }

    /// The same object with `key` set (or removed, for nil); other values are returned unchanged.
    func setting(_ key: String, _ value: JSONValue?) -> JSONValue {
        guard var object else { return self }
        object[key] = value
        return .object(object)
    }
}
