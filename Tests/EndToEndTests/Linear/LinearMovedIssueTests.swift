import Foundation
import XCTest

/// An issue that moves to another team gets a new identifier; the sync follows it by its id (kept in
/// last-sync.json) and rewrites the local key.
final class LinearMovedIssueTests: LinearTestCase {
    func testAnIssueMovedToAnotherTeamKeepsSyncingAndItsLocalKeyIsRewritten() async throws {
        let keys = try await establish([("0001", "Alpha")])
        XCTAssertEqual(keys["0001"], "ENG-1", "one item, the team's first issue")
        let baseline = try XCTUnwrap(repo.read(".accelerator/state/integrations/linear/last-sync.json"))
        let issueID = try await sim.item("ENG-1")?["id"] as? String
        let id = try XCTUnwrap(issueID)
        XCTAssertTrue(baseline.contains(id), "the issue's id is kept in the baseline to follow it: \(baseline)")

        try await sim.patch("ENG-1", ["team": "OPS", "title": "Alpha, now in Ops"])
        let result = try repo.sync()
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        XCTAssertEqual(repo.files(under: "meta/work"), ["0001-item.md"], "no second item for the moved issue")
        let text = try XCTUnwrap(repo.read("meta/work/0001-item.md"))
        XCTAssertTrue(text.contains("external_id: OPS-1"), "the local key follows the issue: \(text)")
        XCTAssertTrue(text.contains("Alpha, now in Ops"), text)

        try editLocally("0001", "Something to do.", "Edited after the move.")
        try repo.commitAll("edit after the move")
        let push = try repo.sync()
        XCTAssertEqual(push.status, 0, push.stdout + push.stderr)
        let description = try await sim.item("OPS-1")?["description"] as? String
        XCTAssertTrue((description ?? "").contains("Edited after the move."))
    }
}
