import Foundation
import XCTest

/// A sync commit of many files packs the blobs it added, and only those, through the binary: a second large pull
/// into a repository of synced items must not pack the items it left alone again. Its trees and commit are loose.
final class PackedSyncCommitTests: SimulatorTestCase {
    func testALargePullPacksOnlyTheObjectsItsCommitAdded() async throws {
        try await pullNewIssues(120)
        XCTAssertEqual(try packs().count, 1, "the first pull's 120 files are one pack")
        let packsBefore = try packs()

        let keys = try await sim.items().compactMap { $0["key"] as? String }.sorted().prefix(105)
        for key in keys { _ = try await sim.patch(key, ["title": "Changed \(key)"]) }
        let second = try repo.sync("--max-pulls=1000")
        XCTAssertEqual(second.status, 0, second.stdout + second.stderr)
        XCTAssertTrue(second.stdout.contains("Pulled (105)"), second.stdout)

        let added = try packs().subtracting(packsBefore)
        XCTAssertEqual(added.count, 1, "the second pull is one new pack")
        let packed = Set(try objectIDs(inPack: try XCTUnwrap(added.first)))
        let expected = Set(try repo.git("rev-list", "--objects", "HEAD", "--not", "HEAD^").split(separator: "\n")
            .map { String($0.prefix(40)) })
        XCTAssertGreaterThanOrEqual(expected.count, 105 + 1 + 1, "the changed files, the baseline and the commit")
        XCTAssertEqual(packed.subtracting(expected).count, 0, "objects the commit did not add, packed again")
        let unpacked = try expected.subtracting(packed).map { try repo.git("cat-file", "-t", $0).trimmingCharacters(in: .newlines) }
        XCTAssertEqual(Set(unpacked), ["tree", "commit"], "every blob the commit added is in its pack")
        XCTAssertEqual(unpacked.filter { $0 == "commit" }.count, 1)
        try repo.git("fsck", "--strict", "--no-progress")
    }

    private func packs() throws -> Set<String> {
        Set(try FileManager.default.contentsOfDirectory(atPath: repo.root + "/.git/objects/pack").filter { $0.hasSuffix(".idx") })
    }

    /// verify-pack -v: "id type size size-in-pack offset", and "depth base-id" after them for a delta.
    private func objectIDs(inPack index: String) throws -> [String] {
        try repo.git("verify-pack", "-v", ".git/objects/pack/" + index).split(separator: "\n")
            .map { String($0.prefix(while: { $0 != " " })) }.filter { $0.count == 40 }
    }
}
