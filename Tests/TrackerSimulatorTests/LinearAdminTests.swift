import Foundation
import TrackerSimulator
import XCTest

/// The admin API in the neutral shape, Linear's extras, set-up, reset, the state file and the seeds.
final class LinearAdminTests: LinearTestCase {
    func testTheNeutralShapeGoesInAndComesBack() async throws {
        try await http.admin("POST", "/_simulator/setup", ["users": [["email": "ana@example.com", "displayName": "Ana Alves"]]])
        let item = try await addItem(["title": "Neutral", "description": "## Summary\n\n* point", "state": "In Review",
                                      "labels": ["backend", "ui"], "assignee": "Ana Alves", "priority": "urgent", "kind": "Bug"])
        XCTAssertEqual(item["key"] as? String, "ENG-1")
        XCTAssertEqual(item["scope"] as? String, "ENG")
        XCTAssertEqual(item["title"] as? String, "Neutral")
        XCTAssertEqual(item["description"] as? String, "## Summary\n\n- point", "stored as Linear writes markdown")
        XCTAssertEqual(item["state"] as? String, "In Review")
        XCTAssertEqual(item["labels"] as? [String], ["backend", "ui"])
        XCTAssertEqual(item["assignee"] as? String, "ana@example.com")
        XCTAssertEqual(item["priority"] as? String, "Urgent")
        XCTAssertEqual(item["kind"] as? String, "Bug")
        XCTAssertNotNil(UUID(uuidString: item["id"] as? String ?? ""))

        let changed = try await http.admin("PATCH", "/_simulator/items/ENG-1", ["state": "Done", "kind": NSNull(), "priority": NSNull()]).object
        XCTAssertEqual(changed["state"] as? String, "Done")
        XCTAssertTrue(changed["kind"] is NSNull)
        XCTAssertTrue(changed["priority"] is NSNull)
        XCTAssertEqual(changed["labels"] as? [String], ["backend", "ui"], "labels other than the kind stay")
        let graph = try await data("{ issues { nodes { state { type } completedAt priority } } }")
        let issue = try XCTUnwrap(Self.nodes(graph["issues"]).first)
        XCTAssertEqual((issue["state"] as? [String: Any])?["type"] as? String, "completed")
        XCTAssertNotNil(issue["completedAt"] as? String)
    }

    func testBadAdminInputIsAOneLineError() async throws {
        for (body, word) in [(["title": 3] as [String: Any], "title"), (["title": "x", "state": "Nowhere"], "Nowhere"),
                             (["title": "x", "scope": "NOPE"], "NOPE"), (["title": "x", "colour": "red"], "colour"),
                             (["title": "x", "kind": "Epic"], "kind")] {
            let answer = try await http.admin("POST", "/_simulator/items", body)
            XCTAssertEqual(answer.status, 400, "\(body)")
            let message = answer.object["message"] as? String ?? ""
            XCTAssertTrue(message.contains(word), message)
            XCTAssertFalse(message.contains("\n"))
        }
        let missing = try await http.admin("PATCH", "/_simulator/items/ENG-9", ["title": "x"])
        XCTAssertEqual(missing.status, 404)
    }

    func testACommentMovesOnlyUpdatedAtAndDeleteRemoves() async throws {
        let item = try await addItem(["title": "Quiet"])
        let commented = try await http.admin("PATCH", "/_simulator/items/ENG-1", ["comment": true]).object
        XCTAssertGreaterThan(commented["updatedAt"] as? String ?? "", item["updatedAt"] as? String ?? "")
        XCTAssertEqual(commented["title"] as? String, "Quiet")
        let deleted = try await http.admin("DELETE", "/_simulator/items/ENG-1")
        XCTAssertEqual(deleted.status, 204)
        let answer = try await graphql("{ issue(id: \"ENG-1\") { id } }")
        XCTAssertEqual(messages(answer), ["Entity not found: Issue"])
    }

    func testResetGoesBackToTheStartWithoutTurningTheClockBack() async throws {
        let item = try await addItem(["title": "Temporary"])
        try await http.admin("POST", "/_simulator/reset")
        let left = try await http.admin("GET", "/_simulator/items").array
        XCTAssertEqual(left.count, 0)
        let after = try await addItem(["title": "After reset"])
        XCTAssertEqual(after["key"] as? String, "ENG-1")
        XCTAssertGreaterThan(after["updatedAt"] as? String ?? "", item["updatedAt"] as? String ?? "")
    }
}

/// `--state FILE`: every change is saved, and a restarted simulator carries on from it.
final class LinearStateFileTests: XCTestCase {
    func testAChangeSurvivesARestart() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("linear-state-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: file) }
        let first = try await SimulatorServer.start(SimulatorOptions(kind: .linear, token: "k", stateFile: file))
        let http = SimulatorHTTP(baseURL: first.baseURL, token: "k")
        try await http.admin("POST", "/_simulator/setup", ["teams": [["key": "OPS"]]])
        _ = try await http.admin("POST", "/_simulator/items", ["title": "Persisted", "scope": "OPS"])
        _ = try await http.admin("PATCH", "/_simulator/items/OPS-1", ["team": "ENG"])
        await first.stop()

        let second = try await SimulatorServer.start(SimulatorOptions(kind: .linear, token: "k", stateFile: file))
        let again = SimulatorHTTP(baseURL: second.baseURL, token: "k")
        let answer = try await again.api("POST", "/graphql", ["query": "{ issue(id: \"OPS-1\") { identifier title } }"], authorization: .some("k"))
        let issue = (answer.object["data"] as? [String: Any])?["issue"] as? [String: Any]
        XCTAssertEqual(issue?["identifier"] as? String, "ENG-1", "the previous identifier still resolves after a restart")
        XCTAssertEqual(issue?["title"] as? String, "Persisted")
        await second.stop()
    }
}

/// `tracker-simulator linear …` as scripts and the demo use it.
final class LinearExecutableTests: XCTestCase {
    func testItServesTheSeededDemoAndGeneratedIssues() async throws {
        let simulator = try SimulatorProcess(["linear", "--port", "0", "--token", "T", "--seed-demo", "--seed-issues", "3",
                                              "--seed-project", "LOAD", "--email", "dev@example.com"])
        let http = SimulatorHTTP(baseURL: simulator.baseURL, token: "T")
        let viewer = try await http.api("POST", "/graphql", ["query": "{ viewer { email } }"], authorization: .some("T")).object
        XCTAssertEqual(((viewer["data"] as? [String: Any])?["viewer"] as? [String: Any])?["email"] as? String, "dev@example.com")
        let keys = try await http.admin("GET", "/_simulator/items").array.compactMap { $0["key"] as? String }
        XCTAssertEqual(keys.filter { $0.hasPrefix("ENG-") }.count, 5, "the demo")
        XCTAssertEqual(keys.filter { $0.hasPrefix("LOAD-") }, ["LOAD-1", "LOAD-2", "LOAD-3"])
        let demo = try await http.admin("GET", "/_simulator/items").array.first { $0["key"] as? String == "ENG-1" }
        XCTAssertEqual(demo?["kind"] as? String, "Bug")
        XCTAssertEqual(demo?["state"] as? String, "In Progress")
        simulator.stop()
        XCTAssertEqual(simulator.process.terminationStatus, 0)
    }
}
