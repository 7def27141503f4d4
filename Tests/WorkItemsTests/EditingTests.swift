import Foundation
import XCTest
@testable import WorkItems

/// Lines that differ between two texts, as (old, new) pairs: what an edit touched.
func changedLines(_ a: String, _ b: String) -> [String] {
    let la = a.components(separatedBy: "\n"), lb = b.components(separatedBy: "\n")
    return Array(Set(la).symmetricDifference(Set(lb))).sorted()
}

final class EditingTests: XCTestCase {
    func testSettingAFieldChangesOnlyItsLineAndKeepsTheStyle() throws {
        let original = try Corpus.text("0051-")
        var doc = try WorkItemDocument(text: original)
        doc.set("status", to: .string("in-progress"))
        XCTAssertEqual(changedLines(original, doc.text), ["status: done", "status: in-progress"])
        doc.set("title", to: .string("Sync: all the things"))
        XCTAssertTrue(doc.text.contains("title: \"Sync: all the things\"\n"), "quoted like the original")
        doc.set("tags", to: .list(["sync", "git"]))
        XCTAssertTrue(doc.text.contains("tags: [sync, git]\n"), "flow list stays a flow list")
        XCTAssertEqual(doc.scalar("title"), "Sync: all the things")
        XCTAssertEqual(doc.list("tags"), ["sync", "git"])
        XCTAssertEqual(try WorkItemDocument(text: doc.text).localContent(), doc.localContent())
    }

    func testValuesThatNeedQuotesGetThemAndIdsStayStrings() throws {
        var doc = try WorkItemDocument(text: "---\nid: \"0001\"\ntitle: T\n---\n\n## Summary\n")
        doc.set("assignee", to: .string("ana # the lead"))
        doc.set("external_id", to: .string("acme/widgets#12"))
        doc.set("priority", to: .string("yes"))
        doc.set("id", to: .string("0002"))
        let reparsed = try WorkItemDocument(text: doc.text)
        XCTAssertEqual(reparsed.scalar("assignee"), "ana # the lead")
        XCTAssertEqual(reparsed.scalar("external_id"), "acme/widgets#12")
        XCTAssertEqual(reparsed.scalar("priority"), "yes")
        XCTAssertEqual(reparsed.scalar("id"), "0002")
        XCTAssertTrue(doc.text.contains("id: \"0002\"\n"))
        XCTAssertEqual(reparsed.frontmatterKeys, ["id", "title", "assignee", "external_id", "priority"])
    }

    func testBlockListsAndCommentsSurviveEdits() throws {
        let original = "---\nid: \"0001\"\ntags:\n  - one\n  - two\n# a comment the user wrote\nstatus: draft\n---\n\n## Summary\n\nx\n"
        var doc = try WorkItemDocument(text: original)
        doc.set("tags", to: .list(["one", "three"]))
        XCTAssertEqual(doc.text, original.replacingOccurrences(of: "  - two\n", with: "  - three\n"))
        doc.remove("status")
        XCTAssertTrue(doc.text.contains("# a comment the user wrote\n---"), doc.text)
    }

    func testApplyChangesOnlyWhatDiffersAndRegeneratesTheHeading() throws {
        let original = try Corpus.text("0051-")
        var doc = try WorkItemDocument(text: original)
        var content = doc.localContent()
        content.title = "Sync Work Items, Reconsidered"
        content.status = "in-progress"
        content.description = content.description.replacingOccurrences(of: "on-demand sync skill", with: "on-demand sync command")
        doc.apply(content, id: "0051")
        XCTAssertEqual(changedLines(original, doc.text).sorted(), [
            "# 0051: Sync Work Items Skill", "# 0051: Sync Work Items, Reconsidered",
            "**Status**: Done", "**Status**: In Progress",
            "Implement `/sync-work-items`, an on-demand sync command that reconciles local",
            "Implement `/sync-work-items`, an on-demand sync skill that reconciles local",
            "status: done", "status: in-progress",
            "title: \"Sync Work Items Skill\"", "title: \"Sync Work Items, Reconsidered\"",
        ].sorted())
    }

