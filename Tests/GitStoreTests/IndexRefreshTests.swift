import Foundation
import XCTest

@testable import GitStore

/// `git diff-files` is the oracle throughout: it compares the index's stat data with the files and, unlike
/// `git status`, never refreshes the index itself, so it lists exactly the entries whose stat data is stale.
final class IndexRefreshTests: GitStoreTestCase {
    private let count = IndexRefresh.worthwhile + 20

    func testTouchedFilesGetFreshStatDataInTheIndexAsGitStatusGives() throws {
        try commitWorkItems(count, plus: ["outside.md": "outside\n"])
        let stagedBefore = try sandbox.git("ls-files", "--stage")
        try touch(workItemPaths(count) + ["outside.md"])
        XCTAssertEqual(try staleEntries().count, count + 1)

        XCTAssertEqual(try GitRepository.open(at: sandbox.repo).dirtyPaths(under: ["meta/work"], refreshingIndex: true), [])

        XCTAssertEqual(try staleEntries(), ["outside.md"], "only the folders the status looked at are refreshed")
        XCTAssertEqual(try sandbox.git("ls-files", "--stage"), stagedBefore)
        XCTAssertEqual(try sandbox.statusLines(), [])
        XCTAssertEqual(try leftBesideTheIndex(), [])
    }

    func testAChangedFileAmongTouchedOnesStaysChangedAndUnstaged() throws {
        try commitWorkItems(count)
        let stagedBefore = try sandbox.git("ls-files", "--stage")
        try touch(workItemPaths(count))
        try sandbox.write("meta/work/0007-item.md", "item 9007\n")

        XCTAssertEqual(try GitRepository.open(at: sandbox.repo).dirtyPaths(under: ["meta/work"], refreshingIndex: true), ["meta/work/0007-item.md"])

        XCTAssertEqual(try staleEntries(), ["meta/work/0007-item.md"])
        XCTAssertEqual(try sandbox.git("ls-files", "--stage"), stagedBefore)
        XCTAssertEqual(try sandbox.statusLines(), [" M meta/work/0007-item.md"])
    }

    func testAFewTouchedFilesLeaveTheIndexAsItWas() throws {
        try commitWorkItems(count)
        let few = Array(workItemPaths(count).prefix(IndexRefresh.worthwhile - 1))
        try touch(few)
        let indexBefore = try indexBytes()

        XCTAssertEqual(try GitRepository.open(at: sandbox.repo).dirtyPaths(under: ["meta/work"], refreshingIndex: true), [])

        XCTAssertEqual(try staleEntries(), few.sorted())
        XCTAssertEqual(try indexBytes(), indexBefore)
    }

    func testAnIndexLockSomeoneHoldsIsLeftAloneAndTheAnswerStands() throws {
        try commitWorkItems(count)
        try touch(workItemPaths(count))
        let lock = sandbox.repo + "/.git/index.lock"
        try Data("held by a git command\n".utf8).write(to: URL(fileURLWithPath: lock))
        let indexBefore = try indexBytes()

        XCTAssertEqual(try GitRepository.open(at: sandbox.repo).dirtyPaths(under: ["meta/work"], refreshingIndex: true), [])

        XCTAssertEqual(try indexBytes(), indexBefore)
        XCTAssertEqual(try String(contentsOfFile: lock, encoding: .utf8), "held by a git command\n")
        try FileManager.default.removeItem(atPath: lock)
        XCTAssertEqual(try staleEntries().count, count)
        XCTAssertEqual(try leftBesideTheIndex(), [])
    }

    func testOptionalLocksTurnedOffLeaveTheIndexAsItWas() throws {
        try commitWorkItems(count)
        try touch(workItemPaths(count))
        let indexBefore = try indexBytes()
        for off in ["0", "false", "No", "off"] {
            setEnvironment("GIT_OPTIONAL_LOCKS", off)
            XCTAssertEqual(try GitRepository.open(at: sandbox.repo).dirtyPaths(under: ["meta/work"], refreshingIndex: true), [])
            XCTAssertEqual(try indexBytes(), indexBefore, off)
        }
        setEnvironment("GIT_OPTIONAL_LOCKS", "1")
        _ = try GitRepository.open(at: sandbox.repo).dirtyPaths(under: ["meta/work"], refreshingIndex: true)
        XCTAssertEqual(try staleEntries(), [], "1 leaves them on")
    }

    func testAnIndexChangedDuringTheRefreshKeepsThatChange() throws {
        try commitWorkItems(count)
        try touch(workItemPaths(count))
        try sandbox.write("meta/work/new.md", "new\n")
        let repository = try GitRepository.open(at: sandbox.repo)

        IndexRefresh(repository: repository).run(StatusScope(folders: ["meta/work"]), beforeReplacing: {
            _ = try? self.sandbox.git("add", "meta/work/new.md")
        })

        XCTAssertEqual(try sandbox.statusLines(), ["A  meta/work/new.md"])
        XCTAssertEqual(try leftBesideTheIndex(), [])
    }

    func testCopiesThatAKilledRunLeftAreRemovedAndALiveRunsAreNot() throws {
        try commitWorkItems(count)
        try touch(workItemPaths(count))
        let dead = try deadProcessID()
        let gitDir = sandbox.repo + "/.git/"
        for name in ["index\(IndexRefresh.copyInfix)\(dead)", "index\(IndexRefresh.copyInfix)\(dead).lock", "index\(IndexRefresh.copyInfix)1"] {
            try Data("debris".utf8).write(to: URL(fileURLWithPath: gitDir + name))
        }

        _ = try GitRepository.open(at: sandbox.repo).dirtyPaths(under: ["meta/work"], refreshingIndex: true)

        XCTAssertEqual(try leftBesideTheIndex(), ["index\(IndexRefresh.copyInfix)1"])
        XCTAssertEqual(try staleEntries(), [])
    }

    // MARK: Helpers

    private func workItemPaths(_ count: Int) -> [String] {
        (0..<count).map { String(format: "meta/work/%04d-item.md", $0) }
    }

    private func commitWorkItems(_ count: Int, plus others: [String: String] = [:]) throws {
        try sandbox.initialiseRepository()
        var files = others
        for (number, path) in workItemPaths(count).enumerated() { files[path] = "item \(number)\n" }
        try sandbox.commitFiles(files)
        XCTAssertEqual(try staleEntries(), [])
    }

    /// Dates the files back a year: their stat data no longer matches the index, their content still does.
    private func touch(_ paths: [String]) throws {
        let earlier = Date(timeIntervalSinceNow: -365 * 24 * 3600)
        for path in paths {
            try FileManager.default.setAttributes([.modificationDate: earlier], ofItemAtPath: sandbox.repo + "/" + path)
        }
    }

    private func staleEntries() throws -> [String] {
        sandbox.lines(try sandbox.git("diff-files", "--name-only")).sorted()
    }

    private func indexBytes() throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: sandbox.repo + "/.git/index"))
    }

    /// Files beside the index other than the index itself.
    private func leftBesideTheIndex() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: sandbox.repo + "/.git").filter { $0.hasPrefix("index") && $0 != "index" }.sorted()
    }
}
