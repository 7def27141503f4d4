import ADF
import JSON
import XCTest

/// Inputs that tend to break converters: nothing at all, deep nesting, fences inside code, characters markdown
/// treats specially, line breaks, titles, tables and control characters.
final class ADFEdgeCaseTests: XCTestCase {
    func testEmptyAndWhitespaceOnlyInputGiveAnEmptyDocument() {
        for input in ["", "   ", "\n\n\n", " \t \n  \n"] {
            let conversion = ADFConverter.document(fromMarkdown: input)
            XCTAssertEqual(conversion.document, ADF.doc(), "input \(input.debugDescription)")
            XCTAssertEqual(conversion.notices, [])
            XCTAssertEqual(ADFConverter.markdown(fromADF: conversion.document), "")
        }
    }

    func testListsNestedFourDeep() {
        let markdown = "- one\n  - two\n    * three\n      + four\n"
        let document = assertMarkdownRoundTrip(markdown)
        var node = document["content"]?.array?.first
        for level in ["one", "two", "three", "four"] {
            XCTAssertEqual(node?["type"], "bulletList", level)
            let item = node?["content"]?.array?.first
            XCTAssertEqual(item?["content"]?.array?.first?["content"]?.array?.first?["text"]?.string, level)
            node = item?["content"]?.array?.dropFirst().first
        }
        XCTAssertNil(node)
    }

    func testOrderedListStartingAtThree() {
        let document = assertMarkdownRoundTrip("3. three\n4. four\n")
        XCTAssertEqual(document["content"]?.array?.first?["attrs"], ["order": 3])
        XCTAssertEqual(ADFConverter.markdown(fromADF: document), "3. three\n4. four\n")
        XCTAssertEqual(ADFConverter.document(fromMarkdown: "1. a\n1. b\n").document["content"]?.array?.first?["attrs"], ["order": 1])
    }

    func testCodeBlockContainingFences() {
        let markdown = "````markdown\n```swift\nlet x = 1\n```\n~~~\n````\n"
        let document = assertMarkdownRoundTrip(markdown)
        XCTAssertEqual(document, ADF.doc(ADF.codeBlock("```swift\nlet x = 1\n```\n~~~", language: "markdown")))
        XCTAssertEqual(ADFConverter.markdown(fromADF: document), markdown)
        let backticksInInfo = ADF.doc(ADF.codeBlock("x", language: "a`b"))
        XCTAssertEqual(assertADFRoundTrip(backticksInInfo), "~~~a`b\nx\n~~~\n")
    }

    func testSpecialCharactersInTextAreNotMangled() {
        let text = "2 * 3 = 6, snake_case and _under_, [not a link](x), <b>not html</b>, C:\\path\\, a:b:c, "
            + "~tilde~, `tick`, &amp; stays, # and > and | inside, 100% :smile: @here !"
        let document = ADF.doc(ADF.paragraph(ADF.text(text)))
        let markdown = assertADFRoundTrip(document)
        XCTAssertEqual(markdown, "2 \\* 3 = 6, snake_case and \\_under\\_, \\[not a link\\](x), \\<b>not html\\</b>, C:\\\\path\\\\, "
                       + "a:b:c, \\~tilde\\~, \\`tick\\`, \\&amp; stays, # and > and | inside, 100% :smile: @here !\n")
        XCTAssertEqual(ADFConverter.document(fromMarkdown: "a:b 10:30 \\*x\\* \\_y\\_ \\[z\\] \\<w>\n").document,
                       ADF.doc(ADF.paragraph(ADF.text("a:b 10:30 *x* _y_ [z] <w>"))))
    }

    func testLinesThatWouldStartBlocksStayText() {
        for text in ["# not a heading", "- not a list", "+ not a list", "> not a quote", "1. not a list", "2) nor this",
                     "=== not a rule", "| not | a table |", "    not code", "\tnor this", "---"] {
            let document = ADF.doc(ADF.paragraph(ADF.text("first"), ["type": "hardBreak"], ADF.text(text)))
            assertADFRoundTrip(document)
            assertADFRoundTrip(ADF.doc(ADF.paragraph(ADF.text(text))))
            assertADFRoundTrip(ADF.doc(ADF.bulletList(ADF.item(ADF.paragraph(ADF.text(text))))))
        }
    }

    func testHardBreaksInBothSpellings() {
        let expected = ADF.doc(ADF.paragraph(ADF.text("one"), ["type": "hardBreak"], ADF.text("two"), ["type": "hardBreak"], ADF.text("three")))
        XCTAssertEqual(ADFConverter.document(fromMarkdown: "one  \ntwo\\\nthree\n").document, expected)
        XCTAssertEqual(ADFConverter.document(fromMarkdown: "one<br>two<br />three\n").document, expected)
        XCTAssertEqual(assertADFRoundTrip(expected), "one\\\ntwo\\\nthree\n")
        XCTAssertEqual(ADFConverter.document(fromMarkdown: "soft\nwrapped line\n").document,
                       ADF.doc(ADF.paragraph(ADF.text("soft wrapped line"))))
    }

