import Foundation
import XCTest
import WorkItems

/// Issue 9, the document's part: hostile or careless text in titles, values and bodies, local or remote.
final class HostileTextTests: XCTestCase {
    private let separators = ["\u{2028}", "\u{2029}", "\u{85}"]

    private func simpleItem(newline: String = "\n", title: String = "\"T\"") -> String {
        ["---", "id: \"0001\"", "title: \(title)", "status: draft", "kind: story", "author: ana", "---", "",
         "# 0001: T", "", "**Kind**: Story", "**Status**: Draft", "**Author**: ana", "", "## Summary", "", "x", ""]
            .joined(separator: newline)
    }

    /// The lines the document generates from frontmatter: the H1 and the `**Kind**:` block.
    private func generatedLines(_ text: String) -> [Substring] {
        text.split(separator: "\n").filter { $0.hasPrefix("# ") || $0.hasPrefix("**") }
    }

    private func rawControls(_ s: Substring) -> [UInt32] {
        s.unicodeScalars.map(\.value).filter { $0 < 0x20 || (0x7F...0x9F).contains($0) }
    }

    // MARK: Item 1

    func testLocalTitlesWithUnicodeLineSeparatorsParseAndEditInPlace() throws {
        for separator in separators {
            for title in ["a\(separator)b", "\"a\(separator)b\"", "'a\(separator)b'"] {
                let text = simpleItem(title: title)
                var doc = try WorkItemDocument(text: text)
                XCTAssertEqual(doc.scalar("title"), "a\(separator)b", title.debugDescription)
                XCTAssertEqual(doc.scalar("status"), "draft", title.debugDescription)
                XCTAssertEqual(doc.sections.map(\.title), ["Summary"])
                doc.set("status", to: .string("ready"))
                XCTAssertEqual(doc.text, text.replacingOccurrences(of: "status: draft", with: "status: ready"), title.debugDescription)
                doc.set("title", to: .string("c\(separator)d"))
                XCTAssertEqual(try WorkItemDocument(text: doc.text).scalar("title"), "c\(separator)d", doc.text.debugDescription)
            }
        }
    }

    func testRemoteTitlesWithUnicodeLineSeparatorsRoundTripAndStayOutOfGeneratedLines() throws {
        for separator in separators {
            let content = WorkItemContent(title: "a\(separator)b", description: "## Summary\n\nx\(separator)y\n", status: "ready",
                kind: "bug\(separator)fix", tags: ["t\(separator)u"], assignee: "ana\(separator)")
            let created = WorkItemDocument.newItem(id: "0002", content: content, date: "2026-01-01", author: "octo\(separator)cat",
                externalID: "acme/w#2")
            let reread = try WorkItemDocument(text: created.text).localContent()
            XCTAssertEqual(reread.title, content.title)
            XCTAssertEqual(reread.tags, content.tags)
            XCTAssertEqual(reread.kind, content.kind)
            XCTAssertEqual(reread.assignee, content.assignee)
            XCTAssertEqual(reread.normalised().description, ("## Summary\n\n" + "x\(separator)y\n").replacingOccurrences(of: "\u{85}", with: "\\x85"))

            var pulled = try WorkItemDocument(text: simpleItem())
            pulled.apply(content, id: "0001")
            XCTAssertEqual(try WorkItemDocument(text: pulled.text).localContent().title, content.title)
            for line in generatedLines(created.text) + generatedLines(pulled.text) {
                XCTAssertFalse(line.contains(separator), "raw separator in a generated line: \(line.debugDescription)")
            }
        }
    }

    // MARK: Item 2

