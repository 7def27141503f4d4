import Foundation
import XCTest

/// The human loop (issue 4) driven through a real pseudo-terminal, as a person would use it.
final class InteractiveTests: SimulatorTestCase {
    /// Two tracked items that then change differently on both sides.
    private func makeConflicts(_ ids: [String]) async throws -> [String: String] {
        for id in ids { try repo.write("meta/work/\(id)-item.md", workItem(id: id, title: "Item \(id)")) }
        try repo.commitAll("items")
        XCTAssertEqual(try repo.sync("--push-new=all").status, 0)
        var keys: [String: String] = [:]
        for id in ids {
            let text = repo.read("meta/work/\(id)-item.md")!
            keys[id] = String(text.split(separator: "\n").first { $0.hasPrefix("external_id:") }!.dropFirst(13))
            try await sim.patch(keys[id]!, ["body": "## Summary\n\nRemote words for \(id).\n"])
            try repo.write("meta/work/\(id)-item.md", text.replacingOccurrences(of: "Something to do.", with: "Local words for \(id)."))
        }
        try repo.commitAll("local edits")
        return keys
    }

    private func session(_ args: String...) throws -> TerminalSession {
        try TerminalSession(BuiltProducts.syncBinary, args, in: repo.root, environment: repo.environment)
    }

    private func remoteBody(_ key: String) async throws -> String {
        try await sim.item(key)?["body"] as? String ?? ""
    }

    func testEnterTakesTheRemoteDefault() async throws {
        _ = try await makeConflicts(["0001"])
        let t = try session()
        t.expect("-Local words for 0001.")
        t.expect("+Remote words for 0001.")
        t.expect("[r]emote (default")
        t.send("\n")
        XCTAssertEqual(t.wait(), 0, t.text)
        XCTAssertTrue(repo.read("meta/work/0001-item.md")!.contains("Remote words for 0001."))
    }

    func testLocalOverridePushesAndIsLogged() async throws {
        let keys = try await makeConflicts(["0001"])
        let t = try session()
        t.expect("[r]emote (default")
        t.send("l\n")
        XCTAssertEqual(t.wait(), 0, t.text)
        let body = try await remoteBody(keys["0001"]!)
        XCTAssertTrue(body.contains("Local words for 0001."), body)
        let log = try XCTUnwrap(repo.read(".accelerator/state/integrations/github-issues/sync.log"))
        XCTAssertTrue(log.contains("\t0001\t\(keys["0001"]!)\tlocal\tTest Author") || log.contains("\t0001\t\(keys["0001"]!)\tlocal\t"), log)
        XCTAssertTrue(try repo.git("log", "-1", "--format=%B").contains("Sync-Resolved: 0001 local"))
    }

    func testSkipLeavesBothSidesAlone() async throws {
        let keys = try await makeConflicts(["0001"])
        let before = repo.read("meta/work/0001-item.md")
        let t = try session()
        t.expect("[r]emote (default")
        t.send("s\n")
        _ = t.wait()
        XCTAssertEqual(repo.read("meta/work/0001-item.md"), before)
        let body = try await remoteBody(keys["0001"]!)
        XCTAssertTrue(body.contains("Remote words"), body)
    }

    func testGarbageIsAskedAgainThenAnswered() async throws {
        _ = try await makeConflicts(["0001"])
        let t = try session()
        t.expect("[r]emote (default")
        t.send("maybe\n")
        t.expect("is not an answer")
        t.expect("[r]emote (default")
        t.send("r\n")
        XCTAssertEqual(t.wait(), 0, t.text)
        XCTAssertTrue(repo.read("meta/work/0001-item.md")!.contains("Remote words for 0001."))
    }

    func testQuitMidwayKeepsTheFirstDecisionAndLeavesTheRest() async throws {
        let keys = try await makeConflicts(["0001", "0002"])
        let t = try session()
        t.expect("Conflict 1/2")
        t.send("l\n")
        t.expect("Conflict 2/2")
        t.send("q\n")
        XCTAssertEqual(t.wait(), 4, t.text)
        let first = try await remoteBody(keys["0001"]!)
        XCTAssertTrue(first.contains("Local words for 0001."), first)
        XCTAssertTrue(repo.read("meta/work/0002-item.md")!.contains("Local words for 0002."))
        let second = try await remoteBody(keys["0002"]!)
        XCTAssertTrue(second.contains("Remote words for 0002."), second)
    }

    func testCtrlCMidwayStopsCleanly() async throws {
        _ = try await makeConflicts(["0001", "0002"])
        let t = try session()
        t.expect("Conflict 1/2")
        t.send("r\n")
        t.expect("Conflict 2/2")
        t.interrupt()
        let status = t.wait()
        XCTAssertEqual(status, 130, t.text)
        XCTAssertTrue(repo.read("meta/work/0001-item.md")!.contains("Remote words for 0001."), "a decided item stays decided")
        XCTAssertTrue(repo.read("meta/work/0002-item.md")!.contains("Local words for 0002."))
        XCTAssertEqual(try repo.git("status", "--porcelain"), "", "nothing half-written")
    }

    func testEndOfInputStopsAsking() async throws {
        _ = try await makeConflicts(["0001"])
        let t = try session()
        t.expect("[r]emote (default")
        t.endInput()
        XCTAssertEqual(t.wait(), 4, t.text)
        XCTAssertTrue(repo.read("meta/work/0001-item.md")!.contains("Local words for 0001."))
    }

    func testBatchPushAllAndDeclineAll() async throws {
        for n in 1...3 { try repo.write("meta/work/000\(n)-new.md", workItem(id: "000\(n)", title: "New \(n)")) }
        try repo.commitAll("items")
        let t = try session()
        t.expect("Push 0001 \"New 1\" to GitHub Issues as")
        t.send("n\n")
        t.expect("Push 0002 \"New 2\"")
        t.send("a\n")
        XCTAssertEqual(t.wait(), 0, t.text)
        let titles = try await sim.items().compactMap { $0["title"] as? String }.sorted()
        XCTAssertEqual(titles, ["New 2", "New 3"])
        XCTAssertFalse(repo.read("meta/work/0001-new.md")!.contains("external_id"))

        let again = try session()
        again.expect("Push 0001 \"New 1\"")
        again.send("d\n")
        XCTAssertEqual(again.wait(), 0, again.text)
        let after = try await sim.items()
        XCTAssertEqual(after.count, 2)
    }
}
