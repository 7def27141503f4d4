import Foundation
import TestFixtures
import WorkItems
import XCTest

/// The 218 real work items of the accelerator project (vendored in Tests/Fixtures) are the format we must keep.
enum Corpus {
    static let folder = Fixtures.corpus

    static func files() throws -> [(name: String, text: String)] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".md") && $0 != "README.md" }.sorted()
        return try names.map { ($0, try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8)) }
    }

    static func text(_ prefix: String) throws -> String {
        try XCTUnwrap(files().first { $0.name.hasPrefix(prefix) }?.text)
    }
}

final class CorpusRoundTripTests: XCTestCase {
    func testEveryCorpusFileParsesAndRoundTripsByteForByte() throws {
        let files = try Corpus.files()
        XCTAssertEqual(files.count, 218, "corpus at \(Corpus.folder.path)")
        for file in files {
            let doc = try WorkItemDocument(text: file.text)
            XCTAssertEqual(doc.text, file.text, file.name)
            XCTAssertFalse(doc.localContent().title.isEmpty, file.name)
            XCTAssertTrue(doc.description.hasPrefix("## "), file.name)
            XCTAssertEqual(doc.preamble + doc.description, String(file.text[file.text.range(of: "\n---\n")!.upperBound...]), file.name)
        }
    }

    func testApplyingAFilesOwnContentChangesNothing() throws {
        for file in try Corpus.files() {
            var doc = try WorkItemDocument(text: file.text)
            let id = WorkItemIdentity(document: doc).localID ?? "?"
            doc.apply(doc.localContent(), id: id)
            XCTAssertTrue(doc.text == file.text, "\(file.name): \(changedLines(file.text, doc.text))")
        }
    }

    func testProjectionOfARealItem() throws {
        let doc = try WorkItemDocument(text: Corpus.text("0051-"))
        let c = doc.localContent()
        XCTAssertEqual(c.title, "Sync Work Items Skill")
        XCTAssertEqual(c.status, "done")
        XCTAssertEqual(c.kind, "story")
        XCTAssertEqual(c.priority, "medium")
        XCTAssertEqual(c.tags, ["work-management", "integrations", "sync"])
        XCTAssertEqual(c.parent, "work-item:0045")
        XCTAssertTrue(c.description.hasPrefix("## Summary\n\nImplement `/sync-work-items`"))
        XCTAssertEqual(WorkItemIdentity(document: doc), WorkItemIdentity(localID: "0051", remoteKey: "PP-73", schema: .externalID))
        XCTAssertEqual(doc.sections.map(\.title).prefix(3), ["Summary", "Context", "Requirements"])
    }
}

final class IdentityScanTests: XCTestCase {
    func testTheScanAgreesWithTheParserOnEveryCorpusFile() throws {
        for file in try Corpus.files() {
            let parsed = WorkItemIdentity(document: try WorkItemDocument(text: file.text))
            XCTAssertEqual(WorkItemIdentity.scan(file.text), parsed, file.name)
        }
    }

    func testTheScanDeclinesWhatOnlyAParserCanRead() {
        XCTAssertNil(WorkItemIdentity.scan("no frontmatter\n"))
        XCTAssertNil(WorkItemIdentity.scan("---\nid: \"00\\u0031\"\n---\n"))
        XCTAssertNil(WorkItemIdentity.scan("---\nid: \"1\"\nid: \"2\"\n---\n"))
        XCTAssertNil(WorkItemIdentity.scan("---\nexternal_id: [a]\n---\n"))
        XCTAssertNil(WorkItemIdentity.scan("---\nid: \"1\"\n"))
        XCTAssertEqual(WorkItemIdentity.scan("---\nwork_item_id: 12\n---\n"), WorkItemIdentity(localID: "12", remoteKey: nil, schema: .workItemID))
        XCTAssertEqual(WorkItemIdentity.scan("---\nid: '7'\nexternal_id: acme/w#3 # note\n---\n"),
                       WorkItemIdentity(localID: "7", remoteKey: "acme/w#3", schema: .externalID))
    }
}
