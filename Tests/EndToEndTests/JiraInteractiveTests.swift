import Foundation
import XCTest

/// The human loop through a pseudo-terminal with `work.integration: jira`: the prompts work on the normalised
/// projection, so they behave as they do for GitHub while the writes go through ADF and issue types.
final class JiraInteractiveTests: JiraTestCase {
    private func session(_ args: String...) throws -> TerminalSession {
        try TerminalSession(BuiltProducts.syncBinary, args, in: repo.root, environment: repo.environment)
    }

    private func makeConflicts(_ ids: [String]) async throws -> [String: String] {
        let keys = try await establish(ids.map { ($0, "Item \($0)") })
        for id in ids {
            try await sim.patchJira(keys[id]!, fields: ["description": ADFDoc.sections([("Summary", "Remote words for \(id).")])])
            try editLocally(id, "Something to do.", "Local words for \(id).")
        }
        try repo.commitAll("local edits")
        return keys
    }

    func testRemoteForOneLocalForTheOtherThroughThePrompt() async throws {
        let keys = try await makeConflicts(["0001", "0002"])
        let t = try session()
        t.expect("Conflict 1/2: 0001")
        t.expect("+Remote words for 0001.")
        t.expect("[r]emote (default")
        t.send("\n")
        t.expect("Conflict 2/2: 0002")
        t.expect("[r]emote (default")
        t.send("l\n")
        XCTAssertEqual(t.wait(), 0, t.text)
        XCTAssertTrue(repo.read("meta/work/0001-item.md")!.contains("Remote words for 0001."))
        let pushed = try await sim.jiraFields(keys["0002"]!)
        XCTAssertTrue(ADFDoc.plainText(pushed["description"]).contains("Local words for 0002."))
        let log = try XCTUnwrap(repo.read(".accelerator/state/integrations/jira/sync.log"))
        XCTAssertTrue(log.contains("\t0001\t\(keys["0001"]!)\tremote\t"), log)
        XCTAssertTrue(log.contains("\t0002\t\(keys["0002"]!)\tlocal\t"), log)
    }

    func testThePushOfferNamesTheIssueTypeAndBatchAcceptsTheRest() async throws {
        try repo.write("meta/work/0001-new.md", workItem(id: "0001", title: "A bug", kind: "bug"))
        try repo.write("meta/work/0002-new.md", workItem(id: "0002", title: "An epic", kind: "epic"))
        try repo.write("meta/work/0003-new.md", workItem(id: "0003", title: "A story"))
        try repo.commitAll("items")
        let t = try session()
        t.expect("Push 0001 \"A bug\" to Jira as a Bug? [y/N/a/d/q]")
        t.send("n\n")
        t.expect("Push 0002 \"An epic\" to Jira as an Epic?")
        t.send("a\n")
        XCTAssertEqual(t.wait(), 0, t.text)
        let types = try await sim.items().compactMap { (($0["fields"] as? [String: Any])?["issuetype"] as? [String: Any])?["name"] as? String }
        XCTAssertEqual(types.sorted(), ["Epic", "Story"])
        XCTAssertFalse(repo.read("meta/work/0001-new.md")!.contains("external_id"))
        XCTAssertTrue(repo.read("meta/work/0003-new.md")!.contains("external_id: ENG-"))
    }
}
