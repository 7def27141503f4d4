import Foundation
import XCTest

@testable import GitStore

/// A sync commit stores a file's bytes unchanged only when no attributes file and no `core.autocrlf` could filter
/// them; wherever git reads attributes from, the blob is what `git add` stores. The oracle is `git add` itself,
/// run on the same file before the sync commit (and its entry reset again).
final class ContentFiltersTests: GitStoreTestCase {
    private let path = "meta/work/0001-item.md"
    private let crlf = "line one\r\nline two\r\n"

    override func setUpWithError() throws {
        try super.setUpWithError()
        try sandbox.initialiseRepository()
        try sandbox.commitFiles(["README.md": "start\n"], message: "start")
    }

    func testWithoutAttributesTheBlobIsTheFilesBytes() throws {
        try assertCommittedAsGitWould(expected: crlf)
    }

    func testAutocrlfFalseKeepsTheBytes() throws {
        try sandbox.git("config", "core.autocrlf", "false")
        try assertCommittedAsGitWould(expected: crlf)
    }

    func testAutocrlfTrueNormalisesLineEnds() throws {
        try sandbox.git("config", "core.autocrlf", "true")
        try assertCommittedAsGitWould(expected: "line one\nline two\n")
    }

    func testAutocrlfInputNormalisesLineEnds() throws {
        try sandbox.git("config", "core.autocrlf", "input")
        try assertCommittedAsGitWould(expected: "line one\nline two\n")
    }

    func testAttributesInAnEnclosingFolderApply() throws {
        try sandbox.write("meta/.gitattributes", "*.md text\n")
        try assertCommittedAsGitWould(expected: "line one\nline two\n")
    }

    func testAttributesOnlyInTheIndexApply() throws {
        try sandbox.write("meta/work/.gitattributes", "*.md text\n")
        try sandbox.git("add", "meta/work/.gitattributes")
        try FileManager.default.removeItem(atPath: sandbox.repo + "/meta/work/.gitattributes")
        try assertCommittedAsGitWould(expected: "line one\nline two\n")
    }

    func testAttributesOnlyInAVersion4IndexApply() throws {
        try sandbox.write("meta/work/.gitattributes", "*.md text\n")
        try sandbox.git("add", "meta/work/.gitattributes")
        try sandbox.git("update-index", "--index-version", "4")
        try FileManager.default.removeItem(atPath: sandbox.repo + "/meta/work/.gitattributes")
        try assertCommittedAsGitWould(expected: "line one\nline two\n")
    }

    func testAttributesStagedAfterTheIndexWasReadApply() throws {
        let repository = try GitRepository.open(at: sandbox.repo)
        XCTAssertEqual(try repository.dirtyPaths(under: ["meta"]), [], "status has read the index")
        try sandbox.write("meta/work/.gitattributes", "*.md text\n")
        try sandbox.git("add", "meta/work/.gitattributes")
        try FileManager.default.removeItem(atPath: sandbox.repo + "/meta/work/.gitattributes")
        try sandbox.write(path, crlf)
        XCTAssertNotNil(try repository.commitSync(paths: [path], message: "item"))
        XCTAssertEqual(try sandbox.git("show", "HEAD:" + path), "line one\nline two\n", "the index changed on disk is read again")
    }

    func testTheRepositorysInfoAttributesApply() throws {
        try sandbox.write(".git/info/attributes", "*.md text\n")
        try assertCommittedAsGitWould(expected: "line one\nline two\n")
    }

    func testTheUsersGlobalAttributesApply() throws {
        try sandbox.write(".config/git/attributes", "*.md text\n", in: sandbox.home)
        try assertCommittedAsGitWould(expected: "line one\nline two\n")
    }

    func testAConfiguredAttributesFileApplies() throws {
        try sandbox.write("elsewhere/attributes", "*.md text\n", in: sandbox.root)
        try sandbox.git("config", "core.attributesFile", sandbox.root + "/elsewhere/attributes")
        try assertCommittedAsGitWould(expected: "line one\nline two\n")
    }

    func testTheSystemAttributesApply() throws {
        try sandbox.write("no-system-config/gitattributes", "*.md text\n", in: sandbox.root)
        try sandbox.write(path, crlf)
        _ = try GitRepository.open(at: sandbox.repo).commitSync(paths: [path], message: "item")
        XCTAssertEqual(try sandbox.git("show", "HEAD:" + path), "line one\nline two\n")
    }

    /// Commits `path` holding CRLF lines and checks the blob against `expected` and against git's own answer.
    private func assertCommittedAsGitWould(expected: String, file: StaticString = #filePath, line: UInt = #line) throws {
        try sandbox.write(path, crlf)
        try sandbox.git("add", path)
        let added = try sandbox.git("rev-parse", ":" + path)
        try sandbox.git("reset", "-q", "--", path)
        let commit = try GitRepository.open(at: sandbox.repo).commitSync(paths: [path], message: "item")
        XCTAssertNotNil(commit, file: file, line: line)
        let committed = try sandbox.git("rev-parse", "HEAD:" + path)
        XCTAssertEqual(committed, added, "what git add stores", file: file, line: line)
        XCTAssertEqual(try sandbox.git("show", "HEAD:" + path), expected, file: file, line: line)
    }
}
