import Foundation
import XCTest

@testable import GitStore

/// A blob over `LooseBlobWriter.threshold` is deflated in parts on several cores. Oracles: `git hash-object` for
/// its id, `git cat-file` and `git fsck --strict` for the object git reads back, and git's own loose object of the
/// same bytes for its size.
final class LooseBlobWriterTests: GitStoreTestCase {
    private let path = "meta/state/last-sync.json"

    override func setUpWithError() throws {
        try super.setUpWithError()
        try sandbox.initialiseRepository()
        try sandbox.commitFiles(["README.md": "start\n"], message: "start")
    }

    func testALargeBlobIsALooseObjectGitReadsBack() throws {
        let contents = Self.stateLikeText(bytes: 2_700_000)
        try sandbox.write(path, contents)
        XCTAssertGreaterThan(contents.utf8.count, 4 * (1 << 19), "several parts")
        XCTAssertNotNil(try GitRepository.open(at: sandbox.repo).commitSync(paths: [path], message: "state"))

        let id = try sandbox.git("rev-parse", "HEAD:" + path).trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertEqual(id, try sandbox.git("hash-object", path).trimmingCharacters(in: .whitespacesAndNewlines))
        XCTAssertEqual(try sandbox.git("cat-file", "blob", id), contents)
        try sandbox.git("fsck", "--strict", "--no-dangling")
        let object = sandbox.repo + "/.git/objects/" + id.prefix(2) + "/" + id.dropFirst(2)
        let attributes = try FileManager.default.attributesOfItem(atPath: object)
        XCTAssertEqual((attributes[.posixPermissions] as? NSNumber)?.intValue, 0o444, "read-only, as git leaves objects")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: sandbox.repo + "/.git/objects/" + id.prefix(2))
            .filter { $0.hasPrefix("tmp_") }, [], "no temporary file left")

        let gitsOwn = try looseObjectSizeGitWrites(contents)
        let ours = try XCTUnwrap(attributes[.size] as? NSNumber).intValue
        XCTAssertLessThanOrEqual(Double(ours), Double(gitsOwn) * 1.01, "compressed as small as git's own, \(ours) against \(gitsOwn)")
    }

    func testABlobTheRepositoryHoldsIsNotWrittenAgain() throws {
        let contents = Self.stateLikeText(bytes: 1_200_000)
        try sandbox.write(path, contents)
        try sandbox.git("add", path)
        try sandbox.git("commit", "-q", "-m", "state")
        try sandbox.git("gc", "-q")
        let id = try sandbox.git("rev-parse", "HEAD:" + path).trimmingCharacters(in: .whitespacesAndNewlines)
        try sandbox.commitFiles(["README.md": "next\n"], message: "next")

        try sandbox.write(path, "smaller\n")
        XCTAssertNotNil(try GitRepository.open(at: sandbox.repo).commitSync(paths: [path], message: "small"))
        try sandbox.write(path, contents)
        XCTAssertNotNil(try GitRepository.open(at: sandbox.repo).commitSync(paths: [path], message: "state again"))

        XCTAssertEqual(try sandbox.git("rev-parse", "HEAD:" + path).trimmingCharacters(in: .whitespacesAndNewlines), id)
        XCTAssertFalse(FileManager.default.fileExists(atPath: sandbox.repo + "/.git/objects/" + id.prefix(2) + "/" + id.dropFirst(2)),
            "the packed blob is used as it is")
        try sandbox.git("fsck", "--strict", "--no-dangling")
    }

    /// Lines like the sync state's: sorted ids, hex hashes and times, so the text compresses as the real one does.
    private static func stateLikeText(bytes: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        var text = "{\n  \"items\": {"
        var number = 0
        while text.utf8.count < bytes {
            number += 1
            let hex = (0..<5).map { _ in String(generator.next() as UInt64, radix: 16) }.joined()
            text += "\n    \"\(number)\": {\"local_blob\": \"\(hex.prefix(40))\", \"remote_hash\": \"\(hex)\", "
                + "\"remote_updated_at\": \"2026-12-02T10:\(number % 60):00Z\"},"
        }
        return text + "\n  }\n}\n"
    }

    /// The size of the loose object `git hash-object -w` writes for `contents`, in a repository of its own.
    private func looseObjectSizeGitWrites(_ contents: String) throws -> Int {
        let other = sandbox.root + "/other"
        try FileManager.default.createDirectory(atPath: other, withIntermediateDirectories: true)
        try sandbox.git("init", "-q", in: other)
        try sandbox.write("content", contents, in: other)
        let id = try sandbox.git("hash-object", "-w", "content", in: other).trimmingCharacters(in: .whitespacesAndNewlines)
        let object = other + "/.git/objects/" + id.prefix(2) + "/" + id.dropFirst(2)
        return try XCTUnwrap(FileManager.default.attributesOfItem(atPath: object)[.size] as? NSNumber).intValue
    }
}