    func testAdrStyleHeadingKeepsItsPrefix() throws {
        var doc = try WorkItemDocument(text: Corpus.text("0001-"))
        var content = doc.localContent()
        content.title = "Four-layer review system architecture"
        doc.apply(content, id: "0001")
        XCTAssertTrue(doc.text.contains("\n# ADR Ticket: Four-layer review system architecture\n"), doc.preamble)
    }

    func testCRLFFilesRoundTripAndEditInTheirStyle() throws {
        let original = "---\r\nid: \"0001\"\r\ntitle: \"T\"\r\nstatus: draft\r\n---\r\n\r\n# 0001: T\r\n\r\n## Summary\r\n\r\nx\r\n"
        var doc = try WorkItemDocument(text: original)
        XCTAssertEqual(doc.text, original)
        doc.set("status", to: .string("ready"))
        XCTAssertEqual(doc.text, original.replacingOccurrences(of: "status: draft", with: "status: ready"))
    }

    func testNewItemParsesBackToTheSameContent() throws {
        let content = WorkItemContent(title: "Login: fails \"sometimes\"", description: "Plain body from GitHub.\n\n## Details\n\nMore.\n",
            status: "ready", priority: "high", kind: "bug", tags: ["auth", "needs triage", "a,b"], assignee: "ana", parent: "work-item:0003")
        let doc = WorkItemDocument.newItem(id: "0219", content: content, date: "2026-11-25T10:00:00Z", author: "octocat", externalID: "acme/widgets#7")
        let back = try WorkItemDocument(text: doc.text)
        let c = back.localContent()
        XCTAssertEqual(c.title, content.title)
        XCTAssertEqual(c.tags, content.tags)
        XCTAssertEqual(c.assignee, "ana")
        XCTAssertEqual(c.parent, "work-item:0003")
        XCTAssertTrue(c.description.hasPrefix("## Summary\n\nPlain body from GitHub.\n\n## Details"), c.description)
        XCTAssertEqual(WorkItemIdentity(document: back), WorkItemIdentity(localID: "0219", remoteKey: "acme/widgets#7", schema: .externalID))
        XCTAssertTrue(doc.text.contains("\n# 0219: Login: fails \"sometimes\"\n\n**Kind**: Bug\n**Status**: Ready\n**Priority**: High\n**Author**: octocat\n"), doc.text)
    }

    func testOlderSchemaKeepsTheKeyInWorkItemID() throws {
        var doc = try WorkItemDocument(text: "---\nwork_item_id: \"0040\"\ntitle: \"Old\"\n---\n\n## Summary\n")
        XCTAssertEqual(WorkItemIdentity(document: doc), WorkItemIdentity(localID: "0040", remoteKey: nil, schema: .workItemID))
        doc.setRemoteKey("PROJ-123")
        XCTAssertTrue(doc.text.contains("work_item_id: \"PROJ-123\"\n"))
        XCTAssertEqual(WorkItemIdentity(document: doc).remoteKey, "PROJ-123")
        XCTAssertNil(WorkItemIdentity(document: doc).localID)
    }
}

final class ParseErrorTests: XCTestCase {
    private func error(_ text: String) -> WorkItemParseError? {
        do { _ = try WorkItemDocument(text: text); return nil } catch { return error }
    }

    func testEachMalformationNamesItsLine() {
        XCTAssertEqual(error("# no frontmatter\n")?.line, 1)
        XCTAssertTrue(error("# no frontmatter\n")?.message.contains("no frontmatter") ?? false)
        XCTAssertEqual(error("---\nid: \"1\"\n\n## Summary\n")?.line, 1)
        XCTAssertTrue(error("---\nid: \"1\"\n")?.message.contains("not closed") ?? false)
        let bad = error("---\nid: \"1\"\ntitle: [unclosed\nstatus: x\n---\n")
        XCTAssertNotNil(bad)
        XCTAssertGreaterThanOrEqual(bad?.line ?? 0, 3)
        let dup = error("---\nid: \"1\"\ntitle: a\ntitle: b\n---\n")
        XCTAssertEqual(dup?.line, 4, "\(String(describing: dup))")
        XCTAssertTrue(dup?.message.contains("duplicate key 'title'") ?? false, "\(String(describing: dup))")
        XCTAssertTrue(error("---\n- a\n- b\n---\n")?.message.contains("mapping") ?? false)
    }
}

