import Foundation
import TrackerSimulator
import XCTest

/// The admin API's neutral item shape on the GitHub simulator: what a person would set, in GitHub's words.
final class GitHubNeutralItemTests: SimulatorTestCase {
    private func item(_ key: String) async throws -> [String: Any] {
        let items = try await http.admin("GET", "/_simulator/items").array
        return try XCTUnwrap(items.first { $0["key"] as? String == key })
    }

    func testANeutralItemBecomesAnIssueAndReadsBackTheSame() async throws {
        let answer = try await http.admin("POST", "/_simulator/items", [
            "title": "Neutral", "description": "## Summary\n\nFrom the web.\n", "state": "closed", "labels": ["bug", "ui"],
            "assignee": "ana", "priority": "high", "kind": "story",
        ])
        XCTAssertEqual(answer.status, 201, String(decoding: answer.body, as: UTF8.self))
        let added = answer.object
        XCTAssertEqual(added["key"] as? String, "acme/widgets#1", "the repository set up first is the default scope")
        XCTAssertEqual(added["scope"] as? String, "acme/widgets")
        XCTAssertEqual(added["description"] as? String, "## Summary\n\nFrom the web.\n")
        XCTAssertEqual(added["labels"] as? [String], ["bug", "ui"])
        XCTAssertEqual(added["assignee"] as? String, "ana")
        XCTAssertEqual(added["priority"] as? String, "high")
        XCTAssertEqual(added["kind"] as? String, "story")
        XCTAssertEqual(added["state_reason"] as? String, "completed", "GitHub's own members stay")

        // The API, which knows nothing of the neutral shape, shows the GitHub issue a person would have made.
        let issue = try await http.api("GET", "/repos/acme/widgets/issues/1").object
        XCTAssertEqual(issue["body"] as? String, "## Summary\n\nFrom the web.\n")
        XCTAssertEqual(issue["state"] as? String, "closed")
        XCTAssertEqual((issue["labels"] as? [[String: Any]])?.compactMap { $0["name"] as? String },
                       ["bug", "ui", "priority: high", "kind: story"])
        XCTAssertEqual((issue["assignees"] as? [[String: Any]])?.compactMap { $0["login"] as? String }, ["ana"])
        let listed = try await item("acme/widgets#1")
        XCTAssertEqual(listed["title"] as? String, "Neutral")
        XCTAssertEqual(listed["labels"] as? [String], ["bug", "ui"])
    }

    func testAChangeOfOneFieldKeepsTheOthersAndMovesUpdatedAt() async throws {
        let added = try await http.admin("POST", "/_simulator/items", [
            "title": "Keep", "labels": ["bug"], "priority": "low", "kind": "task", "assignee": "ana",
        ]).object
        try await http.admin("POST", "/_simulator/clock", ["advance_seconds": 60])
        let changed = try await http.admin("PATCH", "/_simulator/items/acme%2Fwidgets%231", ["priority": "high"])
        XCTAssertEqual(changed.status, 200)
        XCTAssertEqual(changed.object["priority"] as? String, "high")
        XCTAssertEqual(changed.object["labels"] as? [String], ["bug"])
        XCTAssertEqual(changed.object["kind"] as? String, "task")
        XCTAssertGreaterThan(try XCTUnwrap(changed.object["updated_at"] as? String), try XCTUnwrap(added["updated_at"] as? String))

        let relabelled = try await http.admin("PATCH", "/_simulator/items/acme%2Fwidgets%231",
                                              ["labels": ["ui"], "assignee": NSNull(), "kind": NSNull()])
        XCTAssertEqual(relabelled.object["labels"] as? [String], ["ui"])
        XCTAssertEqual(relabelled.object["priority"] as? String, "high", "plain labels leave the priority label alone")
        XCTAssertTrue(relabelled.object["kind"] is NSNull)
        XCTAssertTrue(relabelled.object["assignee"] is NSNull)
        let issue = try await http.api("GET", "/repos/acme/widgets/issues/1").object
        XCTAssertEqual((issue["labels"] as? [[String: Any]])?.compactMap { $0["name"] as? String }, ["ui", "priority: high"])
    }

    func testAnExtraWinsOverTheNeutralMemberItDuplicates() async throws {
        let added = try await http.admin("POST", "/_simulator/items", [
            "title": "Both", "description": "neutral text", "body": "GitHub's own body",
        ]).object
        XCTAssertEqual(added["description"] as? String, "GitHub's own body")
    }

    func testScopeChoosesTheRepositoryAndCannotMoveAnIssue() async throws {
        let elsewhere = try await http.admin("POST", "/_simulator/items", ["title": "Elsewhere", "scope": "other-org/other-repo"])
        XCTAssertEqual(elsewhere.object["key"] as? String, "other-org/other-repo#1")
        let moved = try await http.admin("PATCH", "/_simulator/items/other-org%2Fother-repo%231", ["scope": "acme/widgets"])
        XCTAssertEqual(moved.status, 422)
        let kept = try await item("other-org/other-repo#1")
        XCTAssertEqual(kept["scope"] as? String, "other-org/other-repo")
    }

    func testWrongTypesAreRefusedWithTheMemberNamed() async throws {
        let labels = try await http.admin("POST", "/_simulator/items", ["title": "x", "labels": "bug"])
        XCTAssertEqual(labels.status, 422)
        XCTAssertTrue((labels.object["message"] as? String ?? "").contains("\"labels\""), "\(labels.object)")
        let assignee = try await http.admin("PATCH", "/_simulator/items/acme%2Fwidgets%231", ["assignee": 7])
        XCTAssertEqual(assignee.status, 404, "no such item yet")
        try await http.admin("POST", "/_simulator/items", ["title": "y"])
        let wrong = try await http.admin("PATCH", "/_simulator/items/acme%2Fwidgets%231", ["assignee": 7])
        XCTAssertEqual(wrong.status, 422)
        XCTAssertTrue((wrong.object["message"] as? String ?? "").contains("\"assignee\""), "\(wrong.object)")
    }

    func testWithoutARepositoryTheScopeIsRequired() async throws {
        let bare = try await SimulatorServer.start(SimulatorOptions(kind: .github, token: token))
        defer { Task { await bare.stop() } }
        let answer = try await SimulatorHTTP(baseURL: bare.baseURL, token: token).admin("POST", "/_simulator/items", ["title": "x"])
        XCTAssertEqual(answer.status, 422)
        XCTAssertTrue((answer.object["message"] as? String ?? "").contains("scope"), "\(answer.object)")
    }
}
