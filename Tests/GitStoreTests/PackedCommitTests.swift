import Foundation
import XCTest

@testable import GitStore

/// A sync commit of many files stores its objects as one pack, not a loose file per object; git reads it as any
/// other commit.
final class PackedCommitTests: GitStoreTestCase {
    override func setUpWithError() throws {
        try super.setUpWithError()
        try sandbox.initialiseRepository()
        try sandbox.commitFiles(["README.md": "start\n"], message: "start")
    }

    private func looseObjects() throws -> Int {
        let count = try sandbox.git("count-objects", "-v").split(separator: "\n").first { $0.hasPrefix("count: ") }
        return Int(count?.dropFirst("count: ".count) ?? "") ?? -1
    }

    func testManyFilesArePackedAndReadByGit() throws {
        let paths = (1...PackedObjectWriter.threshold).map { String(format: "meta/work/%04d-item.md", $0) }
        for (n, path) in paths.enumerated() { try sandbox.write(path, "item \(n)\n") }
        try sandbox.write(".gitattributes", "*.md text eol=lf\n")
        try sandbox.write("meta/work/crlf.md", "line one\r\nline two\r\n")
        let loose = try looseObjects()

        let commit = try GitRepository.open(at: sandbox.repo).commitSync(paths: paths + ["meta/work/crlf.md"], message: "many")

        XCTAssertEqual(try looseObjects(), loose, "no loose object was written")
        let packs = try FileManager.default.contentsOfDirectory(atPath: sandbox.repo + "/.git/objects/pack")
        XCTAssertEqual(packs.filter { $0.hasSuffix(".pack") }.count, 1)
        XCTAssertEqual(packs.filter { $0.hasSuffix(".idx") }.count, 1)
        XCTAssertEqual(try sandbox.headID(), commit?.id)
        XCTAssertEqual(try sandbox.git("show", "HEAD:meta/work/0042-item.md"), "item 41\n")
        XCTAssertEqual(try sandbox.git("show", "HEAD:meta/work/crlf.md"), "line one\nline two\n", "filters apply as for git add")
        XCTAssertEqual(try sandbox.git("diff", "--cached", "--name-only"), "", "the index points at the packed blobs")
        try sandbox.git("fsck", "--strict", "--no-progress")
    }

    /// Similar files would deltify; the sync commit's pack stores each object whole (git gc deltifies later), and
    /// the setting that turns the search off never reaches the repository's own configuration.
    func testThePackHasNoDeltasAndTheRepositoryConfigurationIsUnchanged() throws {
        let paths = (1...PackedObjectWriter.threshold).map { String(format: "meta/work/%04d-item.md", $0) }
        let shared = String(repeating: "A paragraph every item shares, long enough to be worth a delta. ", count: 12)
        for (n, path) in paths.enumerated() { try sandbox.write(path, "# Item \(n)\n\n\(shared)\n") }
        let configuration = try sandbox.git("config", "--list", "--local")

        _ = try GitRepository.open(at: sandbox.repo).commitSync(paths: paths, message: "many")

        let packs = try FileManager.default.contentsOfDirectory(atPath: sandbox.repo + "/.git/objects/pack")
        let index = try XCTUnwrap(packs.first { $0.hasSuffix(".idx") })
        // verify-pack -v: "id type size size-in-pack offset", and "depth base-id" after them for a delta.
        let objects = try sandbox.git("verify-pack", "-v", ".git/objects/pack/" + index).split(separator: "\n")
            .map { $0.split(separator: " ", omittingEmptySubsequences: true) }.filter { $0.first?.count == 40 }
        XCTAssertGreaterThan(objects.count, paths.count, "the blobs, the trees and the commit")
        XCTAssertEqual(objects.filter { $0.count > 5 }.count, 0, "objects stored as deltas")
        XCTAssertEqual(try sandbox.git("config", "--list", "--local"), configuration)
        try sandbox.git("fsck", "--strict", "--no-progress")
    }

    /// When the settings file cannot be written (here a file stands where its folder would go), the pack is made
    /// with the delta search, and the commit is as good.
    func testWithoutItsSettingsFileTheCommitStillPacks() throws {
        try sandbox.write(".git/sync-work-items", "not a folder\n")
        let paths = (1...PackedObjectWriter.threshold).map { String(format: "meta/work/%04d-item.md", $0) }
        for (n, path) in paths.enumerated() { try sandbox.write(path, "item \(n)\n") }

        let commit = try GitRepository.open(at: sandbox.repo).commitSync(paths: paths, message: "many")

        XCTAssertEqual(try sandbox.headID(), commit?.id)
        XCTAssertEqual(try sandbox.git("show", "HEAD:meta/work/0042-item.md"), "item 41\n")
        try sandbox.git("fsck", "--strict", "--no-progress")
    }

