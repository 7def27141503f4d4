import ADF
import JSON
import XCTest

/// ADF → markdown → ADF gives back the identical document, for every node and mark markdown can express and for
/// those it cannot (which travel in the forms of `ADFMarkdownForms`).
final class ADFRoundTripTests: XCTestCase {
    // MARK: Nodes and marks with markdown of their own

    func testParagraphsAndHeadingsOfEveryLevel() {
        let headings = (1...6).map { ADF.heading($0, ADF.text("Level \($0)")) }
        let markdown = assertADFRoundTrip(ADF.doc(headings + [ADF.paragraph(ADF.text("Body text."))]))
        XCTAssertTrue(markdown.hasPrefix("# Level 1\n\n## Level 2\n"), markdown)
        XCTAssertTrue(markdown.contains("###### Level 6\n\nBody text.\n"), markdown)
    }

    func testEachMarkAndTheirCombinations() {
        let doc = ADF.doc(ADF.paragraph(
            ADF.text("bold", ADF.mark("strong")), ADF.text(" "),
            ADF.text("italic", ADF.mark("em")), ADF.text(" "),
            ADF.text("gone", ADF.mark("strike")), ADF.text(" "),
            ADF.text("code()", ADF.mark("code")), ADF.text(" "),
            ADF.text("site", ADF.link("https://example.com")), ADF.text(" "),
            ADF.text("both", ADF.mark("em"), ADF.mark("strong")), ADF.text(" "),
            ADF.text("linked code", ADF.link("https://example.com/c"), ADF.mark("code")), ADF.text(" "),
            ADF.text("all", ADF.link("https://example.com/a"), ADF.mark("em"), ADF.mark("strong"), ADF.mark("strike"))
        ))
        let markdown = assertADFRoundTrip(doc)
        XCTAssertEqual(markdown, "**bold** *italic* ~~gone~~ `code()` [site](https://example.com) ***both*** "
                       + "[`linked code`](https://example.com/c) [***~~all~~***](https://example.com/a)\n")
    }

    func testFormattingThatSpansNeighbouringTextStaysOpen() {
        let doc = ADF.doc(ADF.paragraph(
            ADF.text("one ", ADF.mark("strong")), ADF.text("two", ADF.mark("em"), ADF.mark("strong")),
            ADF.text(" three", ADF.mark("strong"))
        ))
        XCTAssertEqual(assertADFRoundTrip(doc), "**one *two* three**\n")
    }

    func testALinkWithATitleAndHardBreaks() {
        let doc = ADF.doc(ADF.paragraph(
            ADF.text("docs", ADF.link("https://example.com/a_(b)", title: "The \"docs\"")),
            ["type": "hardBreak"], ADF.text("second line"), ["type": "hardBreak"], ADF.text("- not a list")
        ))
        let markdown = assertADFRoundTrip(doc)
        XCTAssertEqual(markdown, "[docs](https://example.com/a_\\(b\\) \"The \\\"docs\\\"\")\\\nsecond line\\\n\\- not a list\n")
    }

    func testNestedBulletAndOrderedLists() {
        let doc = ADF.doc(ADF.bulletList(
            ADF.item(ADF.paragraph(ADF.text("one")), ADF.orderedList(from: 3,
                ADF.item(ADF.paragraph(ADF.text("three")), ADF.bulletList(
                    ADF.item(ADF.paragraph(ADF.text("deep")), ADF.bulletList(ADF.item(ADF.paragraph(ADF.text("deepest")))))
                )),
                ADF.item(ADF.paragraph(ADF.text("four")))
            )),
            ADF.item(ADF.paragraph(ADF.text("two")), ADF.paragraph(ADF.text("second paragraph")))
        ))
        let markdown = assertADFRoundTrip(doc)
        XCTAssertTrue(markdown.hasPrefix("- one\n\n  3. three\n     - deep\n       - deepest\n  4. four\n\n- two\n\n  second paragraph\n"),
                      markdown)
    }

    func testListsThatFollowEachOtherStaySeparate() {
        let doc = ADF.doc(
            ADF.bulletList(ADF.item(ADF.paragraph(ADF.text("a")))), ADF.bulletList(ADF.item(ADF.paragraph(ADF.text("b")))),
            ADF.orderedList(from: 1, ADF.item(ADF.paragraph(ADF.text("c")))), ADF.orderedList(from: 1, ADF.item(ADF.paragraph(ADF.text("d"))))
        )
        XCTAssertEqual(assertADFRoundTrip(doc), "- a\n\n* b\n\n1. c\n\n1) d\n")
    }

