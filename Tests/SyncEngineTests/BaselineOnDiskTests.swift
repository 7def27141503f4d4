import Foundation
import XCTest
@testable import SyncEngine

/// `last-sync.json` decoded on another thread while the scan runs: the same baseline `load()` gives, the scan's
/// value beside it, and the file's error first when both fail, as when the file was loaded before the scan.
final class BaselineOnDiskTests: XCTestCase {
    private var root: String!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("baseline-\(UUID())").path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: root) }

    private func write(_ text: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: root + "/last-sync.json"))
    }

    func testLoadingBesideTheScanGivesWhatLoadGivesAndTheScansValue() async throws {
        var baseline = Baseline()
        baseline.items["0001"] = BaselineEntry(remoteUpdatedAt: "2026-12-01T10:00:00Z", remoteHash: "r1", localHash: "l1", localBlob: nil)
        try write(baseline.encoded())

        let (loaded, value) = try await BaselineOnDisk(root: root, path: "last-sync.json").load { () throws(SyncFailure) in 42 }

        XCTAssertEqual(loaded, try BaselineOnDisk(root: root, path: "last-sync.json").load())
        XCTAssertEqual(loaded.items["0001"]?.remoteHash, "r1")
        XCTAssertEqual(value, 42)
    }

    func testTheFilesErrorComesBeforeTheScans() async throws {
        try write("{ not a baseline")
        do {
            _ = try await BaselineOnDisk(root: root, path: "last-sync.json").load { () throws(SyncFailure) -> Int in
                throw SyncFailure(exitCode: 1, message: "the scan failed")
            }
            XCTFail("a broken baseline must stop the run")
        } catch {
            XCTAssertEqual(error.exitCode, 4)
            XCTAssertTrue(error.message.contains("last-sync.json"), error.message)
        }
    }

    func testTheScansErrorStandsWhenTheFileIsFine() async throws {
        do {
            _ = try await BaselineOnDisk(root: root, path: "last-sync.json").load { () throws(SyncFailure) -> Int in
                throw SyncFailure(exitCode: 1, message: "the scan failed")
            }
            XCTFail("the scan's failure must stop the run")
        } catch {
            XCTAssertEqual(error.exitCode, 1)
            XCTAssertEqual(error.message, "the scan failed")
        }
    }
}
