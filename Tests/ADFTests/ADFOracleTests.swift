import JSON
import XCTest

/// The oracle must reject what Jira rejects, or validating the converter's output with it would prove nothing.
final class ADFOracleTests: XCTestCase {
    func testAWellFormedDocumentPasses() {
        let document = ADF.doc(
            ADF.heading(1, ADF.text("Title")),
            ADF.paragraph(ADF.text("x", ADF.link("https://e.com"), ADF.mark("code")), ADF.text("y", ADF.mark("em"), ADF.mark("strong"))),
            ADF.bulletList(ADF.item(ADF.paragraph(), ADF.codeBlock("x"))),
            ["type": "panel", "attrs": ["panelType": "info"], "content": [ADF.paragraph(ADF.text("p"))]],
            ["type": "paragraph", "content": [["type": "status", "attrs": ["text": "DONE", "color": "green", "localId": "s"]]]]
        )
        XCTAssertNil(JiraADFOracle.problem(in: document))
    }

    func testTheTopLevelShape() {
        assertRefused("doc", "the document must be an object")
        assertRefused(["type": "doc", "content": []], "the version must be 1")
        assertRefused(["version": 1, "type": "paragraph", "content": [], "extra": true], "unknown property 'extra' on the document")
        assertRefused(["version": 1, "type": "paragraph", "content": []], "the top-level type must be 'doc'")
        assertRefused(["version": 1, "type": "doc"], "the document needs a 'content' array")
    }

    func testWrongChildrenAndUnknownNodes() {
        assertRefused(ADF.doc(ADF.bulletList(ADF.item(ADF.bulletList(ADF.item(ADF.paragraph(ADF.text("x"))))))),
                      "content[0].content[0].content[0]: the first child must be paragraph")
        assertRefused(ADF.doc(ADF.bulletList()), "content[0]: needs at least 1 child node(s)")
        assertRefused(ADF.doc(["type": "listItem", "content": [ADF.paragraph()]]), "content[0]: listItem is not allowed here")
        assertRefused(ADF.doc(["type": "blockquote", "content": [ADF.heading(2, ADF.text("h"))]]),
                      "content[0].content[0]: heading is not allowed here")
        assertRefused(ADF.doc(ADF.paragraph(ADF.paragraph())), "content[0].content[0]: paragraph is not allowed here")
        assertRefused(ADF.doc(["type": "wobble"]), "content[0]: unknown node type 'wobble'")
    }

    func testMissingAndMalformedAttributes() {
        assertRefused(ADF.doc(["type": "heading", "attrs": ["level": 7], "content": [ADF.text("h")]]),
                      "content[0]: attrs.level of heading must be an integer from 1 to 6")
        assertRefused(ADF.doc(["type": "heading", "content": [ADF.text("h")]]), "content[0]: heading needs attrs.level")
        assertRefused(ADF.doc(["type": "taskList", "content": [["type": "taskItem", "attrs": ["state": "TODO", "localId": "t"]]]]),
                      "content[0]: taskList needs attrs.localId")
        assertRefused(ADF.doc(["type": "taskList", "attrs": ["localId": "l"],
                               "content": [["type": "taskItem", "attrs": ["state": "MAYBE", "localId": "t"]]]]),
                      "content[0].content[0]: attrs.state of taskItem must be one of DONE, TODO")
        assertRefused(ADF.doc(["type": "orderedList", "attrs": ["order": "3"], "content": [ADF.item(ADF.paragraph())]]),
                      "content[0]: attrs.order of orderedList must be an integer from 0 to 2147483647")
        assertRefused(ADF.doc(ADF.paragraph(["type": "mention", "attrs": ["text": "@x"]])), "content[0].content[0]: mention needs attrs.id")
    }

    func testEmptyTextAndMarksThatDoNotGoTogether() {
        assertRefused(ADF.doc(ADF.paragraph(ADF.text(""))), "content[0].content[0]: a text node needs a non-empty 'text'")
        assertRefused(ADF.doc(ADF.paragraph(ADF.text("a", ADF.mark("code"), ADF.mark("strong")))),
                      "content[0].content[0]: the code mark combines only with link")
        assertRefused(ADF.doc(ADF.paragraph(ADF.text("b", ADF.mark("em"), ADF.mark("em")))), "content[0].content[0]: the mark 'em' appears twice")
        assertRefused(ADF.doc(ADF.paragraph(ADF.text("c", ["type": "link", "attrs": [:]]))),
                      "content[0].content[0]: the mark 'link' needs attrs.href")
        assertRefused(ADF.doc(ADF.paragraph(ADF.text("d", ["type": "sparkle"]))), "content[0].content[0]: unknown mark 'sparkle'")
        assertRefused(ADF.doc(ADF.paragraph(ADF.text("e", ["type": "textColor", "attrs": ["color": "red"]]))),
                      "content[0].content[0]: attrs.color of the mark 'textColor' must be a colour like #ff5630")
        assertRefused(ADF.doc(["type": "codeBlock", "content": [ADF.text("x", ADF.mark("strong"))]]),
                      "content[0].content[0]: text in a codeBlock cannot have marks")
    }

    private func assertRefused(_ document: JSONValue, _ expected: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(JiraADFOracle.problem(in: document), expected, file: file, line: line)
    }
}