    func testLinkWithTitle() {
        let document = assertMarkdownRoundTrip("See [the docs](https://example.com/docs \"Read me\").\n")
        XCTAssertEqual(document, ADF.doc(ADF.paragraph(
            ADF.text("See "), ADF.text("the docs", ADF.link("https://example.com/docs", title: "Read me")), ADF.text(".")
        )))
        assertADFRoundTrip(ADF.doc(ADF.paragraph(ADF.text("x", ADF.link("https://e.com/a b<c>", title: "it's \\ \"quoted\"\nnext")))))
    }

    func testTablesWithInlineMarksInCells() {
        let markdown = "| Field | Meaning |\n|:--|--:|\n| `id` | **required**, *stable* |\n| [link](https://e.com) | ~~old~~ a \\| b |\n"
        let conversion = ADFConverter.document(fromMarkdown: markdown)
        XCTAssertEqual(conversion.notices, ["table column alignment was dropped (Jira tables cannot hold it)"])
        XCTAssertEqual(conversion.document, ADF.doc(ADF.table([
            [ADF.paragraph(ADF.text("Field")), ADF.paragraph(ADF.text("Meaning"))],
            [ADF.paragraph(ADF.text("id", ADF.mark("code"))),
             ADF.paragraph(ADF.text("required", ADF.mark("strong")), ADF.text(", "), ADF.text("stable", ADF.mark("em")))],
            [ADF.paragraph(ADF.text("link", ADF.link("https://e.com"))),
             ADF.paragraph(ADF.text("old", ADF.mark("strike")), ADF.text(" a | b"))],
        ])))
        assertMarkdownRoundTrip(markdown)
        assertADFRoundTrip(conversion.document)
    }

    func testPipesInTableCellsAreEscapedEvenInCodeAndLinkTargets() {
        let document = ADF.doc(ADF.table([[ADF.paragraph(
            ADF.text("x|y", ADF.link("http://e.com/a|b", title: "t|u")), ADF.text(" c|d \\|", ADF.mark("code"))
        )]]))
        XCTAssertEqual(assertADFRoundTrip(document), "| [x\\|y](http://e.com/a\\|b \"t\\|u\")` c\\|d \\\\|` |\n| --- |\n")
    }

    func testEmptyTaskItems() {
        let document = ADFConverter.document(fromMarkdown: "- [ ] \n- [x] done\n").document
        let items = document["content"]?.array?.first?["content"]?.array
        XCTAssertEqual(items?.map { $0["type"] }, ["taskItem", "taskItem"])
        XCTAssertNil(items?.first?["content"])
        XCTAssertEqual(assertADFRoundTrip(document), "- [ ] \n- [x] done\n")
    }