final class IdPatternAndSlugTests: XCTestCase {
    func testDefaultAndProjectPatterns() throws {
        let plain = try IdPattern("{number:04d}")
        XCTAssertEqual(plain.format(number: 7, project: nil), "0007")
        XCTAssertEqual(plain.number(in: "0051"), 51)
        XCTAssertNil(plain.number(in: "PP-73"))
        XCTAssertEqual(plain.id(inFileName: "0051-sync-work-items-skill.md"), "0051")
        let project = try IdPattern("{project}-{number:04d}")
        XCTAssertEqual(project.format(number: 12, project: "PROJ"), "PROJ-0012")
        XCTAssertEqual(project.number(in: "PROJ-0012"), 12)
        XCTAssertEqual(project.id(inFileName: "PROJ-0012-some-slug.md"), "PROJ-0012")
        XCTAssertEqual(project.id(inFileName: "MY-TEAM-0012-some--slug.md"), "MY-TEAM-0012", "a project with a dash")
        XCTAssertEqual(plain.id(inFileName: "0051.md"), "0051")
        XCTAssertNil(plain.id(inFileName: "notes-about-0051.md"))
        XCTAssertNil(plain.id(inFileName: ""))
        XCTAssertThrowsError(try IdPattern("{count}"))
        XCTAssertThrowsError(try IdPattern("{number}/{project}"))
    }