    func testAListItemThatStartsWithAnEmptyParagraph() {
        assertADFRoundTrip(ADF.doc(ADF.bulletList(ADF.item(ADF.paragraph(), ADF.codeBlock("let x = 1", language: "swift")))))
    }

    func testCodeBlocksWithAndWithoutLanguage() {
        let doc = ADF.doc(ADF.codeBlock("print(1)\n", language: "python"), ADF.codeBlock("plain"), ADF.codeBlock(""),
                          ADF.codeBlock("```\nnested fence\n````", language: "markdown"))
        let markdown = assertADFRoundTrip(doc)
        XCTAssertTrue(markdown.hasPrefix("```python\nprint(1)\n\n```\n\n```\nplain\n```\n\n```\n```\n\n`````markdown\n"), markdown)
    }

    func testBlockquoteAndRule() {
        let quote: JSONValue = ["type": "blockquote", "content": [ADF.paragraph(ADF.text("quoted")), ADF.paragraph(ADF.text("more"))]]
        XCTAssertEqual(assertADFRoundTrip(ADF.doc(quote, ["type": "rule"], ADF.paragraph(ADF.text("after")))),
                       "> quoted\n>\n> more\n\n---\n\nafter\n")
    }

    func testTableWithHeaderRowAndMarksInCells() {
        let doc = ADF.doc(ADF.table([
            [ADF.paragraph(ADF.text("Name")), ADF.paragraph(ADF.text("Value"))],
            [ADF.paragraph(ADF.text("a|b", ADF.mark("code"))), ADF.paragraph(ADF.text("bold", ADF.mark("strong")), ["type": "hardBreak"], ADF.text("x"))],
            [ADF.paragraph(), ADF.paragraph(ADF.text("pipe | here"))],
        ]))
        XCTAssertEqual(assertADFRoundTrip(doc),
                       "| Name | Value |\n| --- | --- |\n| `a\\|b` | **bold**<br>x |\n|  | pipe \\| here |\n")
    }

    func testTaskListsWithNestingAndStates() {
        let document = ADFConverter.document(fromMarkdown: "- [ ] open\n- [x] done\n  - [ ] nested\n").document
        let list = document["content"]?.array?.first
        XCTAssertEqual(list?["type"], "taskList")
        XCTAssertEqual(list?["content"]?.array?.map { $0["type"] }, ["taskItem", "taskItem", "taskList"])
        XCTAssertEqual(list?["content"]?.array?.compactMap { $0["attrs"]?["state"] }, ["TODO", "DONE"])
        XCTAssertEqual(assertADFRoundTrip(document), "- [ ] open\n- [x] done\n  - [ ] nested\n")
    }

    func testAnImageFromAURL() {
        let image: JSONValue = ["type": "mediaSingle", "attrs": ["layout": "center"], "content": [
            ["type": "media", "attrs": ["type": "external", "url": "https://example.com/a.png", "alt": "diagram"]],
        ]]
        XCTAssertEqual(assertADFRoundTrip(ADF.doc(image)), "![diagram](https://example.com/a.png)\n")
    }

    // MARK: Mentions, emoji and cards

    func testMentionEmojiAndSmartLinkAreLinksThatReadBack() {
        let doc = ADF.doc(ADF.paragraph(
            ["type": "mention", "attrs": ["id": "5b10ac8d82e05b22cc7d4ef5", "text": "@Jane Doe", "accessLevel": "", "userType": "DEFAULT"]],
            ADF.text(" "),
            ["type": "emoji", "attrs": ["shortName": ":smile:", "id": "1f604", "text": "😄"]],
            ADF.text(" "),
            ["type": "inlineCard", "attrs": ["url": "https://example.atlassian.net/browse/PP-1"]]
        ))
        XCTAssertEqual(assertADFRoundTrip(doc),
                       "[@Jane Doe](jira-mention:5b10ac8d82e05b22cc7d4ef5?accessLevel=&userType=DEFAULT) "
                       + "[:smile:](jira-emoji:1f604?text=😄) "
                       + "[https://example.atlassian.net/browse/PP-1](https://example.atlassian.net/browse/PP-1 \"smart link\")\n")
    }

