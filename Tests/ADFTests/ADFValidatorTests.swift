import ADF
import XCTest

final class ADFValidatorTests: XCTestCase {
    func testAWellFormedDocumentHasNoProblems() {
        let document = ADF.doc(
            ADF.heading(1, ADF.text("Title")),
            ADF.paragraph(ADF.text("x", ADF.link("https://e.com"), ADF.mark("code")), ADF.text("y", ADF.mark("em"), ADF.mark("strong"))),
            ADF.bulletList(ADF.item(ADF.paragraph(), ADF.codeBlock("x"))),
            ["type": "panel", "attrs": ["panelType": "info"], "content": [ADF.paragraph(ADF.text("p"))]],
            ["type": "paragraph", "content": [["type": "status", "attrs": ["text": "DONE", "color": "green", "localId": "s"]]]]
        )
        XCTAssertEqual(ADFValidator.problems(in: document), [])
    }

    func testTheTopLevelShape() {
        XCTAssertEqual(ADFValidator.problems(in: "doc"), ["the document must be a JSON object"])
        XCTAssertEqual(ADFValidator.problems(in: ["type": "doc", "content": []]), ["the version must be 1"])
        XCTAssertEqual(ADFValidator.problems(in: ["version": 1, "type": "paragraph", "content": [], "extra": true]),
                       ["unknown property 'extra' on the document", "the top-level type must be \"doc\""])
        XCTAssertEqual(ADFValidator.problems(in: ["version": 1, "type": "doc"]), ["the document needs a 'content' array"])
    }

    func testWrongChildrenAndUnknownNodes() {
        let problems = ADFValidator.problems(in: ADF.doc(
            ADF.bulletList(ADF.item(ADF.bulletList(ADF.item(ADF.paragraph(ADF.text("x")))))),
            ADF.bulletList(),
            ["type": "listItem", "content": [ADF.paragraph()]],
            ["type": "blockquote", "content": [ADF.heading(2, ADF.text("h"))]],
            ADF.paragraph(ADF.paragraph()),
            ["type": "wobble"]
        ))
        XCTAssertEqual(problems, [
            "content[0].content[0].content[0]: listItem must start with paragraph, not bulletList",
            "content[1]: bulletList needs at least 1 child node(s)",
            "content[2]: listItem is not allowed in doc",
            "content[3].content[0]: heading is not allowed in blockquote",
            "content[4].content[0]: paragraph is not allowed in paragraph",
            "content[5]: unknown node type 'wobble'",
        ])
    }

    func testMissingAndMalformedAttributes() {
        let problems = ADFValidator.problems(in: ADF.doc(
            ["type": "heading", "attrs": ["level": 7], "content": [ADF.text("h")]],
            ["type": "heading", "content": [ADF.text("h")]],
            ["type": "taskList", "content": [["type": "taskItem", "attrs": ["state": "MAYBE", "localId": "t"]]]],
            ["type": "orderedList", "attrs": ["order": "3"], "content": [ADF.item(ADF.paragraph())]],
            ["type": "paragraph", "content": [["type": "mention", "attrs": ["text": "@x"]]]]
        ))
        XCTAssertEqual(problems, [
            "content[0]: attrs.level of heading must be an integer from 1 to 6",
            "content[1]: heading needs attrs.level",
            "content[2]: taskList needs attrs.localId",
            "content[2].content[0]: attrs.state of taskItem must be one of DONE, TODO",
            "content[3]: attrs.order of orderedList must be an integer from 0 to 2147483647",
            "content[4].content[0]: mention needs attrs.id",
        ])
    }

    func testEmptyTextAndMarksThatDoNotGoTogether() {
        let problems = ADFValidator.problems(in: ADF.doc(ADF.paragraph(
            ADF.text(""),
            ADF.text("a", ADF.mark("code"), ADF.mark("strong")),
            ADF.text("b", ADF.mark("em"), ADF.mark("em")),
            ADF.text("c", ["type": "link", "attrs": [:]]),
            ADF.text("d", ["type": "sparkle"]),
            ADF.text("e", ["type": "textColor", "attrs": ["color": "red"]])
        ), ["type": "codeBlock", "content": [ADF.text("x", ADF.mark("strong"))]]))
        XCTAssertEqual(problems, [
            "content[0].content[0]: a text node needs a non-empty 'text'",
            "content[0].content[1]: the code mark cannot be combined with strong",
            "content[0].content[2]: the mark 'em' appears twice",
            "content[0].content[3]: the mark 'link' needs attrs.href",
            "content[0].content[4]: unknown mark 'sparkle'",
            "content[0].content[5]: attrs.color of the mark 'textColor' must be a colour like #ff5630",
            "content[1].content[0]: text in a codeBlock cannot have marks",
        ])
    }
}
