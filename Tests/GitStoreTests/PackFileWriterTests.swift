import Foundation
import XCTest

@testable import GitStore

/// The pack writer's files, read by git itself (`verify-pack`, `cat-file`) as the oracle.
final class PackFileWriterTests: GitStoreTestCase {
    private var folder: String { sandbox.repo + "/.git/objects/pack" }

    override func setUpWithError() throws {
        try super.setUpWithError()
        try sandbox.initialiseRepository()
    }

    private func entry(_ text: String) throws -> PackEntry {
        let deflater = try Deflater()
        return try Array(text.utf8).withUnsafeBytes { raw in Result { () throws(GitError) in try PackEntry.blob(raw, deflater: deflater) } }.get()
    }

    private func files() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    }

    func testObjectsOfEverySizeClassAreReadBackByGit() throws {
        // Sizes whose headers take one, two, three and four bytes.
        let texts = ["", "short\n", String(repeating: "x", count: 200), String(repeating: "line\n", count: 4000),
                     String(repeating: "0123456789", count: 300_000)]
        let writer = try PackFileWriter(folder: folder)
        for text in texts { try writer.append(try entry(text)) }
        let name = try XCTUnwrap(try writer.finish())

        XCTAssertEqual(try files(), [name + ".idx", name + ".pack"])
        let verified = try sandbox.git("verify-pack", "-v", ".git/objects/pack/\(name).idx")
        XCTAssertTrue(verified.contains("ok"), verified)
        for text in texts {
            let id = GitRepository.blobID(of: Array(text.utf8))
            XCTAssertEqual(try sandbox.git("cat-file", "-p", id), text, "\(text.utf8.count) bytes")
        }
    }

    func testTheSameObjectIsPackedOnce() throws {
        let writer = try PackFileWriter(folder: folder)
        try writer.append(try entry("one\n"))
        XCTAssertTrue(writer.holds(try entry("one\n").id))
        try writer.append(try entry("one\n"))
        try writer.append(try entry("two\n"))
        XCTAssertEqual(writer.count, 2)
        let name = try XCTUnwrap(try writer.finish())
        let objects = try sandbox.git("verify-pack", "-v", ".git/objects/pack/\(name).idx").split(separator: "\n")
            .filter { $0.prefix(40).allSatisfy(\.isHexDigit) && $0.count > 40 }
        XCTAssertEqual(objects.count, 2)
    }

    func testAnEmptyOrAbandonedPackLeavesNothing() throws {
        let empty = try PackFileWriter(folder: folder)
        XCTAssertNil(try empty.finish())
        let abandoned = try PackFileWriter(folder: folder)
        try abandoned.append(try entry("kept nowhere\n"))
        XCTAssertEqual(try files().filter { $0.hasPrefix("tmp_pack_") }.count, 1, "the temporary file while it is written")
        abandoned.abandon()
        do {
            let dropped = try PackFileWriter(folder: folder)
            try dropped.append(try entry("dropped\n"))
        }
        XCTAssertEqual(try files(), [])
    }
}