    func testMentionsAndEmojiWithUnusualAttributesStillComeBack() {
        let doc = ADF.doc(ADF.paragraph(
            ["type": "mention", "attrs": ["id": "acc-1"]], ADF.text(" "),
            ["type": "mention", "attrs": ["id": "a?b&c=d#e", "text": "@[Bot] *x*", "localId": "m-1"]], ADF.text(" "),
            ["type": "emoji", "attrs": ["shortName": ":custom:"]], ADF.text(" "),
            ["type": "emoji", "attrs": ["shortName": ":x:", "id": ""]]
        ))
        let markdown = assertADFRoundTrip(doc)
        XCTAssertTrue(markdown.hasPrefix("[@acc-1](adf:{"), markdown)
        XCTAssertTrue(markdown.contains(" [@\\[Bot\\] \\*x\\*](jira-mention:a%3Fb%26c=d%23e?localId=m-1) [:custom:](jira-emoji:) [:x:](adf:{"), markdown)
    }

    func testTextThatLooksLikeAMentionOrEmojiStaysText() {
        let doc = ADF.doc(ADF.paragraph(ADF.text(":smile: @Jane [x](jira-mention:1) 10:30:45")))
        let markdown = assertADFRoundTrip(doc)
        XCTAssertEqual(markdown, ":smile: @Jane \\[x\\](jira-mention:1) 10:30:45\n")
        let typed = ADFConverter.document(fromMarkdown: "Use :memory: at 10:30:45 with @admin\n").document
        XCTAssertEqual(typed, ADF.doc(ADF.paragraph(ADF.text("Use :memory: at 10:30:45 with @admin"))))
    }

    func testAttachmentsAreKeptAsLinks() {
        let file: JSONValue = ["type": "mediaSingle", "attrs": ["layout": "wide", "width": 50], "content": [
            ["type": "media", "attrs": ["type": "file", "id": "6e7c-1", "collection": "jira-10001", "alt": "plan.pdf"]],
        ]]
        let group: JSONValue = ["type": "mediaGroup", "content": [["type": "media", "attrs": ["type": "file", "id": "x", "collection": "c"]]]]
        let markdown = assertADFRoundTrip(ADF.doc(file, group))
        XCTAssertTrue(markdown.hasPrefix("[plan.pdf](adf:{"), markdown)
        XCTAssertTrue(markdown.contains("\n\n[attachment](adf:{"), markdown)
    }

    // MARK: What markdown cannot express is kept

    func testPanelExpandAndUnknownBlocksTravelAsADFCodeBlocks() {
        let panel: JSONValue = ["type": "panel", "attrs": ["panelType": "warning"], "content": [ADF.paragraph(ADF.text("Careful"))]]
        let expand: JSONValue = ["type": "expand", "attrs": ["title": "Details"], "content": [ADF.paragraph(ADF.text("hidden"))]]
        let decisions: JSONValue = ["type": "decisionList", "attrs": ["localId": "d1"], "content": [
            ["type": "decisionItem", "attrs": ["localId": "d2", "state": "DECIDED"], "content": [ADF.text("Ship it")]],
        ]]
        let future: JSONValue = ["type": "timelineFromTheFuture", "attrs": ["zoom": .double(2.5), "lanes": [1, 2]], "content": [ADF.paragraph(ADF.text("x"))]]
        let markdown = assertADFRoundTrip(ADF.doc(panel, ADF.paragraph(ADF.text("between")), expand, decisions, future))
        XCTAssertTrue(markdown.hasPrefix("```adf\n{\n"), markdown)
        XCTAssertTrue(markdown.contains("\"panelType\" : \"warning\""), markdown)
        XCTAssertTrue(markdown.contains("```\n\nbetween\n\n```adf\n"), markdown)
    }

    func testStatusDateAndUnknownInlineNodesTravelAsLinks() {
        let doc = ADF.doc(ADF.paragraph(
            ADF.text("State: "), ["type": "status", "attrs": ["text": "IN PROGRESS", "color": "blue", "localId": "s-1"]],
            ADF.text(" due "), ["type": "date", "attrs": ["timestamp": "1582156800000"]],
            ADF.text(" "), ["type": "sparkle", "attrs": ["level": 3]]
        ))
        XCTAssertEqual(assertADFRoundTrip(doc),
                       "State: [IN PROGRESS](adf:{\"attrs\":{\"color\":\"blue\",\"localId\":\"s-1\",\"text\":\"IN%20PROGRESS\"},\"type\":\"status\"})"
                       + " due [2020-02-20](adf:{\"attrs\":{\"timestamp\":\"1582156800000\"},\"type\":\"date\"})"
                       + " [sparkle](adf:{\"attrs\":{\"level\":3},\"type\":\"sparkle\"})\n")
    }

