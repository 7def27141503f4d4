import Foundation
import TrackerSimulator
import XCTest

/// The admin API shared by every simulated tracker: items, the request log, faults, reset.
final class AdminAPITests: SimulatorTestCase {
    func testItemsCanBeAddedChangedAndDeletedAsARemoteUserWould() async throws {
        let added = try await http.addItem(["title": "Remote", "body": "From the web", "labels": ["bug"], "user": "carla",
                                           "state": "closed", "state_reason": "not_planned", "assignees": ["dora"]])
        XCTAssertEqual(added["key"] as? String, "acme/widgets#1")
        XCTAssertEqual((added["user"] as? [String: Any])?["login"] as? String, "carla")
        XCTAssertEqual(added["state_reason"] as? String, "not_planned")
        XCTAssertNotNil(added["closed_at"] as? String)

        // A user the admin API introduced is known to the API from then on.
        let assigned = try await http.api("POST", "/repos/acme/widgets/issues", ["title": "For dora", "assignees": ["dora"]])
        XCTAssertEqual(assigned.status, 201)

        let changed = try await http.admin("PATCH", "/_simulator/items/acme%2Fwidgets%231",
                                           ["title": "Remote, edited", "state": "open", "assignees": ["erin"], "comments": 2])
        XCTAssertEqual(changed.status, 200)
        XCTAssertEqual(changed.object["key"] as? String, "acme/widgets#1")
        XCTAssertEqual(changed.object["comments"] as? Int, 2)
        XCTAssertEqual(changed.object["state_reason"] as? String, "reopened")
        XCTAssertGreaterThan(try XCTUnwrap(changed.object["updated_at"] as? String), try XCTUnwrap(added["updated_at"] as? String))
        let fetched = try await http.api("GET", "/repos/acme/widgets/issues/1")
        XCTAssertEqual(fetched.object["title"] as? String, "Remote, edited")

        let all = try await http.admin("GET", "/_simulator/items").array
        XCTAssertEqual(all.compactMap { $0["key"] as? String }, ["acme/widgets#1", "acme/widgets#2"])

        let deleted = try await http.admin("DELETE", "/_simulator/items/acme%2Fwidgets%231")
        XCTAssertEqual(deleted.status, 204)
        let gone = try await http.api("GET", "/repos/acme/widgets/issues/1")
        XCTAssertEqual(gone.status, 404)
        let again = try await http.admin("DELETE", "/_simulator/items/acme%2Fwidgets%231")
        XCTAssertEqual(again.status, 404)
        let next = try await http.api("POST", "/repos/acme/widgets/issues", ["title": "Next"])
        XCTAssertEqual(next.object["number"] as? Int, 3, "numbers are never reused")
    }

    func testAddingToANewRepositoryCreatesItWithAnID() async throws {
        try await http.addItem(["title": "Elsewhere"], repository: "other-org/other-repo")
        let list = try await http.api("GET", "/repos/other-org/other-repo/issues")
        XCTAssertEqual(titles(list), ["Elsewhere"])
        let bad = try await http.admin("POST", "/_simulator/items", ["repository": "not a repository", "title": "x"])
        XCTAssertEqual(bad.status, 422)
        let noTitle = try await http.admin("POST", "/_simulator/items", ["repository": "acme/widgets"])
        XCTAssertEqual(noTitle.status, 422)
    }

    func testTheRequestLogRecordsTrackerRequestsOnly() async throws {
        try await http.api("GET", "/repos/acme/widgets/issues?state=all&per_page=5")
        try await http.api("POST", "/repos/acme/widgets/issues", ["body": "no title"])
        try await http.api("GET", "/user", authorization: "Bearer wrong")
        try await http.admin("GET", "/_simulator/items")
        let log = try await http.requestLog()
        XCTAssertEqual(log.map(\.method), ["GET", "POST", "GET"])
        XCTAssertEqual(log.map(\.path), ["/repos/acme/widgets/issues?state=all&per_page=5", "/repos/acme/widgets/issues", "/user"])
        XCTAssertEqual(log.map(\.status), [200, 422, 401])
        try await http.admin("DELETE", "/_simulator/requests")
        let cleared = try await http.requestLog()
        XCTAssertTrue(cleared.isEmpty)
    }

