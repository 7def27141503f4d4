import Foundation
import XCTest

@testable import GitStore

/// A sync commit of many files stores its blobs as one pack, not a loose file per object; its trees and commit are
/// loose, like a small commit's. git reads it as any other commit.
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
        let paths = (1...PackedBlobWriter.threshold).map { String(format: "meta/work/%04d-item.md", $0) }
        for (n, path) in paths.enumerated() { try sandbox.write(path, "item \(n)\n") }
        try sandbox.write(".gitattributes", "*.md text eol=lf\n")
        try sandbox.write("meta/work/crlf.md", "line one\r\nline two\r\n")
        let loose = try looseObjects()

        let commit = try GitRepository.open(at: sandbox.repo).commitSync(paths: paths + ["meta/work/crlf.md"], message: "many")

        XCTAssertEqual(try looseObjects(), loose + 4, "the trees of meta/work, meta and the root, and the commit")
        let indexes = try packIndexes()
        XCTAssertEqual(indexes.count, 1)
        let packs = try FileManager.default.contentsOfDirectory(atPath: sandbox.repo + "/.git/objects/pack")
        XCTAssertEqual(packs.filter { $0.hasSuffix(".pack") }, indexes.map { $0.replacingOccurrences(of: ".idx", with: ".pack") })
        XCTAssertEqual(try objectIDs(inPack: try XCTUnwrap(indexes.first)).count, paths.count + 1, "every blob")
        XCTAssertEqual(try sandbox.headID(), commit?.id)
        XCTAssertEqual(try sandbox.git("show", "HEAD:meta/work/0042-item.md"), "item 41\n")
        XCTAssertEqual(try sandbox.git("show", "HEAD:meta/work/crlf.md"), "line one\nline two\n", "filters apply as for git add")
        XCTAssertEqual(try sandbox.git("diff", "--cached", "--name-only"), "", "the index points at the packed blobs")
        XCTAssertEqual(try sandbox.git("status", "--porcelain", "--", "meta"), "", "git sees the files as committed")
        try sandbox.git("fsck", "--strict", "--no-progress")
    }

    /// The pack stores each blob whole (git gc deltifies later), is named by its checksum as git names packs, is
    /// read-only like git's, and never touches the repository's configuration. git's own checks are the oracle.
    func testThePackIsOneGitWouldWrite() throws {
        let paths = (1...PackedBlobWriter.threshold).map { String(format: "meta/work/%04d-item.md", $0) }
        let shared = String(repeating: "A paragraph every item shares, long enough to be worth a delta. ", count: 12)
        for (n, path) in paths.enumerated() { try sandbox.write(path, "# Item \(n)\n\n\(shared)\n") }
        let configuration = try sandbox.git("config", "--list", "--local")

        _ = try GitRepository.open(at: sandbox.repo).commitSync(paths: paths, message: "many")

        let index = try XCTUnwrap(packIndexes().first)
        // verify-pack -v: "id type size size-in-pack offset", and "depth base-id" after them for a delta.
        let objects = try sandbox.git("verify-pack", "-v", ".git/objects/pack/" + index).split(separator: "\n")
            .map { $0.split(separator: " ", omittingEmptySubsequences: true) }.filter { $0.first?.count == 40 }
        XCTAssertEqual(objects.count, paths.count, "the blobs")
        XCTAssertEqual(Set(objects.map { String($0[1]) }), ["blob"])
        XCTAssertEqual(objects.filter { $0.count > 5 }.count, 0, "objects stored as deltas")
        let pack = ".git/objects/pack/" + index.replacingOccurrences(of: ".idx", with: ".pack")
        let trailer = try XCTUnwrap(FileManager.default.contents(atPath: sandbox.repo + "/" + pack)).suffix(20)
        XCTAssertEqual(index, "pack-" + trailer.map { String(format: "%02x", $0) }.joined() + ".idx")
        let mode = try FileManager.default.attributesOfItem(atPath: sandbox.repo + "/" + pack)[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o444)
        XCTAssertEqual(try sandbox.git("config", "--list", "--local"), configuration)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: sandbox.repo + "/.git/objects/pack")
            .filter { $0.hasPrefix("tmp_") }, [], "no temporary file is left")
        try sandbox.git("fsck", "--strict", "--no-progress")
    }

    /// A later packed commit in a repository that already holds many files packs what it added and nothing else:
    /// git's own list of the objects HEAD has and its parent has not is the oracle. One changed file takes the text
    /// of a file already committed, so its blob is old and must stay out.
    func testALaterPackHoldsOnlyTheObjectsTheCommitAdded() throws {
        let count = 2 * PackedBlobWriter.threshold
        let paths = (1...count).map { String(format: "meta/work/%04d-item.md", $0) }
        for (n, path) in paths.enumerated() { try sandbox.write(path, "item \(n)\n") }
        try sandbox.write("docs/guide.md", "a file outside the changed folders\n")
        _ = try GitRepository.open(at: sandbox.repo).commitSync(paths: paths + ["docs/guide.md"], message: "many")
        let firstPacks = try packIndexes()

        let changed = Array(paths.prefix(PackedBlobWriter.threshold + 10))
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
        let unpacked = try expected.subtracting(packed).map { try sandbox.git("cat-file", "-t", $0).trimmingCharacters(in: .newlines) }
        XCTAssertEqual(unpacked.sorted(), ["commit", "tree", "tree", "tree"], "every added blob is in the pack")
        try sandbox.git("fsck", "--strict", "--no-progress")
    }

    /// A file of a megabyte and more (the baseline at 100,000 items is 28 MB) goes into the pack with the rest.
    func testALargeFileIsPackedWithTheRest() throws {
        let paths = (1...PackedBlobWriter.threshold).map { String(format: "meta/work/%04d-item.md", $0) }
        for (n, path) in paths.enumerated() { try sandbox.write(path, "item \(n)\n") }
        let line = "a line of the baseline\n"
        let large = String(repeating: line, count: (3 << 20) / line.utf8.count)
        try sandbox.write("meta/state/last-sync.json", large)

        _ = try GitRepository.open(at: sandbox.repo).commitSync(paths: paths + ["meta/state/last-sync.json"], message: "many")

        let largeID = try sandbox.git("rev-parse", "HEAD:meta/state/last-sync.json")
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let packed = try objectIDs(inPack: try XCTUnwrap(packIndexes().first))
        XCTAssertTrue(packed.contains(largeID))
        XCTAssertEqual(packed.count, paths.count + 1)
        XCTAssertEqual(try sandbox.git("show", "HEAD:meta/state/last-sync.json"), large)
        try sandbox.git("fsck", "--strict", "--no-progress")
    }

    /// A run killed between moving its pack into place and moving the index after it leaves a pack git ignores.
    /// The next commit of the same files writes the same pack: it takes the read-only leftover's place, and its
    /// index follows. A temporary pack left by a kill mid-write is not in the way either.
    func testAPackLeftWithoutItsIndexIsReplacedByTheSamePack() throws {
        let paths = (1...PackedBlobWriter.threshold).map { String(format: "meta/work/%04d-item.md", $0) }
        for (n, path) in paths.enumerated() { try sandbox.write(path, "item \(n)\n") }
        let start = try sandbox.headID()
        _ = try GitRepository.open(at: sandbox.repo).commitSync(paths: paths, message: "killed")
        let index = try XCTUnwrap(packIndexes().first)
        let folder = sandbox.repo + "/.git/objects/pack/"
        try FileManager.default.removeItem(atPath: folder + index)
        try sandbox.git("update-ref", "HEAD", start)
        try sandbox.git("read-tree", "HEAD")
        try sandbox.write(".git/objects/pack/tmp_pack_LeftBy", "half a pack")

        let commit = try GitRepository.open(at: sandbox.repo).commitSync(paths: paths, message: "again")

        XCTAssertEqual(try packIndexes(), [index], "the same pack, now with its index")
        XCTAssertEqual(try sandbox.headID(), commit?.id)
        XCTAssertEqual(try sandbox.git("show", "HEAD:meta/work/0042-item.md"), "item 41\n")
        try sandbox.git("fsck", "--strict", "--no-progress")
    }

    /// With `GIT_OBJECT_DIRECTORY` set, the repository's objects live elsewhere: the commit writes its objects there,
    /// loose, through libgit2, and no pack lands in the repository's own folder. git, given the same settings, reads
    /// the commit.
    func testAnObjectFolderFromTheEnvironmentGetsTheObjects() throws {
        let paths = (1...PackedBlobWriter.threshold).map { String(format: "meta/work/%04d-item.md", $0) }
        for (n, path) in paths.enumerated() { try sandbox.write(path, "item \(n)\n") }
        let elsewhere = sandbox.root + "/objects-elsewhere"
        try FileManager.default.createDirectory(atPath: elsewhere + "/pack", withIntermediateDirectories: true)
        let settings = ["GIT_OBJECT_DIRECTORY": elsewhere, "GIT_ALTERNATE_OBJECT_DIRECTORIES": sandbox.repo + "/.git/objects"]
        for (name, value) in settings { setEnvironment(name, value) }

        let commit = try GitRepository.open(at: sandbox.repo).commitSync(paths: paths, message: "elsewhere")

        XCTAssertEqual(try packIndexes(), [], "no pack in the repository's own object folder")
        let written = try FileManager.default.subpathsOfDirectory(atPath: elsewhere).filter { $0.count == 41 }
        XCTAssertEqual(written.count, paths.count + 4, "the blobs, three trees and the commit, loose")
        XCTAssertEqual(try sandbox.git("rev-parse", "HEAD", environment: settings).trimmingCharacters(in: .newlines), commit?.id)
        XCTAssertEqual(try sandbox.git("show", "HEAD:meta/work/0042-item.md", environment: settings), "item 41\n")
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
        let paths = (1...PackedBlobWriter.threshold).map { String(format: "meta/work/%04d-item.md", $0) }
        for path in paths { try sandbox.write(path, "same\n") }
        try sandbox.git("add", "-A")
        try sandbox.git("commit", "-q", "-m", "by git")
        XCTAssertNil(try GitRepository.open(at: sandbox.repo).commitSync(paths: paths, message: "unchanged"))
        let packs = (try? FileManager.default.contentsOfDirectory(atPath: sandbox.repo + "/.git/objects/pack")) ?? []
        XCTAssertTrue(packs.filter { $0.hasSuffix(".pack") }.isEmpty, "\(packs)")
    }
}
