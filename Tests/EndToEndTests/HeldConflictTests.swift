import Foundation
import XCTest

/// A conflict waits for the user however many runs go by. It is held by the remote read: the watermark stays put
/// and every run reads the remote change again. An unchanged listing of more than one page answers its first page
/// with a 304; the pages behind it must still be read, or the remote change drops out of sight and the next run
/// pushes the local edit as if nothing had changed remotely.
final class HeldConflictTests: SimulatorTestCase {
    func testAConflictOnALaterPageIsStillAConflictWhenNothingChanged() async throws {
        try await pullNewIssues(120)
        // Issues are listed oldest first, a hundred to a page: the newest is on the second page.
        let key = "acme/widgets#120"
        let name = try XCTUnwrap(repo.files(under: "meta/work").first { repo.externalID(of: "meta/work/" + $0) == key })
        _ = try await sim.patch(key, ["title": "Renamed on GitHub"])
        try repo.write("meta/work/" + name, try XCTUnwrap(repo.read("meta/work/" + name)).replacingOccurrences(of: "Item 120.", with: "Edited here."))
        try repo.commitAll("local edit")

        for run in 1...3 {
            let result = try repo.sync()
            XCTAssertEqual(result.status, 4, "run \(run): \(result.stdout + result.stderr)")
            XCTAssertTrue(result.stdout.contains("1 conflict"), "run \(run): \(result.stdout)")
        }
        let remote = try await sim.item(key)
        XCTAssertEqual(remote?["title"] as? String, "Renamed on GitHub")
        XCTAssertFalse((remote?["body"] as? String ?? "").contains("Edited here."), "the local edit was never pushed")
        XCTAssertTrue(try XCTUnwrap(repo.read("meta/work/" + name)).contains("Edited here."))
    }
}