    func testAFaultAnswersItsStatusForCountMatchingRequests() async throws {
        let set = try await http.admin("POST", "/_simulator/faults",
                                       ["path": "^/repos/acme/widgets/issues", "status": 503, "count": 2, "headers": ["Retry-After": "1"]])
        XCTAssertEqual(set.status, 204)
        let first = try await http.api("GET", "/repos/acme/widgets/issues")
        let unmatched = try await http.api("GET", "/user")
        let second = try await http.api("GET", "/repos/acme/widgets/issues?page=2")
        let third = try await http.api("GET", "/repos/acme/widgets/issues")
        XCTAssertEqual([first.status, unmatched.status, second.status, third.status], [503, 200, 503, 200])
        XCTAssertEqual(first.headers["retry-after"], "1")
        XCTAssertNotNil(first.object["message"] as? String)
        XCTAssertNotNil(first.object["documentation_url"] as? String)
        let log = try await http.requestLog()
        XCTAssertEqual(log.map(\.status), [503, 200, 503, 200])

        try await http.admin("POST", "/_simulator/faults", ["path": "/user", "status": 429, "headers": ["retry-after": "30"]])
        let secondary = try await http.api("GET", "/user")
        XCTAssertEqual(secondary.status, 429)
        XCTAssertTrue((secondary.object["message"] as? String)?.contains("secondary rate limit") == true)

        let invalid = try await http.admin("POST", "/_simulator/faults", ["path": "(", "status": 500])
        XCTAssertEqual(invalid.status, 400)
    }

    func testAFaultWithAMethodLeavesOtherMethodsOnThePathAlone() async throws {
        try await addIssues(1)
        let set = try await http.admin("POST", "/_simulator/faults",
                                       ["path": "^/repos/acme/widgets/issues/1$", "method": "patch", "status": 503])
        XCTAssertEqual(set.status, 204)
        let read = try await http.api("GET", "/repos/acme/widgets/issues/1")
        let write = try await http.api("PATCH", "/repos/acme/widgets/issues/1", ["title": "Changed"])
        let again = try await http.api("PATCH", "/repos/acme/widgets/issues/1", ["title": "Changed"])
        XCTAssertEqual([read.status, write.status, again.status], [200, 503, 200])
        let invalid = try await http.admin("POST", "/_simulator/faults", ["path": "x", "method": 3])
        XCTAssertEqual(invalid.status, 400)
    }