    func testEveryEditOfACRLFFileWritesCRLF() throws {
        let original = simpleItem(newline: "\r\n")
        var doc = try WorkItemDocument(text: original)
        doc.setRemoteKey("acme/widgets#7")
        XCTAssertEqual(doc.text, original.replacingOccurrences(of: "author: ana\r\n", with: "author: ana\r\nexternal_id: acme/widgets#7\r\n"))

        var content = doc.localContent()
        content.title = "Renamed"
        content.status = "in-progress"
        content.tags = ["one", "two"]
        content.description = "## Summary\n\nPulled from a tracker\nthat sends LF.\n\n## Notes\n\nmore\n"
        doc.apply(content, id: "0001")
        XCTAssertFalse(doc.text.replacingOccurrences(of: "\r\n", with: "").contains("\n"), doc.text.debugDescription)
        XCTAssertTrue(doc.text.contains("\r\n# 0001: Renamed\r\n"), doc.text.debugDescription)
        XCTAssertTrue(doc.text.hasSuffix("## Summary\r\n\r\nPulled from a tracker\r\nthat sends LF.\r\n\r\n## Notes\r\n\r\nmore\r\n"), doc.text.debugDescription)
        XCTAssertEqual(try WorkItemDocument(text: doc.text).localContent().normalised(), content.normalised())
    }

    func testTheOlderSchemaKeepsCRLFWhenTheKeyReplacesTheNumber() throws {
        let original = "---\r\nwork_item_id: \"0040\"\r\ntitle: \"Old\"\r\n---\r\n\r\n## Summary\r\n"
        var doc = try WorkItemDocument(text: original)
        doc.setRemoteKey("PROJ-123")
        XCTAssertEqual(doc.text, "---\r\nwork_item_id: \"PROJ-123\"\r\ntitle: \"Old\"\r\n---\r\n\r\n## Summary\r\n")
    }

    func testACRLFFileWithoutAFinalNewlineGetsItsNewKeyOnACRLFLine() throws {
        var doc = try WorkItemDocument(text: "---\r\nid: \"0001\"\r\ntitle: T\r\n---")
        doc.setRemoteKey("acme/w#1")
        XCTAssertEqual(doc.text, "---\r\nid: \"0001\"\r\ntitle: T\r\nexternal_id: acme/w#1\r\n---")
    }

    // MARK: Item 6

    func testControlCharactersFromATrackerAreEscapedInGeneratedLinesAndNeverWrittenAsNUL() throws {
        let content = WorkItemContent(title: "a\u{0}b \u{1B}[31mred\u{9B}2J \u{202E}txt.exe",
            description: "## Summary\n\nNUL \u{0} ESC \u{1B}]0;owned\u{7} C1 \u{9B} tab\tkept\n",
            status: "in\u{1B}[1m-progress", priority: "high\u{0}", kind: "bug\u{7}", tags: ["x\u{0}y"])
        let created = WorkItemDocument.newItem(id: "0003", content: content, date: "2026-01-01", author: "mallory\u{1B}[2J",
            externalID: "acme/w#3")
        var pulled = try WorkItemDocument(text: simpleItem())
        pulled.apply(content, id: "0001")
        for doc in [created, pulled] {
            XCTAssertFalse(doc.text.utf8.contains(0), "a NUL in the file: \(doc.text.debugDescription)")
            for line in generatedLines(doc.text) {
                XCTAssertEqual(rawControls(line), [], line.debugDescription)
                XCTAssertFalse(line.contains("\u{202E}"), line.debugDescription)
            }
            let reread = try WorkItemDocument(text: doc.text)
            XCTAssertEqual(reread.localContent().title, content.title, "the frontmatter keeps the exact title")
            XCTAssertTrue(reread.description.contains("NUL \\x00 ESC \\x1b]0;owned\\x07 C1 \\x9b tab\tkept\n"), reread.description.debugDescription)
            XCTAssertEqual(reread.localContent().normalised(), content.normalised(), "the next sync sees no change")
        }
        XCTAssertTrue(created.text.contains("\n# 0003: a\\x00b \\x1b[31mred\\x9b2J \\u202etxt.exe\n"), created.text)
        XCTAssertTrue(created.text.contains("\n**Author**: mallory\\x1b[2J\n"), created.text)
        XCTAssertTrue(pulled.text.contains("\n**Kind**: Bug\\x07\n"), pulled.text)
    }

    // MARK: Item 12

