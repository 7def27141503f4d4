import Foundation
import XCTest

@testable import GitStore

/// The index file read for a few paths at stage 0, in each shape `git` writes it. The oracle is `git ls-files
/// --stage` over the same index; the shapes the scan does not read (version 4, split) must answer nil.
final class IndexFileScanTests: GitStoreTestCase {
    private let wanted = "meta/work/.gitattributes"
    private var indexPath: String { sandbox.repo + "/.git/index" }

    override func setUpWithError() throws {
        try super.setUpWithError()
        try sandbox.initialiseRepository()
        try sandbox.commitFiles(["README.md": "start\n", "meta/work/0001-a.md": "a\n"], message: "start")
    }

    func testNoIndexFileHoldsNothing() throws {
        try FileManager.default.removeItem(atPath: indexPath)
        XCTAssertEqual(IndexFileScan.holdsAny(of: [wanted], indexPath: indexPath), false)
    }

    func testAVersion2IndexAnswersAsGitLists() throws {
        try sandbox.git("update-index", "--index-version", "2")
        try assertScanAgreesWithGit(expected: false)
        try stage(wanted, contents: "*.md text\n")
        try assertScanAgreesWithGit(expected: true)
    }

    func testAnEntryWithExtendedFlagsIsSteppedOver() throws {
        try sandbox.write("meta/work/0000-intent.md", "intent\n")
        try sandbox.git("add", "-N", "meta/work/0000-intent.md")
        try stage(wanted, contents: "*.md text\n")
        try stage("meta/work/zzzz.md", contents: "after\n")
        XCTAssertEqual(try indexVersion(), 3, "intent-to-add needs version 3's extended flags")
        try assertScanAgreesWithGit(expected: true)
        XCTAssertEqual(IndexFileScan.holdsAny(of: ["meta/work/zzzz.md"], indexPath: indexPath), true, "the entry after it")
    }

    func testAPathTooLongForTheFlagsIsReadToItsNul() throws {
        let long = (1...21).map { "folder\($0)-" + String(repeating: "x", count: 190) }.joined(separator: "/") + "/item.md"
        XCTAssertGreaterThan(long.utf8.count, 0x0FFF)
        let blob = try sandbox.git("hash-object", "-w", "README.md").trimmingCharacters(in: .whitespacesAndNewlines)
        try sandbox.git("update-index", "--add", "--cacheinfo", "100644,\(blob),\(long)")
        try stage("zzzz/.gitattributes", contents: "*.md text\n")
        XCTAssertEqual(IndexFileScan.holdsAny(of: [long], indexPath: indexPath), true)
        XCTAssertEqual(IndexFileScan.holdsAny(of: ["zzzz/.gitattributes"], indexPath: indexPath), true, "the entry after it")
    }

    func testOnlyStageZeroCounts() throws {
        try stage(wanted, contents: "base\n")
        try sandbox.git("commit", "-q", "-m", "base")
        try sandbox.git("checkout", "-q", "-b", "side")
        try stage(wanted, contents: "side\n")
        try sandbox.git("commit", "-q", "-m", "side")
        try sandbox.git("checkout", "-q", "main")
        try stage(wanted, contents: "main\n")
        try sandbox.git("commit", "-q", "-m", "main")
        let merge = try sandbox.run(["merge", "-q", "side"], in: sandbox.repo)
        XCTAssertNotEqual(merge.status, 0, "the merge stops at the conflict")
        XCTAssertEqual(try sandbox.git("ls-files", "--stage", "--", wanted).split(separator: "\n").count, 3)
        try assertScanAgreesWithGit(expected: false)
    }

    func testAVersion4IndexIsLeftToLibgit2() throws {
        try stage(wanted, contents: "*.md text\n")
        try sandbox.git("update-index", "--index-version", "4")
        XCTAssertNil(IndexFileScan.holdsAny(of: [wanted], indexPath: indexPath))
    }

    func testASplitIndexIsLeftToLibgit2() throws {
        try sandbox.git("update-index", "--split-index")
        try stage(wanted, contents: "*.md text\n")
        XCTAssertNil(IndexFileScan.holdsAny(of: [wanted], indexPath: indexPath))
    }

    func testATruncatedIndexIsLeftToLibgit2() throws {
        let bytes = try XCTUnwrap(FileManager.default.contents(atPath: indexPath))
        try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: indexPath))
        XCTAssertNil(IndexFileScan.holdsAny(of: [wanted], indexPath: indexPath))
    }

    private func stage(_ path: String, contents: String) throws {
        try sandbox.write(path, contents)
        try sandbox.git("add", path)
    }

    private func indexVersion() throws -> UInt8 {
        try XCTUnwrap(FileManager.default.contents(atPath: indexPath))[7]
    }

    private func assertScanAgreesWithGit(expected: Bool, file: StaticString = #filePath, line: UInt = #line) throws {
        let listed = try sandbox.git("ls-files", "--stage", "--", wanted).split(separator: "\n")
        let atStageZero = listed.contains { $0.split(separator: " ").dropFirst(2).first?.hasPrefix("0\t") == true }
        XCTAssertEqual(atStageZero, expected, "git's own answer", file: file, line: line)
        XCTAssertEqual(IndexFileScan.holdsAny(of: [wanted], indexPath: indexPath), expected, file: file, line: line)
    }
}