    /// Ids are read from names byte by byte; the oracle is a regular expression over the same names, with random
    /// ASCII and non-ASCII characters (combining marks, CR LF, digits of other scripts) around the digits.
    func testIdsInFileNamesAgreeWithARegularExpression() throws {
        let affixed = try IdPattern("P{number:04d}x")
        XCTAssertEqual(affixed.number(in: "P0012x"), 12)
        XCTAssertNil(affixed.number(in: "P0012y"))
        XCTAssertNil(affixed.number(in: "Px"))
        XCTAssertNil(affixed.number(in: "P0012x\u{301}"), "a combining mark on the suffix")
        XCTAssertNil(try IdPattern("{number:04d}").number(in: "99999999999999999999"), "too large for Int")
        var random = SplitMix64(seed: 0x1D_5)
        let pieces = ["0", "7", "12", "0051", "-", "x", "PROJ", "P", "\u{301}", "\r\n", "\r", "٣", "é", ".md", "ABC-", "ABC"]
        func randomID() -> String {
            (0..<Int(random.next() % 5)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
        }
        for (pattern, regex) in [("{number:04d}", #"\A([0-9]+)\z"#), ("P{number:04d}x", #"\AP([0-9]+)x\z"#)] {
            let idPattern = try IdPattern(pattern)
            let expression = try NSRegularExpression(pattern: regex)
            for _ in 0..<3_000 {
                let id = randomID()
                let match = expression.firstMatch(in: id, range: NSRange(id.startIndex..., in: id))
                let expected = match.flatMap { Range($0.range(at: 1), in: id) }.flatMap { Int(id[$0]) }
                XCTAssertEqual(idPattern.number(in: id), expected, "\(pattern) \(id.debugDescription)")
            }
        }
        // With a project, the number is what follows the last separator.
        let project = try IdPattern("{project}-{number:04d}")
        for _ in 0..<3_000 {
            let id = randomID()
            let tail = id.range(of: "-", options: .backwards).map { String(id[$0.upperBound...]) }
            let expected = tail.flatMap { $0.allSatisfy { $0.isASCII && $0.isNumber } ? Int($0) : nil }
            XCTAssertEqual(project.number(in: id), expected, id.debugDescription)
        }
    }

    func testSlugsAreSafeFileNames() {
        XCTAssertEqual(Slug.make("Sync Work Items Skill"), "sync-work-items-skill")
        XCTAssertEqual(Slug.make("../../etc/passwd"), "etc-passwd")
        XCTAssertEqual(Slug.make("Crème brûlée: v2.0!"), "creme-brulee-v2-0")
        XCTAssertEqual(Slug.make("🔥🔥"), "untitled")
        XCTAssertEqual(Slug.make("a\u{0}b\u{1B}[31mc"), "a-b-31mc")
        XCTAssertLessThanOrEqual(Slug.make(String(repeating: "word ", count: 50)).count, 60)
        for hostile in ["..", "/", "C:\\x", "\n", "a/b/../c"] {
            XCTAssertNotNil(Slug.make(hostile).range(of: "^[a-z0-9]+(-[a-z0-9]+)*$", options: .regularExpression), hostile)
        }
    }

    /// ASCII titles skip Foundation's folding; the slug is the one the folded title gives (the oracle), for every
    /// printable and control character and random titles.
    func testAnASCIITitleSlugsAsItsFoldedFormDoes() {
        var random = SplitMix64(seed: 0x51_06)
        let singles = (0..<128).map { String(UnicodeScalar(UInt8($0))) }
        let titles = singles + (0..<2_000).map { _ in
            String(decoding: (0..<Int(random.next() % 90)).map { _ in UInt8(random.next() % 128) }, as: UTF8.self)
        }
        for title in titles {
            XCTAssertEqual(Slug.make(title), Slug.slug(ofFolded: Slug.folding(title), maxLength: 60), title.debugDescription)
            XCTAssertEqual(Slug.make(title, maxLength: 7), Slug.slug(ofFolded: Slug.folding(title), maxLength: 7))
        }
    }
}

final class HashingTests: XCTestCase {
    func testSHA256AgainstFIPSVectors() {
        XCTAssertEqual(SHA256.hex(of: []), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(SHA256.hex(of: Array("abc".utf8)), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(SHA256.hex(of: Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)),
                       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        XCTAssertEqual(SHA256.hex(of: [UInt8](repeating: 0x61, count: 1_000_000)),
                       "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0", "FIPS 180-2 long message")
    }

    func testContentHashIgnoresWhitespaceNoiseButNotWords() {
        let a = WorkItemContent(title: "T", description: "## Summary\n\nText.\n", status: "Done", tags: ["b", "a"])
        var b = a
        b.description = "## Summary  \r\n\r\n\r\nText.   \r\n\r\n"
        b.status = "done"
        b.tags = ["a", "b"]
        XCTAssertEqual(a.contentHash(), b.contentHash())
        b.description = "## Summary\n\nText!\n"
        XCTAssertNotEqual(a.contentHash(), b.contentHash())
    }
}

final class SectionDiffTests: XCTestCase {
    func testARealItemWithEditsInThreeSectionsAndAField() throws {
        let doc = try WorkItemDocument(text: Corpus.text("0051-"))
        let local = doc.localContent()
        var remote = local
        remote.status = "in-progress"
        remote.description = local.description
            .replacingOccurrences(of: "Implement `/sync-work-items`", with: "Build `/sync-work-items`")
            .replacingOccurrences(of: "## Open Questions\n", with: "## Open Questions\n\n- Should sync run on a timer?\n")
            .replacingOccurrences(of: "## Context\n", with: "## Context\n\nAdded remotely.\n")
        let diff = SectionDiff.compute(local: local, remote: remote)
        XCTAssertEqual(diff.fields, [SectionDiff.FieldChange(field: "status", local: "done", remote: "in-progress")])
        let changed = diff.parts.compactMap { part -> String? in if case .section(let t, _) = part { return t }; return nil }
        XCTAssertEqual(changed, ["Summary", "Context", "Open Questions"])
        guard case .unchangedSections(let unchanged)? = diff.parts.last else { return XCTFail("no unchanged list") }
        XCTAssertTrue(unchanged.contains("Requirements"))
        XCTAssertFalse(unchanged.contains("Summary"))
        let text = diff.render(localLabel: "local", remoteLabel: "remote")
        XCTAssertTrue(text.contains("  status: \"done\" → \"in-progress\"\n"), text)
        XCTAssertTrue(text.contains("\n-Implement `/sync-work-items`, an on-demand sync skill that reconciles local\n+Build `/sync-work-items`, an on-demand sync skill that reconciles local\n"), text)
        XCTAssertTrue(text.contains("\n+Added remotely.\n"), text)
        XCTAssertTrue(text.contains("@@ -1,"), text)
    }

    func testIdenticalContentHasAnEmptyDiff() throws {
        let c = try WorkItemDocument(text: Corpus.text("0051-")).localContent()
        XCTAssertTrue(SectionDiff.compute(local: c, remote: c).isEmpty)
    }
}