    /// A later packed commit in a repository that already holds many files packs what it added and nothing else:
    /// git's own list of the objects HEAD has and its parent has not is the oracle. One changed file takes the text
    /// of a file already committed, so its blob is old and must stay out.
    func testALaterPackHoldsOnlyTheObjectsTheCommitAdded() throws {
        let count = 2 * PackedObjectWriter.threshold
        let paths = (1...count).map { String(format: "meta/work/%04d-item.md", $0) }
        for (n, path) in paths.enumerated() { try sandbox.write(path, "item \(n)\n") }
        try sandbox.write("docs/guide.md", "a file outside the changed folders\n")
        _ = try GitRepository.open(at: sandbox.repo).commitSync(paths: paths + ["docs/guide.md"], message: "many")
        let firstPacks = try packIndexes()

        let changed = Array(paths.prefix(PackedObjectWriter.threshold + 10))
        for (n, path) in changed.enumerated() { try sandbox.write(path, "item \(n), changed\n") }
        try sandbox.write(changed[0], "item \(count - 1)\n")
        try FileManager.default.removeItem(atPath: sandbox.repo + "/" + paths[count - 1])
        _ = try GitRepository.open(at: sandbox.repo).commitSync(paths: changed + [paths[count - 1]], message: "changes")

        let added = try packIndexes().subtracting(firstPacks)
        XCTAssertEqual(added.count, 1, "one new pack")
        let packed = try Set(objectIDs(inPack: try XCTUnwrap(added.first)))
        let expected = Set(try sandbox.git("rev-list", "--objects", "HEAD", "--not", "HEAD^").split(separator: "\n")
            .map { String($0.prefix(40)) })
        XCTAssertEqual(expected.count, changed.count - 1 + 4, "the changed blobs less the old one, 3 trees, the commit")
        XCTAssertEqual(packed.subtracting(expected).count, 0, "objects the commit did not add, packed again")
        XCTAssertEqual(expected.subtracting(packed).count, 0, "objects the commit added, missing from its pack")
        try sandbox.git("fsck", "--strict", "--no-progress")
    }

    /// A file of `looseSize` or more (the baseline) is written loose even in a packed commit; the pack holds the
    /// rest, and git reads both.
    func testALargeFileIsWrittenLooseBesideThePack() throws {
        let paths = (1...PackedObjectWriter.threshold).map { String(format: "meta/work/%04d-item.md", $0) }
        for (n, path) in paths.enumerated() { try sandbox.write(path, "item \(n)\n") }
        let line = "a line of the baseline\n"
        let large = String(repeating: line, count: Int(PackedObjectWriter.looseSize) / line.utf8.count + 1)
        try sandbox.write("meta/state/last-sync.json", large)
        let loose = try looseObjects()

        _ = try GitRepository.open(at: sandbox.repo).commitSync(paths: paths + ["meta/state/last-sync.json"], message: "many")

        XCTAssertEqual(try looseObjects(), loose + 1, "the large blob, and nothing else, is loose")
        let largeID = try sandbox.git("rev-parse", "HEAD:meta/state/last-sync.json")
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let packed = try objectIDs(inPack: try XCTUnwrap(packIndexes().first))
        XCTAssertFalse(packed.contains(largeID))
        XCTAssertEqual(packed.count, paths.count + 5, "the small blobs, 4 trees (root, meta, work, state), the commit")
        XCTAssertEqual(try sandbox.git("show", "HEAD:meta/state/last-sync.json"), large)
        try sandbox.git("fsck", "--strict", "--no-progress")
    }

    private func packIndexes() throws -> Set<String> {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: sandbox.repo + "/.git/objects/pack")) ?? []
        return Set(names.filter { $0.hasSuffix(".idx") })
    }

    /// verify-pack -v: "id type size size-in-pack offset", and "depth base-id" after them for a delta.
    private func objectIDs(inPack index: String) throws -> [String] {
        try sandbox.git("verify-pack", "-v", ".git/objects/pack/" + index).split(separator: "\n")
            .map { String($0.prefix(while: { $0 != " " })) }.filter { $0.count == 40 }
    }

    func testAFewFilesStayLoose() throws {
        let loose = try looseObjects()
        try sandbox.write("meta/work/0001-item.md", "one\n")
        _ = try GitRepository.open(at: sandbox.repo).commitSync(paths: ["meta/work/0001-item.md"], message: "one")
        XCTAssertEqual(try looseObjects(), loose + 5, "blob, the trees of meta/work, meta and the root, the commit")
    }

    func testNothingNewWritesNoPack() throws {
        let paths = (1...PackedObjectWriter.threshold).map { String(format: "meta/work/%04d-item.md", $0) }
        for path in paths { try sandbox.write(path, "same\n") }
        try sandbox.git("add", "-A")
        try sandbox.git("commit", "-q", "-m", "by git")
        XCTAssertNil(try GitRepository.open(at: sandbox.repo).commitSync(paths: paths, message: "unchanged"))
        let packs = (try? FileManager.default.contentsOfDirectory(atPath: sandbox.repo + "/.git/objects/pack")) ?? []
        XCTAssertTrue(packs.filter { $0.hasSuffix(".pack") }.isEmpty, "\(packs)")
    }
}
