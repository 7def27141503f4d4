import Foundation
import XCTest

/// Linear end to end: the built binary in a scratch repository against the Linear simulator (GraphQL, workflow
/// states, labels, people, re-rendered markdown, archived issues, rate limits).
final class LinearScenarioTests: LinearTestCase {
    func testAFullSyncPullsPushesCreatesAndTheNextSendsNothing() async throws {
        let keys = try await establish([("0001", "Alpha"), ("0002", "Beta")])
        XCTAssertEqual(Set(keys.values), ["ENG-1", "ENG-2"])
        let baselinePath = ".accelerator/state/integrations/linear/last-sync.json"
        try await sim.patch(keys["0001"]!, ["title": "Alpha, renamed in Linear", "state": "Done", "priority": "Urgent"])
        try await sim.addLinearIssue(["title": "Brand new Linear issue", "description": "## Summary\n\nFrom Linear.", "kind": "Bug",
                                      "labels": ["backend"], "assignee": "ana@example.invalid"])
        try await sim.addLinearIssue(["title": "Another team's issue", "scope": "OPS"])
        try editLocally("0002", "Second requirement", "Second requirement, sharpened")
        try editLocally("0002", "status: ready", "status: in-progress")
        try repo.commitAll("local edit")

        let result = try repo.sync()
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        let pulled = try XCTUnwrap(repo.read("meta/work/0001-item.md"))
        XCTAssertTrue(pulled.contains("title: \"Alpha, renamed in Linear\""), pulled)
        XCTAssertTrue(pulled.contains("status: done"), pulled)
        XCTAssertTrue(pulled.contains("priority: urgent"), pulled)
        XCTAssertTrue(pulled.contains("- Second requirement"), "the body came through: \(pulled)")
        let pushed = try await sim.item(keys["0002"]!)
        XCTAssertTrue((pushed?["description"] as? String ?? "").contains("Second requirement, sharpened"))
        XCTAssertEqual(pushed?["state"] as? String, "In Progress")
        let newFiles = repo.files(under: "meta/work").filter { !$0.hasPrefix("0001-") && !$0.hasPrefix("0002-") }
        XCTAssertEqual(newFiles, ["0003-brand-new-linear-issue.md"], "only ENG's issues are in scope")
        let created = try XCTUnwrap(repo.read("meta/work/0003-brand-new-linear-issue.md"))
        for expected in ["external_id: ENG-3", "kind: bug", "assignee: ana@example.invalid", "## Summary\n\nFrom Linear.", "backend"] {
            XCTAssertTrue(created.contains(expected), "\(expected) in \(created)")
        }
        let baseline = try XCTUnwrap(repo.read(baselinePath))
        XCTAssertTrue(baseline.contains("\"0003\""), baseline)

        try await sim.clearRequests()
        let before = try repo.snapshot()
        let again = try repo.sync()
        XCTAssertEqual(again.status, 0, again.stdout + again.stderr)
        XCTAssertTrue(again.stdout.contains("nothing to do"), again.stdout)
        XCTAssertEqual(try repo.snapshot(), before)
        let operations = try await sim.linearOperations()
        let writes = try await sim.linearWrites()
        XCTAssertEqual(writes, [])
        XCTAssertLessThanOrEqual(operations.count, 2, "a no-op sync is one or two requests: \(operations)")
    }

    func testLinearsReRenderedMarkdownIsNotAChange() async throws {
        try repo.write("meta/work/0001-item.md", workItem(id: "0001", title: "Styled", summary: "Some _emphasis_ and __strong__ words.",
            extraSections: "\n## Notes\n\n* one\n* two\n\n3. first\n9. second\n"))
        try repo.commitAll("a styled item")
        let first = try repo.sync("--push-new=all")
        XCTAssertEqual(first.status, 0, first.stdout + first.stderr)
        let key = try externalID("0001")
        let description = try await sim.item(key)?["description"] as? String
        let stored = try XCTUnwrap(description)
        XCTAssertTrue(stored.contains("*emphasis*") && stored.contains("- one") && stored.contains("4. second"), "Linear re-rendered it: \(stored)")
        let pushedText = try XCTUnwrap(repo.read("meta/work/0001-item.md"))

        // A change in Linear to the title only: the title is pulled, the body keeps the local spelling.
        try await sim.patch(key, ["title": "Styled, renamed"])
        try await sim.clearRequests()
        let pull = try repo.sync()
        XCTAssertEqual(pull.status, 0, pull.stdout + pull.stderr)
        let after = try XCTUnwrap(repo.read("meta/work/0001-item.md"))
        XCTAssertTrue(after.contains("Styled, renamed"), after)
        XCTAssertTrue(after.contains("* one\n* two") && after.contains("_emphasis_") && after.contains("9. second"),
                      "the local spelling stayed: \(after)")
        XCTAssertEqual(after.replacingOccurrences(of: "Styled, renamed", with: "Styled"), pushedText, "only the title changed")
        let writes = try await sim.linearWrites()
        XCTAssertEqual(writes, [])
    }

