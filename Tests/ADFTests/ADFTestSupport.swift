import ADF
import JSON
import Markdown
import XCTest

/// Small builders for ADF fixtures, in the shape the converter itself produces.
enum ADF {
    static func doc(_ blocks: JSONValue...) -> JSONValue { doc(blocks) }
    static func doc(_ blocks: [JSONValue]) -> JSONValue { ["version": 1, "type": "doc", "content": .array(blocks)] }

    static func paragraph(_ inlines: JSONValue...) -> JSONValue {
        inlines.isEmpty ? ["type": "paragraph"] : ["type": "paragraph", "content": .array(inlines)]
    }

    static func text(_ text: String, _ marks: JSONValue...) -> JSONValue {
        marks.isEmpty ? ["type": "text", "text": .string(text)] : ["type": "text", "text": .string(text), "marks": .array(marks)]
    }

    static func mark(_ type: String) -> JSONValue { ["type": .string(type)] }

    static func link(_ href: String, title: String? = nil) -> JSONValue {
        var attrs: JSONObject = ["href": .string(href)]
        if let title { attrs["title"] = .string(title) }
        return ["type": "link", "attrs": .object(attrs)]
    }

    static func heading(_ level: Int, _ inlines: JSONValue...) -> JSONValue {
        ["type": "heading", "attrs": ["level": .int(level)], "content": .array(inlines)]
    }

    static func bulletList(_ items: JSONValue...) -> JSONValue { ["type": "bulletList", "content": .array(items)] }

    static func orderedList(from order: Int, _ items: JSONValue...) -> JSONValue {
        ["type": "orderedList", "attrs": ["order": .int(order)], "content": .array(items)]
    }

    static func item(_ blocks: JSONValue...) -> JSONValue { ["type": "listItem", "content": .array(blocks)] }

    static func codeBlock(_ text: String, language: String? = nil) -> JSONValue {
        var node: JSONObject = ["type": "codeBlock"]
        if let language { node["attrs"] = ["language": .string(language)] }
        if !text.isEmpty { node["content"] = [["type": "text", "text": .string(text)]] }
        return .object(node)
    }

    static func table(_ rows: [[JSONValue]]) -> JSONValue {
        let content = rows.enumerated().map { index, cells -> JSONValue in
            let type: JSONValue = index == 0 ? "tableHeader" : "tableCell"
            return ["type": "tableRow", "content": .array(cells.map { ["type": type, "content": [$0]] })]
        }
        return ["type": "table", "content": .array(content)]
    }
}

extension XCTestCase {
    /// Converts `document` to markdown and back, asserts the result is identical, and returns the markdown.
    @discardableResult
    func assertADFRoundTrip(_ document: JSONValue, file: StaticString = #filePath, line: UInt = #line) -> String {
        let markdown = ADFConverter.markdown(fromADF: document)
        let back = ADFConverter.document(fromMarkdown: markdown).document
        XCTAssertEqual(back, document, "markdown was:\n\(markdown)\nback:\n\(back.encodedString(keys: .sorted))", file: file, line: line)
        return markdown
    }

    /// Converts markdown to ADF and back and asserts the canonical forms agree; returns the ADF.
    @discardableResult
    func assertMarkdownRoundTrip(_ markdown: String, file: StaticString = #filePath, line: UInt = #line) -> JSONValue {
        let document = ADFConverter.document(fromMarkdown: markdown).document
        let back = ADFConverter.markdown(fromADF: document)
        XCTAssertEqual(MarkdownCanonicaliser.canonical(back), MarkdownCanonicaliser.canonical(markdown),
                       "markdown back:\n\(back)", file: file, line: line)
        XCTAssertNil(JiraADFOracle.problem(in: document), "markdown was:\n\(markdown)", file: file, line: line)
        return document
    }
}