    func testMarksMarkdownCannotExpressTravelWithTheirText() {
        let doc = ADF.doc(ADF.paragraph(
            ADF.text("under", ADF.mark("underline")), ADF.text(" "),
            ADF.text("red bold", ["type": "strong"], ["type": "textColor", "attrs": ["color": "#ff5630"]]), ADF.text(" H"),
            ADF.text("2", ["type": "subsup", "attrs": ["type": "sub"]]), ADF.text("O "),
            ADF.text("noted", ["type": "annotation", "attrs": ["id": "c1", "annotationType": "inlineComment"]]), ADF.text(" "),
            ADF.text("future", ["type": "glow", "attrs": ["radius": 4]])
        ))
        let markdown = assertADFRoundTrip(doc)
        XCTAssertTrue(markdown.hasPrefix("[under](adf-marks:[{\"type\":\"underline\"}]) [red bold](adf-marks:[{\"type\":\"strong\"},"), markdown)
    }

    func testMarksInAnOrderMarkdownCannotReproduceAreKept() {
        assertADFRoundTrip(ADF.doc(ADF.paragraph(ADF.text("x", ADF.mark("strong"), ADF.mark("em")))))
        assertADFRoundTrip(ADF.doc(ADF.paragraph(ADF.text(" spaced ", ADF.mark("em")), ADF.text("\"q\"", ADF.mark("strong")), ADF.text("tail"))))
    }

    func testBlockAttributesMarkdownCannotHoldAreKept() {
        let centred: JSONValue = ["type": "paragraph", "marks": [["type": "alignment", "attrs": ["align": "center"]]], "content": [ADF.text("mid")]]
        let wideCode: JSONValue = ["type": "codeBlock", "marks": [["type": "breakout", "attrs": ["mode": "wide"]]], "content": [ADF.text("x")]]
        let coloured: JSONValue = ["type": "table", "content": [["type": "tableRow", "content": [
            ["type": "tableHeader", "attrs": ["background": "#deebff"], "content": [ADF.paragraph(ADF.text("h"))]],
        ]]]]
        let noHeader: JSONValue = ["type": "table", "content": [["type": "tableRow", "content": [
            ["type": "tableCell", "content": [ADF.paragraph(ADF.text("c"))]],
        ]]]]
        assertADFRoundTrip(ADF.doc(centred, wideCode, coloured, noHeader))
    }

    func testCodeBlocksThatLookLikeTheForms() {
        assertADFRoundTrip(ADF.doc(ADF.codeBlock("{\"type\":\"rule\"}", language: "adf"), ADF.codeBlock("- a", language: "markdown-source")))
    }

    func testLayoutAndBookkeepingAreLeftOutButContentIsKept() {
        let fromJira: JSONValue = ["version": 1, "type": "doc", "content": [
            ["type": "paragraph", "attrs": ["localId": "p1"], "content": [ADF.text("a"), ADF.text("b")], "marks": []],
            ["type": "paragraph", "content": []],
            ["type": "table", "attrs": ["isNumberColumnEnabled": false, "layout": "default", "localId": "t1", "width": 760], "content": [
                ["type": "tableRow", "content": [["type": "tableHeader", "attrs": ["colwidth": [120], "colspan": 1], "content": [ADF.paragraph(ADF.text("h"))]]]],
            ]],
        ]]
        let markdown = ADFConverter.markdown(fromADF: fromJira)
        XCTAssertEqual(markdown, "ab\n\n| h |\n| --- |\n")
        XCTAssertEqual(ADFConverter.document(fromMarkdown: markdown).document,
                       ADF.doc(ADF.paragraph(ADF.text("ab")), ADF.table([[ADF.paragraph(ADF.text("h"))]])))
    }

    func testADocumentThatIsNotADocIsStillKept() {
        let paragraph = ADF.paragraph(ADF.text("alone"))
        XCTAssertEqual(ADFConverter.markdown(fromADF: paragraph), "alone\n")
        XCTAssertEqual(ADFConverter.markdown(fromADF: .null), "")
        XCTAssertEqual(ADFConverter.markdown(fromADF: ADF.doc()), "")
    }
}