    func testMissingLabelsAreCreatedAndAnUnknownAssigneeNeedsTheUser() async throws {
        try repo.write("meta/work/0001-item.md", workItem(id: "0001", title: "Tagged", tags: ["brand-new-tag"]))
        try repo.write("meta/work/0002-item.md", workItem(id: "0002", title: "Assigned")
            .replacingOccurrences(of: "type: work-item", with: "assignee: Nobody Known\ntype: work-item"))
        try repo.write("meta/work/0003-item.md", workItem(id: "0003", title: "Ben's")
            .replacingOccurrences(of: "type: work-item", with: "assignee: Ben Okafor\ntype: work-item"))
        try repo.commitAll("items")
        let result = try repo.sync("--push-new=all", "--porcelain")
        XCTAssertEqual(result.status, 4, result.stdout + result.stderr)
        XCTAssertTrue(result.stdout.contains("0002\tcreate\tfailed\tassignee-unknown"), result.stdout)
        let tagged = try await sim.item(try externalID("0001"))
        XCTAssertEqual(tagged?["labels"] as? [String], ["brand-new-tag"])
        XCTAssertEqual(tagged?["kind"] as? String, "Feature", "a story carries Linear's Feature label")
        let bens = try await sim.item(try externalID("0003"))
        XCTAssertEqual(bens?["assignee"] as? String, "ben@example.invalid")
        let createdALabel = try await sim.linearWrites().contains("mutation:IssueLabelCreate")
        XCTAssertTrue(createdALabel)
        XCTAssertFalse(repo.read("meta/work/0002-item.md")!.contains("external_id"), "nothing was created for it")
    }

    func testAnArchivedIssueIsNeverPulledNewAndStaysArchived() async throws {
        try await sim.addLinearIssue(["title": "Archived long ago", "archived": true])
        let keys = try await establish([("0001", "Alpha")])
        let key = try XCTUnwrap(keys["0001"])
        XCTAssertEqual(repo.files(under: "meta/work"), ["0001-item.md"], "the archived issue was not pulled")
        try await sim.patch(key, ["archived": true])
        try editLocally("0001", "Something to do.", "Something else to do.")
        try repo.commitAll("edit an item archived in Linear")
        let result = try repo.sync()
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        XCTAssertTrue(result.stdout.contains("archived in Linear"), "the sync says so: \(result.stdout)")
        let remote = try await sim.item(key)
        XCTAssertFalse(remote?["archivedAt"] is NSNull, "still archived")
        XCTAssertTrue((remote?["description"] as? String ?? "").contains("Something else to do."))
    }

    func testCheckOnlineVerifiesTheKeyAndTheTeam() async throws {
        try repo.commitAll("configuration")
        let good = try repo.sync("check", "--online")
        XCTAssertEqual(good.status, 0, good.stdout + good.stderr)
        XCTAssertTrue(good.stdout.contains("team ENG (Engineering) found"), good.stdout)
        try repo.configureLinear(simulator: sim.url, team: "NOPE")
        try repo.commitAll("wrong team")
        let bad = try repo.sync("check", "--online")
        XCTAssertEqual(bad.status, 4, bad.stdout + bad.stderr)
        let line = try XCTUnwrap((bad.stdout + bad.stderr).split(separator: "\n").first { $0.contains("NOPE") })
        XCTAssertTrue(line.contains("ENG, OPS"), String(line))
    }

    func testAWrongKeyExits74AndIsNeverShown() async throws {
        try repo.write("meta/work/0001-item.md", workItem(id: "0001", title: "A"))
        try repo.commitAll("items")
        repo.environment["ACCELERATOR_LINEAR_TOKEN"] = "lin_api_wrong-secret-value"
        let result = try repo.sync()
        XCTAssertEqual(result.status, 74, result.stdout + result.stderr)
        XCTAssertFalse((result.stdout + result.stderr).contains("wrong-secret-value"))
        XCTAssertEqual(result.stderr.split(separator: "\n").count, 1, result.stderr)
    }

    func testARateLimitedRunWaitsAndFinishes() async throws {
        for n in 1...3 { try await sim.addLinearIssue(["title": "Remote \(n)"]) }
        try repo.commitAll("configuration")
        try await sim.fault(["ratelimit_remaining": 1, "ratelimit_reset_seconds": 1])
        let result = try repo.sync()
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        XCTAssertEqual(repo.files(under: "meta/work").count, 3)
    }

    func testTheKeyCanComeFromLinearAPIKey() async throws {
        try await sim.addLinearIssue(["title": "Via LINEAR_API_KEY"])
        repo.environment["ACCELERATOR_LINEAR_TOKEN"] = nil
        repo.environment["LINEAR_API_KEY"] = E2E.token
        try repo.commitAll("configuration")
        let result = try repo.sync()
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        XCTAssertEqual(repo.files(under: "meta/work").count, 1)
    }
}