    func testAFaultWithABodyPatternTakesOnlyRequestsWhoseBodyMatches() async throws {
        try await addIssues(1)
        try await http.admin("POST", "/_simulator/faults",
                             ["path": "^/repos/acme/widgets/issues/1$", "body": #""title"\s*:\s*"Second""#, "status": 503])
        let first = try await http.api("PATCH", "/repos/acme/widgets/issues/1", ["title": "First"])
        let second = try await http.api("PATCH", "/repos/acme/widgets/issues/1", ["title": "Second"])
        XCTAssertEqual([first.status, second.status], [200, 503])
        let invalid = try await http.admin("POST", "/_simulator/faults", ["path": "x", "body": "("])
        XCTAssertEqual(invalid.status, 400)
    }

    func testClearingFaultsKeepsItemsAndLatency() async throws {
        try await addIssues(1)
        try await http.admin("POST", "/_simulator/faults", ["path": "^/repos/acme/widgets/issues", "status": 500, "count": 50])
        let cleared = try await http.admin("DELETE", "/_simulator/faults")
        XCTAssertEqual(cleared.status, 204)
        let read = try await http.api("GET", "/repos/acme/widgets/issues/1")
        XCTAssertEqual(read.status, 200, "the fault is gone, the item is not")
    }

    func testADroppedConnectionGetsNoAnswer() async throws {
        try await http.admin("POST", "/_simulator/faults", ["path": "^/repos/acme/widgets/issues$", "drop": true, "count": 1])
        let answer = try await RawHTTP.exchange(port: port, RawHTTP.post(
            port: port, path: "/repos/acme/widgets/issues", token: token, json: #"{"title": "Lost"}"#))
        XCTAssertEqual(answer, Data(), "closed without a byte of answer")
        let items = try await http.admin("GET", "/_simulator/items").array
        XCTAssertTrue(items.isEmpty, "dropped before it took effect")
        let log = try await http.requestLog()
        XCTAssertEqual(log.map(\.status), [0])
        let next = try await http.api("POST", "/repos/acme/widgets/issues", ["title": "Kept"])
        XCTAssertEqual(next.status, 201, "the fault was used up")
    }

    func testADropAfterTheEffectLeavesTheChangeInPlace() async throws {
        try await http.admin("POST", "/_simulator/faults", ["path": "^/repos/acme/widgets/issues$", "drop": true, "after": true])
        let answer = try await RawHTTP.exchange(port: port, RawHTTP.post(
            port: port, path: "/repos/acme/widgets/issues", token: token, json: #"{"title": "Sent into the void"}"#))
        XCTAssertEqual(answer, Data())
        let items = try await http.admin("GET", "/_simulator/items").array
        XCTAssertEqual(items.compactMap { $0["title"] as? String }, ["Sent into the void"])
    }

    func testResetGoesBackToTheStartAndClearsFaultsAndLog() async throws {
        try await addIssues(2)
        try await http.api("GET", "/repos/acme/widgets/issues")
        try await http.admin("POST", "/_simulator/faults", ["path": "/user", "status": 500, "count": 5])
        try await http.admin("POST", "/_simulator/faults", ["ratelimit_remaining": 0])
        let reset = try await http.admin("POST", "/_simulator/reset")
        XCTAssertEqual(reset.status, 204)
        let items = try await http.admin("GET", "/_simulator/items").array
        XCTAssertTrue(items.isEmpty)
        let log = try await http.requestLog()
        XCTAssertTrue(log.isEmpty)
        let user = try await http.api("GET", "/user")
        XCTAssertEqual(user.status, 200, "faults and the exhausted budget are gone")
        XCTAssertEqual(user.headers["x-ratelimit-remaining"], "4999")
    }

    func testTheRawClientSeesAnOrdinaryAnswerWithoutAFault() async throws {
        let answer = try await RawHTTP.exchange(port: port, RawHTTP.post(
            port: port, path: "/repos/acme/widgets/issues", token: token, json: #"{"title": "Answered"}"#))
        XCTAssertTrue(String(decoding: answer, as: UTF8.self).hasPrefix("HTTP/1.1 201"))
    }

    private var port: Int { Int(server.baseURL.split(separator: ":").last ?? "") ?? 0 }

    func testInFlightCountsTrackerRequestsAtOnceAndRestartsWithTheLog() async throws {
        let idle = try await http.admin("GET", "/_simulator/in-flight")
        XCTAssertEqual(idle.status, 200)
        XCTAssertEqual(idle.object["now"] as? Int, 0)
        XCTAssertEqual(idle.object["most"] as? Int, 0)
        try await http.admin("POST", "/_simulator/faults", ["latency_ms": 300])
        let http = try XCTUnwrap(self.http)
        try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<3 { group.addTask { try await http.api("GET", "/user").status } }
            for try await status in group { XCTAssertEqual(status, 200) }
        }
        _ = try await http.admin("GET", "/_simulator/items")
        let after = try await http.admin("GET", "/_simulator/in-flight")
        XCTAssertEqual(after.object["now"] as? Int, 0)
        XCTAssertEqual(after.object["most"] as? Int, 3, "three at once; admin requests are not counted")
        try await http.admin("DELETE", "/_simulator/requests")
        let restarted = try await http.admin("GET", "/_simulator/in-flight")
        XCTAssertEqual(restarted.object["most"] as? Int, 0)
    }

    func testLatencyIsAddedToTrackerRequests() async throws {
        let set = try await http.admin("POST", "/_simulator/faults", ["latency_ms": 300])
        XCTAssertEqual(set.status, 204)
        let start = Date()
        let answer = try await http.api("GET", "/user")
        XCTAssertEqual(answer.status, 200)
        XCTAssertGreaterThanOrEqual(Date().timeIntervalSince(start), 0.3, "a lower bound: the sleep never ends early")
    }

    func testUnknownAdminRoutesAre404() async throws {
        let answer = try await http.admin("GET", "/_simulator/nothing")
        XCTAssertEqual(answer.status, 404)
    }
}

/// `--seed-demo` data, and reset going back to it.
final class DemoSeedTests: SimulatorTestCase {
    override var options: SimulatorOptions { SimulatorOptions(kind: .github, token: token, seedDemo: true) }

    func testTheDemoRepositoryHasRealisticIssuesAndResetRestoresThem() async throws {
        let items = try await http.admin("GET", "/_simulator/items").array
        XCTAssertEqual(items.count, 5)
        XCTAssertTrue(items.allSatisfy { ($0["key"] as? String)?.hasPrefix("demo-org/demo-repo#") == true })
        let bug = try XCTUnwrap(items.first { $0["kind"] as? String == "bug" }, "a kind: label is the neutral kind")
        XCTAssertEqual(bug["priority"] as? String, "high")
        XCTAssertEqual(Set(items.flatMap { $0["labels"] as? [String] ?? [] }), ["reports"], "priority/kind labels are not plain labels")
        XCTAssertEqual(items.filter { $0["state"] as? String == "closed" }.compactMap { $0["state_reason"] as? String }, ["completed"])
        XCTAssertEqual(items.filter { $0["pull_request"] != nil }.count, 1)
        let updated = items.compactMap { $0["updated_at"] as? String }
        XCTAssertEqual(Set(updated).count, 5)

        try await http.admin("PATCH", "/_simulator/items/demo-org%2Fdemo-repo%231", ["title": "Changed"])
        try await http.admin("POST", "/_simulator/reset")
        let restored = try await http.admin("GET", "/_simulator/items").array
        XCTAssertEqual(restored.compactMap { $0["title"] as? String }, items.compactMap { $0["title"] as? String })
        let after = try await http.admin("PATCH", "/_simulator/items/demo-org%2Fdemo-repo%232", ["title": "Later"])
        XCTAssertGreaterThan(try XCTUnwrap(after.object["updated_at"] as? String), try XCTUnwrap(updated.max()),
                             "the clock never goes back")
    }
}
