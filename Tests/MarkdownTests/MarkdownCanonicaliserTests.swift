import Markdown
import XCTest

final class MarkdownCanonicaliserTests: XCTestCase {
    private func assertSame(_ a: String, _ b: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(MarkdownCanonicaliser.canonical(a), MarkdownCanonicaliser.canonical(b), file: file, line: line)
    }

    private func assertDifferent(_ a: String, _ b: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertNotEqual(MarkdownCanonicaliser.canonical(a), MarkdownCanonicaliser.canonical(b), file: file, line: line)
    }

    func testMarkupThatRendersTheSameIsEqual() {
        assertSame("* a\n* b\n", "- a\n\n- b\n")
        assertSame("+ [ ] task\n", "- [ ] task")
        assertSame("_em_ and __strong__", "*em* and **strong**")
        assertSame("***x***", "**_x_**")
        assertSame("1. a\n1. b\n", "1) a\n2) b\n")
        assertSame("Title\n=====\n", "# Title #\n")
        assertSame("    code\n", "```\ncode\n```\n")
        assertSame("one\ntwo  \n\n\n", "one two\n")
        assertSame("a\\\nb", "a  \nb")
        assertSame("a<br>b", "a\\\nb")
        assertSame("[x][ref]\n\n[ref]: https://e.com", "[x](https://e.com)")
        assertSame("<https://e.com>", "[https://e.com](https://e.com)")
        assertSame("\\*literal\\* &amp; &#65;", "&#42;literal* & A")
        assertSame("a\r\nb\r\n", "a\nb\n")
    }

    func testDistinctionsJiraCannotHoldAreIgnored() {
        assertSame("| a | b |\n|:-|-:|\n| 1 | 2 |\n", "| a | b |\n|---|---|\n| 1 | 2 |\n")
        assertSame("**`code`**", "`code`")
        assertSame("<kbd>K</kbd>", "\\<kbd>K\\</kbd>")
    }

    func testDifferentContentIsDifferent() {
        assertDifferent("a b", "a  b")
        assertDifferent("*a*", "**a**")
        assertDifferent("- [ ] a", "- [x] a")
        assertDifferent("- a", "1. a")
        assertDifferent("1. a", "2. a")
        assertDifferent("[a](https://e.com/1)", "[a](https://e.com/2)")
        assertDifferent("[a](u \"t\")", "[a](u)")
        assertDifferent("```swift\nx\n```", "```\nx\n```")
        assertDifferent("> a", "a")
        assertDifferent("- a\n  - b", "- a\n- b")
        assertDifferent("a\n\nb", "a b")
        assertDifferent("<div>x</div>", "x")
        assertDifferent("![a](u)", "[a](u)")
        assertDifferent("**a** b", "**a b**")
    }

    func testTheFormIsAReadableTreeListing() {
        XCTAssertEqual(MarkdownCanonicaliser.canonical("## Hi\n\n- [x] **done** `now`\n"),
                       "heading 2\n  text \"Hi\"\nbullet list\n  item [x]\n    paragraph\n      text {strong} \"done\"\n"
                       + "      text \" \"\n      code \"now\"\n")
        XCTAssertEqual(MarkdownCanonicaliser.canonical(""), "")
    }
}
