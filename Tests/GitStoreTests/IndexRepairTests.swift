import Foundation
import XCTest

@testable import GitStore

/// What the engine's index repair needs from git: the sync paths whose index entry differs from HEAD, and putting
/// chosen entries back to HEAD's without touching any other.
final class IndexRepairTests: GitStoreTestCase {
    override func setUpWithError() throws {
        try super.setUpWithError()
        try sandbox.initialiseRepository()
        try sandbox.commitFiles(["meta/work/0001-a.md": "a v1\n", "meta/work/0002-b.md": "b v1\n", "notes.txt": "n v1\n"])
    }

    func testIndexDifferencesListBothSidesBelowTheFolders() throws {
        let headBlob = try sandbox.git("rev-parse", "HEAD:meta/work/0001-a.md").trimmed
        try sandbox.write("meta/work/0001-a.md", "a v2\n")
        try sandbox.write("meta/work/0003-c.md", "c\n")
        try sandbox.write("notes.txt", "n v2\n")
        try sandbox.git("add", "meta/work/0001-a.md", "meta/work/0003-c.md", "notes.txt")
        try sandbox.git("rm", "-q", "--cached", "meta/work/0002-b.md")
        let stagedBlob = try sandbox.git("rev-parse", ":meta/work/0001-a.md").trimmed

        let differences = try GitRepository.open(at: sandbox.repo).indexDifferences(under: ["meta/work"])

        XCTAssertEqual(differences.map(\.path), ["meta/work/0001-a.md", "meta/work/0002-b.md", "meta/work/0003-c.md"])
        XCTAssertEqual(differences[0].head, IndexedBlob(id: headBlob, mode: 0o100644))
        XCTAssertEqual(differences[0].staged, IndexedBlob(id: stagedBlob, mode: 0o100644))
        XCTAssertNil(differences[1].staged)
        XCTAssertNil(differences[2].head)
    }

    func testResettingEntriesToHeadTouchesOnlyThoseEntries() throws {
        try sandbox.write("meta/work/0001-a.md", "a v2\n")
        try sandbox.write("meta/work/0003-c.md", "c\n")
        try sandbox.write("notes.txt", "n v2\n")
        try sandbox.git("add", "-A")
        try sandbox.write("meta/work/0001-a.md", "a v1\n")  // the working file back at HEAD's content

        try GitRepository.open(at: sandbox.repo).resetIndexEntriesToHEAD(["meta/work/0001-a.md", "meta/work/0003-c.md"])

        XCTAssertEqual(Set(try sandbox.statusLines()), ["M  notes.txt", "?? meta/work/0003-c.md"])
        XCTAssertEqual(try sandbox.git("diff-files", "--name-only"), "", "stat data refreshed for the file matching HEAD")
        XCTAssertFalse(FileManager.default.fileExists(atPath: sandbox.repo + "/.git/index.lock"))
    }

    func testWorkingFileHashAppliesFilters() throws {
        try sandbox.write(".gitattributes", "*.md text eol=crlf\n")
        try sandbox.write("meta/work/0004-d.md", "one\r\ntwo\r\n")
        let expected = try sandbox.git("hash-object", "meta/work/0004-d.md").trimmed

        XCTAssertEqual(try GitRepository.open(at: sandbox.repo).hashWorkingFile("meta/work/0004-d.md"), expected)
        XCTAssertNil(try GitRepository.open(at: sandbox.repo).hashWorkingFile("meta/work/missing.md"))
    }

    func testLastCommitFindsWhereAFileWasAndWhichCommitRemovedIt() throws {
        let blob = try sandbox.git("rev-parse", "HEAD:meta/work/0002-b.md").trimmed
        let holding = try sandbox.headID()
        try sandbox.git("rm", "-q", "meta/work/0002-b.md")
        try sandbox.git("commit", "-q", "-m", "remove b")
        let removal = try sandbox.headID()
        try sandbox.commitFiles(["notes.txt": "n v3\n"], message: "later")

        let location = try GitRepository.open(at: sandbox.repo).lastCommit(under: "meta/work", limit: 10) { _, id in id == blob }

        XCTAssertEqual(location, BlobLocation(path: "meta/work/0002-b.md", commit: holding, nextCommit: removal))
        XCTAssertNil(try GitRepository.open(at: sandbox.repo).lastCommit(under: "meta/work", limit: 10) { _, _ in false })
    }

    func testHeadSymlinksListsLinksOnly() throws {
        try FileManager.default.createSymbolicLink(atPath: sandbox.repo + "/meta/work/0005-link.md", withDestinationPath: "0001-a.md")
        try sandbox.git("add", "-A")
        try sandbox.git("commit", "-q", "-m", "link")

        XCTAssertEqual(try GitRepository.open(at: sandbox.repo).headSymlinks(under: "meta/work"), ["meta/work/0005-link.md"])
    }
}
