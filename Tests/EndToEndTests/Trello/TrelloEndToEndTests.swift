import Foundation
import XCTest

/// What only Trello has, end to end against the built binary (the shared scenarios run in `Conformance`): its
/// settings, lists as statuses, the 16,384-character limit, archived cards, the markdown Trello rewrites, the
/// invisible create marker, and the request budget of a sync with nothing to do.
final class TrelloEndToEndTests: TrelloTestCase {
    private func json(_ result: RunResult) throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], result.stdout + result.stderr)
    }

    /// A sync that finds nothing to do, and its requests (method and path, no query).
    private func syncFindingNothingToDo() async throws -> [String] {
        try await sim.clearRequests()
        let result = try repo.sync()
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        XCTAssertTrue(result.stdout.contains("nothing to do"), result.stdout)
        return try await sim.requests().map { "\($0.method) \($0.path.split(separator: "?")[0])" }
    }

    private func item(_ id: String, in report: [String: Any]) throws -> [String: Any] {
        try XCTUnwrap((report["items"] as? [[String: Any]])?.first { $0["id"] as? String == id }, "\(report)")
    }

    func testMissingTrelloSettingsAreOneLineErrorsAndTheKeyMayComeFromTheEnvironment() throws {
        try repo.write(".accelerator/config.md", "---\nwork:\n  integration: trello\ntrello:\n  board_id: EngBoard\n  api_url: \(sim.url)\n---\n")
        try repo.write("meta/work/0001-item.md", workItem(id: "0001", title: "A"))
        try repo.commitAll("init")
        let missing = try repo.sync()
        XCTAssertEqual(missing.status, 74, missing.stdout + missing.stderr)
        XCTAssertTrue(missing.stderr.contains("trello.key"), missing.stderr)
        XCTAssertEqual(missing.stderr.split(separator: "\n").count, 1, missing.stderr)

        repo.environment["TRELLO_API_KEY"] = Self.key
        let fromEnvironment = try repo.sync("--pull-only")
        XCTAssertEqual(fromEnvironment.status, 0, fromEnvironment.stdout + fromEnvironment.stderr)

        repo.environment["TRELLO_API_KEY"] = "ffffffffffffffffffffffffffffffff"
        let wrong = try repo.sync("--pull-only")
        XCTAssertEqual(wrong.status, 74, wrong.stdout + wrong.stderr)
        XCTAssertTrue(wrong.stderr.contains("trello.key"), wrong.stderr)
        XCTAssertFalse((wrong.stdout + wrong.stderr).contains("ffffffffffffffffffffffffffffffff"))
    }

    func testCheckOnlineVerifiesKeyTokenAndBoard() throws {
        try repo.write(".accelerator/config.md", "---\nwork:\n  integration: trello\n  default_project_code: backend\ntrello:\n  key: \(Self.key)\n  board_id: EngBoard\n  api_url: \(sim.url)\n---\n")
        try repo.commitAll("init")
        let check = try repo.sync("check", "--online")
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
        for expected in ["@simuser", "board 'Engineering' (EngBoard)", "in-progress → Doing", "scope label 'backend'"] {
            XCTAssertTrue(check.stdout.contains(expected), "\(expected) not in: \(check.stdout)")
        }
        try repo.write(".accelerator/config.md", "---\nwork:\n  integration: trello\ntrello:\n  key: \(Self.key)\n  board_id: NoBoard1\n  api_url: \(sim.url)\n---\n")
        try repo.commitAll("another board")
        let noBoard = try repo.sync("check", "--online")
        XCTAssertEqual(noBoard.status, 4, noBoard.stdout + noBoard.stderr)
        XCTAssertTrue((noBoard.stdout + noBoard.stderr).contains("NoBoard1"), noBoard.stdout + noBoard.stderr)
        XCTAssertFalse((noBoard.stdout + noBoard.stderr).contains(E2E.token))
    }

    func testAStatusWithoutAListFailsThatItemWithListMissing() async throws {
        let keys = try await establish([("0001", "Alpha"), ("0002", "Beta")])
        try editLocally("0001", "status: ready", "status: abandoned")
        try editLocally("0002", "Something to do.", "Something else to do.")
        try repo.commitAll("abandon one, edit the other")
        let result = try repo.sync("--json")
        XCTAssertEqual(result.status, 4, "the user must act: " + result.stdout + result.stderr)
        let report = try json(result)
        let failed = try item("0001", in: report)
        XCTAssertEqual(failed["state"] as? String, "failed")
        XCTAssertEqual(failed["reason"] as? String, "list-missing")
        XCTAssertTrue((failed["message"] as? String ?? "").contains("trello.status_map.abandoned"), "\(failed)")
        XCTAssertEqual(try item("0002", in: report)["state"] as? String, "done", "the other item goes on")
        let alpha = try await card(keys["0001"]!)
        XCTAssertEqual(alpha["state"] as? String, "To Do")
        let porcelain = try repo.sync("--porcelain")
        XCTAssertEqual(porcelain.status, 4)
        XCTAssertEqual(porcelainLine(porcelain.stdout, id: "0001"), "0001\tpush\tfailed\tlist-missing")
    }

    func testADescriptionOverTrellosLimitFailsThatItemAndNothingIsCut() async throws {
        let keys = try await establish([("0001", "Long")])
        let long = String(repeating: "word ", count: 3_300)
        try editLocally("0001", "Something to do.", long)
        try repo.commitAll("a very long description")
        let before = try repo.snapshot()
        let result = try repo.sync("--porcelain")
        XCTAssertEqual(result.status, 4, result.stdout + result.stderr)
        XCTAssertEqual(porcelainLine(result.stdout, id: "0001"), "0001\tpush\tfailed\tdescription-too-long")
        XCTAssertEqual(try repo.snapshot(), before, "the file is left as it is")
        let remote = try await card(keys["0001"]!)
        XCTAssertFalse((remote["description"] as? String ?? "").contains("word word"), "nothing was sent")
        let writes = try await trelloWrites()
        XCTAssertEqual(writes, [])
    }

    func testAnArchivedCardIsReportedAndStaysArchived() async throws {
        let keys = try await establish([("0001", "Archived in Trello")])
        try await sim.patch(keys["0001"]!, ["closed": true])
        try editLocally("0001", "Something to do.", "Edited after it was archived.")
        try repo.commitAll("local edit")
        let result = try repo.sync("--porcelain")
        XCTAssertEqual(result.status, 4, result.stdout + result.stderr)
        XCTAssertEqual(porcelainLine(result.stdout, id: "0001"), "0001\tpush\tfailed\tremote-archived")
        let archived = try await card(keys["0001"]!)
        XCTAssertEqual(archived["closed"] as? Bool, true)
        XCTAssertFalse((archived["description"] as? String ?? "").contains("Edited after"), "nothing was written to it")
    }

    func testTheCreateMarkerNeverStaysInTrelloOrReachesAFile() async throws {
        let keys = try await establish([("0001", "Made here")])
        let made = try await card(keys["0001"]!)
        XCTAssertFalse((made["description"] as? String ?? "").contains("git-sync-work-items"), "\(made)")
        XCTAssertFalse(try XCTUnwrap(repo.read("meta/work/0001-item.md")).contains("git-sync-work-items:"))
        XCTAssertEqual(made["state"] as? String, "To Do")
    }

    func testTrelloRewritingADescriptionsMarkdownIsNoChange() async throws {
        try repo.write("meta/work/0001-item.md", workItem(id: "0001", title: "Rewritten",
            extraSections: "\n## Notes\n\n* first\n* second\n\nSome *emphasis*.\n"))
        try repo.commitAll("item")
        let first = try repo.sync("--push-new=all")
        XCTAssertEqual(first.status, 0, first.stdout + first.stderr)
        let text = try XCTUnwrap(repo.read("meta/work/0001-item.md"))
        let key = try XCTUnwrap(text.split(separator: "\n").first { $0.hasPrefix("external_id:") }?.split(separator: " ").last)
        let remote = try await card(String(key))
        let rewritten = (remote["description"] as? String ?? "").replacingOccurrences(of: "* first", with: "- first")
            .replacingOccurrences(of: "* second", with: "- second").replacingOccurrences(of: "*emphasis*", with: "_emphasis_")
        XCTAssertNotEqual(rewritten, remote["description"] as? String, "Trello's spelling differs from the file's")
        try await sim.advanceClock(seconds: 5)
        try await sim.patch(String(key), ["description": rewritten])
        try await sim.clearRequests()
        let again = try repo.sync("--porcelain")
        XCTAssertEqual(again.status, 0, again.stdout + again.stderr)
        XCTAssertEqual(repo.read("meta/work/0001-item.md"), text, "the file keeps its own spelling: \(again.stdout)")
        let writes = try await trelloWrites()
        XCTAssertEqual(writes, [], "and nothing goes back to Trello")
    }

    func testASyncWithNothingToDoAfterAPullMakesTwoRequests() async throws {
        try await sim.advanceClock(seconds: -600)
        for title in ["One", "Two", "Three"] { _ = try await sim.admin("POST", "/_simulator/items", ["title": title]) }
        try await sim.advanceClock(seconds: 600)
        try repo.commitAll("configuration")
        let pull = try repo.sync()
        XCTAssertEqual(pull.status, 0, pull.stdout + pull.stderr)
        XCTAssertEqual(repo.files(under: "meta/work").count, 3)
        let requests = try await syncFindingNothingToDo()
        XCTAssertEqual(requests.count, 2, "\(requests)")
        XCTAssertTrue(requests.allSatisfy { $0.hasPrefix("GET ") }, "\(requests)")
    }

    /// The board's activity overlaps the last read by minutes; cards the repository already holds as of their last
    /// action (pulled, or pushed by the last sync) are not read again, in a settled run or a full one.
    func testCardsTheLastSyncLeftInStepAreNotReadAgain() async throws {
        let keys = try await establish([("0001", "One"), ("0002", "Two"), ("0003", "Three")])
        try await sim.advanceClock(seconds: 5)
        _ = try await sim.patch(keys["0001"]!, ["title": "One, renamed in Trello"])
        try editLocally("0002", "Something to do.", "Something else to do.")
        try repo.commitAll("local edit")
        let both = try repo.sync()
        XCTAssertEqual(both.status, 0, both.stdout + both.stderr)
        XCTAssertTrue(both.stdout.contains("1 pulled, 1 pushed"), both.stdout)

        let settledReads = try await syncFindingNothingToDo()
        XCTAssertEqual(settledReads.count, 2, "board and actions: \(settledReads)")

        try editLocally("0003", "Something to do.", "Something more to do.")
        try repo.commitAll("another local edit")
        try await sim.clearRequests()
        let push = try repo.sync()
        XCTAssertEqual(push.status, 0, push.stdout + push.stderr)
        XCTAssertTrue(push.stdout.contains("1 pushed"), push.stdout)
        let pushReads = try await sim.requests().filter { $0.method == "GET" }.map { String($0.path.split(separator: "?")[0]) }
        XCTAssertFalse(pushReads.contains("/1/batch"), "no card is read again: \(pushReads)")
        let pulled = try await card(keys["0001"]!)
        XCTAssertEqual(pulled["title"] as? String, "One, renamed in Trello")
        XCTAssertTrue(try XCTUnwrap(repo.read("meta/work/0001-item.md")).contains("One, renamed in Trello"))
    }
}