    func testControlCharactersSurvive() {
        let text = "bell\u{7} tab\there nul-free \u{1F} del\u{7F} cr\r lf\nend"
        let markdown = assertADFRoundTrip(ADF.doc(ADF.paragraph(ADF.text(text))))
        XCTAssertFalse(markdown.dropLast().contains { $0.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F } },
                       "markdown holds raw control characters: \(markdown.debugDescription)")
        assertMarkdownRoundTrip("bell\u{7} and del\u{7F}\n")
        let nul = ADF.doc(ADF.paragraph(ADF.text("a\u{0}b")))
        assertADFRoundTrip(nul)
    }

    func testEscapingLooksAtScalarsNotCharacters() {
        // "\r\n" is one Character, and so is "*" followed by a combining accent.
        let markdown = assertADFRoundTrip(ADF.doc(ADF.paragraph(ADF.text("crlf\r\nin text, *\u{301}accented star*\u{301}"))))
        XCTAssertEqual(markdown, "crlf&#13;&#10;in text, \\*\u{301}accented star\\*\u{301}\n")
        assertADFRoundTrip(ADF.doc(ADF.paragraph(ADF.text("x", ADF.link("https://e.com", title: "two\r\nlines")))))
    }

    func testTextWithSpacesAtTheEdges() {
        assertADFRoundTrip(ADF.doc(ADF.paragraph(ADF.text("  indented and trailing  "))))
        assertADFRoundTrip(ADF.doc(ADF.paragraph(ADF.text("a "), ADF.text(" b ", ADF.mark("strong")), ADF.text(" c"))))
        assertADFRoundTrip(ADF.doc(ADF.heading(2, ADF.text(" spaced # "))))
    }

    func testBoldInlineCodeIsSentAsCodeWithANotice() {
        let conversion = ADFConverter.document(fromMarkdown: "**Run `make` now**\n")
        XCTAssertEqual(conversion.document, ADF.doc(ADF.paragraph(
            ADF.text("Run ", ADF.mark("strong")), ADF.text("make", ADF.mark("code")), ADF.text(" now", ADF.mark("strong"))
        )))
        XCTAssertEqual(conversion.notices, ["formatting on inline code was dropped (Jira cannot format code)"])
        XCTAssertEqual(ADFConverter.markdown(fromADF: conversion.document), "**Run `make` now**\n")
    }

    func testMarkdownADFCannotNestIsKeptAsMarkdown() {
        let markdown = "- item\n\n  | a | b |\n  | --- | --- |\n  | 1 | 2 |\n\n  > quoted\n\n<details>\n<summary>x</summary>\n</details>\n\n> > nested quote\n"
        let conversion = ADFConverter.document(fromMarkdown: markdown)
        XCTAssertNil(JiraADFOracle.problem(in: conversion.document))
        let item = conversion.document["content"]?.array?.first?["content"]?.array?.first
        XCTAssertEqual(item?["content"]?.array?.dropFirst().first,
                       ADF.codeBlock("| a | b |\n| --- | --- |\n| 1 | 2 |", language: "markdown-source"))
        XCTAssertFalse(conversion.notices.isEmpty)
        assertMarkdownRoundTrip(markdown)
        assertADFRoundTrip(conversion.document)
    }

    func testTaskListsADFCannotHoldStayReadable() {
        let markdown = "- [ ] has a nested plain list\n  - plain\n- [x] done\n\n1. [ ] ordered task\n\n- [ ] mixed\n- plain\n\n* [ ] code below\n\n  ```\n  x\n  ```\n"
        let document = assertMarkdownRoundTrip(markdown)
        let types = document["content"]?.array?.map { $0["type"] }
        XCTAssertEqual(types, ["bulletList", "orderedList", "bulletList", "bulletList"])
        XCTAssertEqual(document["content"]?.array?.first?["content"]?.array?.first?["content"]?.array?.first,
                       ADF.paragraph(ADF.text("[ ] has a nested plain list")))
        assertADFRoundTrip(document)
        // Text that merely looks like a task marker in a list ADF could hold as a task list stays text.
        let literal = ADF.doc(ADF.bulletList(ADF.item(ADF.paragraph(ADF.text("[ ] typed in Jira")))))
        XCTAssertEqual(assertADFRoundTrip(literal), "- \\[ \\] typed in Jira\n")
    }

    func testTaskStateComesFromTheMarkerNotFromTextLaterOnTheLine() {
        let document = ADFConverter.document(fromMarkdown: "- [ ] read `values[x]` and [X] too\n").document
        XCTAssertEqual(document["content"]?.array?.first?["content"]?.array?.first?["attrs"]?["state"], "TODO")
    }

    func testTaskListIdsAreDeterministicAndDistinct() {
        let markdown = "- [ ] a\n- [ ] a\n\n* [ ] a\n"
        let first = ADFConverter.document(fromMarkdown: markdown).document
        XCTAssertEqual(first, ADFConverter.document(fromMarkdown: markdown).document)
        var ids: [String] = []
        func collect(_ node: JSONValue) {
            if let id = node["attrs"]?["localId"]?.string { ids.append(id) }
            node["content"]?.array?.forEach(collect)
        }
        collect(first)
        XCTAssertEqual(ids.count, 5)
        XCTAssertEqual(Set(ids).count, 5, "\(ids)")
        XCTAssertTrue(ids.allSatisfy { $0.count == 36 && $0.split(separator: "-").count == 5 }, "\(ids)")
    }

    func testImagesAndHTML() {
        let conversion = ADFConverter.document(fromMarkdown: "![chart](https://e.com/c.png)\n\nInline ![icon](https://e.com/i.png) and <kbd>Ctrl</kbd>\n")
        XCTAssertEqual(conversion.document["content"]?.array?.first?["type"], "mediaSingle")
        XCTAssertEqual(conversion.document["content"]?.array?.last, ADF.doc(ADF.paragraph(
            ADF.text("Inline "), ADF.text("icon", ADF.link("https://e.com/i.png")), ADF.text(" and <kbd>Ctrl</kbd>")
        ))["content"]?.array?.first)
        XCTAssertEqual(Set(conversion.notices), ["images inside text were sent as links", "inline HTML was sent as text"])
    }

    func testAutolinksAndBareURLs() {
        let document = ADFConverter.document(fromMarkdown: "<https://e.com/a> and https://e.com/b and ops@example.com\n").document
        XCTAssertEqual(document, ADF.doc(ADF.paragraph(
            ADF.text("https://e.com/a", ADF.link("https://e.com/a")), ADF.text(" and https://e.com/b and ops@example.com")
        )))
        assertADFRoundTrip(document)
    }

    func testReservedFormsWrittenByAUserAreStillReadSafely() {
        let broken = ADFConverter.document(fromMarkdown: "```adf\nnot json\n```\n\n[x](adf:%7Bbroken)\n").document
        XCTAssertEqual(broken, ADF.doc(ADF.codeBlock("not json", language: "adf"),
                                       ADF.paragraph(ADF.text("x", ADF.link("adf:%7Bbroken")))))
        assertADFRoundTrip(broken)
    }
}