    func testBytesThatAreNotUTF8AreRefusedWithTheFirstBadByte() throws {
        let text = simpleItem()
        var bytes = Array(text.utf8)
        let at = try XCTUnwrap(text.utf8.firstIndex(of: UInt8(ascii: "x"))).utf16Offset(in: text)
        bytes[at] = 0xE9
        XCTAssertThrowsError(try WorkItemDocument(bytes: bytes)) { error in
            let error = error as? WorkItemParseError
            XCTAssertEqual(error?.line, bytes[..<at].filter { $0 == 0x0A }.count + 1)
            XCTAssertTrue(error?.message.hasPrefix("not UTF-8: byte 0xE9 at offset \(at) ") ?? false, "\(String(describing: error))")
        }
        XCTAssertEqual(try WorkItemDocument(bytes: Array(text.utf8)).text, text)
        for invalid: [UInt8] in [[0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x80]] {
            XCTAssertThrowsError(try WorkItemDocument(bytes: Array("---\ntitle: ".utf8) + invalid + Array("\n---\n".utf8)), "\(invalid)")
        }
    }

    func testANULIsRefusedAndACROnlyFileIsNamed() {
        XCTAssertThrowsError(try WorkItemDocument(text: "---\ntitle: a\n---\n\nbody \u{0}\n")) { error in
            XCTAssertEqual((error as? WorkItemParseError)?.line, 5)
            XCTAssertTrue((error as? WorkItemParseError)?.message.contains("NUL") ?? false)
        }
        XCTAssertThrowsError(try WorkItemDocument(text: "---\rtitle: a\r---\r")) { error in
            XCTAssertTrue((error as? WorkItemParseError)?.message.contains("CR alone") ?? false, "\(error)")
        }
    }

    // MARK: Item 13

    func testValidationRefusesWrongShapesAndIdsThatNameAnotherPlace() throws {
        func problem(_ frontmatter: String) throws -> WorkItemParseError? {
            do { try WorkItemDocument(text: "---\n" + frontmatter + "---\n\n## Summary\n").validate(); return nil } catch { return error }
        }
        XCTAssertNil(try problem("id: \"0001\"\ntitle: T\ntags: [a, b]\nstatus:\n"))
        XCTAssertNil(try problem("id: PROJ-0012\ntitle: T\ntags: a, b\n"))
        XCTAssertEqual(try problem("id: \"1\"\ntitle: [a, b]\n")?.line, 3)
        XCTAssertTrue(try problem("id: \"1\"\ntitle: [a, b]\n")?.message.hasPrefix("title must be a single value") ?? false)
        XCTAssertTrue(try problem("status:\n  done: yes\n")?.message.hasPrefix("status must be a single value, not a mapping") ?? false)
        XCTAssertEqual(try problem("title: T\ntags: [[a], b]\n")?.line, 3)
        for id in ["../../x", "a/b", "..", ".hidden", "-x", "a..b", "", "x y", "é", String(repeating: "1", count: 65)] {
            let found = try problem("id: \"\(id)\"\ntitle: T\n")
            XCTAssertEqual(found?.line, id.isEmpty ? nil : 2, id)
        }
        for id in ["0001", "PROJ-0012", "a.b_c-d", String(repeating: "1", count: 64)] {
            XCTAssertNil(try problem("id: \"\(id)\"\ntitle: T\n"), id)
        }
    }

    // MARK: The one sanitiser

    func testTheTerminalSanitiserEscapesControlsSeparatorsAndBidi() {
        XCTAssertEqual(TerminalText.sanitise("a\u{0}b\u{1B}[31m\u{7F}\u{85}\u{9B}c"), "a\\x00b\\x1b[31m\\x7f\\x85\\x9bc")
        XCTAssertEqual(TerminalText.sanitise("l\u{2028}p\u{2029}"), "l\\u2028p\\u2029")
        XCTAssertEqual(TerminalText.sanitise("\u{202E}\u{2066}\u{200F}\u{061C}"), "\\u202e\\u2066\\u200f\\u061c")
        XCTAssertEqual(TerminalText.sanitise("tab\there"), "tab here")
        XCTAssertEqual(TerminalText.sanitise("שלום e\u{301} 👩‍👩‍👧"), "שלום e\u{301} 👩‍👩‍👧", "text is left alone")
        XCTAssertEqual(TerminalText.sanitiseBody("a\u{0}\tb\r\nc\u{2028}\u{1B}"), "a\\x00\tb\r\nc\u{2028}\\x1b")
    }
}
