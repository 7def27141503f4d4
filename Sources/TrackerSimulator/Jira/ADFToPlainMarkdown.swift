import Foundation

/// An issue's ADF description as plain markdown for the admin API's `description`: the subset
/// `MarkdownSubsetToADF` writes comes back as it was written; other nodes give their text (a panel its paragraphs,
/// a mention its name). Independent of the client's converter, and not meant to be lossless.
enum ADFToPlainMarkdown {
    /// `json` is the stored ADF document (compact JSON text); nil or unreadable gives "".
    static func markdown(_ json: String?) -> String {
        guard let json, let document = (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [String: Any] else {
            return ""
        }
        let text = blocks(children(document)).joined(separator: "\n\n")
        return text.isEmpty ? "" : text + "\n"
    }

    private static func blocks(_ nodes: [[String: Any]]) -> [String] {
        nodes.compactMap(block).filter { !$0.isEmpty }
    }

    private static func block(_ node: [String: Any]) -> String? {
        switch node["type"] as? String {
        case "paragraph":
            return inline(children(node))
        case "heading":
            let level = (node["attrs"] as? [String: Any])?["level"] as? Int ?? 1
            return String(repeating: "#", count: max(1, min(6, level))) + " " + inline(children(node))
        case "bulletList", "orderedList", "taskList":
            return list(node)
        case "codeBlock":
            let language = (node["attrs"] as? [String: Any])?["language"] as? String ?? ""
            return "```\(language)\n" + children(node).compactMap { $0["text"] as? String }.joined() + "\n```"
        case "blockquote":
            return blocks(children(node)).joined(separator: "\n\n").split(separator: "\n", omittingEmptySubsequences: false)
                .map { "> " + $0 }.joined(separator: "\n")
        case "rule":
            return "---"
        default:
            return blocks(children(node)).joined(separator: "\n\n")
        }
    }

    private static func list(_ node: [String: Any]) -> String {
        let ordered = node["type"] as? String == "orderedList"
        var number = (node["attrs"] as? [String: Any])?["order"] as? Int ?? 1
        var lines: [String] = []
        for item in children(node) {
            let marker = ordered ? "\(number). " : "- "
            number += 1
            let parts = item["type"] as? String == "taskItem" ? [inline(children(item))] : blocks(children(item))
            let body = parts.joined(separator: "\n").split(separator: "\n", omittingEmptySubsequences: false)
            for (index, line) in body.enumerated() {
                lines.append(index == 0 ? marker + line : "  " + line)
            }
        }
        return lines.joined(separator: "\n")
    }

    private static func inline(_ nodes: [[String: Any]]) -> String {
        nodes.map { node in
            let attrs = node["attrs"] as? [String: Any] ?? [:]
            switch node["type"] as? String {
            case "text": return marked(node["text"] as? String ?? "", node["marks"] as? [[String: Any]] ?? [])
            case "hardBreak": return "\n"
            case "mention": return attrs["text"] as? String ?? "@"
            case "emoji": return attrs["text"] as? String ?? attrs["shortName"] as? String ?? ""
            case "inlineCard": return attrs["url"] as? String ?? ""
            case "status": return attrs["text"] as? String ?? ""
            case "date": return attrs["timestamp"] as? String ?? ""
            default: return inline(children(node))
            }
        }.joined()
    }

    private static func marked(_ text: String, _ marks: [[String: Any]]) -> String {
        marks.reduce(text) { text, mark in
            switch mark["type"] as? String {
            case "code": "`\(text)`"
            case "strong": "**\(text)**"
            case "em": "*\(text)*"
            case "strike": "~~\(text)~~"
            case "link": "[\(text)](\((mark["attrs"] as? [String: Any])?["href"] as? String ?? ""))"
            default: text
            }
        }
    }

    private static func children(_ node: [String: Any]) -> [[String: Any]] {
        node["content"] as? [[String: Any]] ?? []
    }
}
