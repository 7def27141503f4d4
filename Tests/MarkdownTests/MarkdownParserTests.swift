import Markdown
import XCTest

final class MarkdownParserTests: XCTestCase {
    func testBlocksAndInlinesAreCopiedFromCmarksTree() {
        XCTAssertEqual(MarkdownParser.parse("# Title\n\nSome *em* and `code`.\n\n> quoted\n\n---\n"), [
            .heading(level: 1, [.text("Title")]),
            .paragraph([.text("Some "), .emphasis([.text("em")]), .text(" and "), .code("code"), .text(".")]),
            .blockQuote([.paragraph([.text("quoted")])]),
            .thematicBreak,
        ])
    }

    func testTaskStateComesFromTheItemsOwnMarker() {
        // cmark-gfm 0.29 would call the first item done because `[x]` appears later on its line.
        let blocks = MarkdownParser.parse("- [ ] read arr[x]\r\n- [X] done\r\n\r\n3. plain\n")
        guard case .list(let tasks)? = blocks.first else { return XCTFail("\(blocks)") }
        XCTAssertEqual(tasks.items.map(\.task), [.open, .done])
        guard case .list(let ordered)? = blocks.last else { return XCTFail("\(blocks)") }
        XCTAssertEqual(ordered.start, 3)
        XCTAssertEqual(ordered.items.map(\.task), [nil])
    }

    func testBareAddressesStayText() {
        XCTAssertEqual(MarkdownParser.parse("mail ops@example.com or see https://example.com"),
                       [.paragraph([.text("mail ops@example.com or see https://example.com")])])
        XCTAssertEqual(MarkdownParser.parse("<https://example.com>"),
                       [.paragraph([.link(url: "https://example.com", title: "", [.text("https://example.com")])])])
    }

    func testTablesKeepAlignmentAndCells() {
        let blocks = MarkdownParser.parse("| a | b |\n|:--|--:|\n| ~~1~~ | 2 |\n")
        XCTAssertEqual(blocks, [.table(MarkdownTable(alignments: [.left, .right], rows: [
            [[.text("a")], [.text("b")]],
            [[.strikethrough([.text("1")])], [.text("2")]],
        ]))])
    }

    func testLineBreakTagsAreRecognised() {
        XCTAssertTrue(MarkdownInline.isLineBreakTag("<br>"))
        XCTAssertTrue(MarkdownInline.isLineBreakTag("<BR />"))
        XCTAssertFalse(MarkdownInline.isLineBreakTag("<b>"))
        XCTAssertEqual(MarkdownInline.plainText([.strong([.text("a")]), .softBreak, .link(url: "u", title: "", [.code("b")])]), "a b")
    }
}
