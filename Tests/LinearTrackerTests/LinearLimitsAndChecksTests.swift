import Foundation
import Synchronization
import TrackerSimulator
import Trackers
import WorkItems
import XCTest
@testable import LinearTracker

/// Rate limits waited out, dropped creates, `check --online`, and OAuth tokens.
final class LinearLimitsAndChecksTests: LinearClientTestCase {
    func testARatelimitedAnswerIsWaitedOutUntilItsReset() async throws {
        try await add(["title": "Behind a limit"])
        let waits = Mutex<[Duration]>([])
        let client = try client(sleep: { duration in
            waits.withLock { $0.append(duration) }
            try await Task.sleep(for: duration)
        })
        try await admin("POST", "/_simulator/faults", ["ratelimit_remaining": 0, "ratelimit_reset_seconds": 1])
        let read = try await client.read(RemoteReadRequest(since: nil, trackedKeys: [], discovery: DiscoveryFilter(projectCode: "ENG"), discoverySince: nil))
        XCTAssertEqual(read.items.map(\.key), ["ENG-1"])
        let statuses = try await requests().filter { $0.operation.hasPrefix("query:Issues") }.map(\.status)
        XCTAssertEqual(statuses.first, 400, "Linear's RATELIMITED answer")
        XCTAssertEqual(statuses.last, 200)
        let waited = waits.withLock { $0 }
        XCTAssertFalse(waited.isEmpty)
        XCTAssertTrue(waited.allSatisfy { $0 <= .seconds(1) }, "until the reset the headers gave, not a fixed backoff: \(waited)")
    }

    func testA429WithRetryAfterIsRetried() async throws {
        try await add(["title": "Once refused"])
        let waits = Mutex<[Duration]>([])
        let client = try client(sleep: { duration in waits.withLock { $0.append(duration) } })
        try await admin("POST", "/_simulator/faults", ["path": "query:Issues", "status": 429, "count": 1, "headers": ["retry-after": "2"]])
        let read = try await client.read(RemoteReadRequest(since: nil, trackedKeys: [], discovery: DiscoveryFilter(projectCode: "ENG"), discoverySince: nil))
        XCTAssertEqual(read.items.count, 1)
        XCTAssertEqual(waits.withLock { $0 }, [.seconds(2)])
    }

    func testASpentBudgetIsWaitedForBeforeTheNextRequest() async throws {
        let waits = Mutex<[Duration]>([])
        let client = try client(sleep: { duration in waits.withLock { $0.append(duration) }; try await Task.sleep(for: duration) })
        try await admin("POST", "/_simulator/faults", ["ratelimit_remaining": 1, "ratelimit_reset_seconds": 1])
        _ = try await client.verify(scope: DiscoveryFilter(projectCode: "ENG"))
        _ = try await client.fetch(keys: ["ENG-1"])
        XCTAssertFalse(waits.withLock { $0 }.isEmpty, "the answer said no requests were left: the client paused first")
        let statuses = try await requests().map(\.status)
        XCTAssertFalse(statuses.contains(400), "paced, it never ran into the limit: \(statuses)")
    }

    func testADroppedCreateIsOutcomeUnknownAndFoundAgain() async throws {
        let client = try client()
        try await admin("POST", "/_simulator/faults", ["path": "mutation:IssueCreate", "drop": true, "after": true])
        let marker = SyncMarker("check-dropped")
        let wanted = WorkItemContent(title: "Dropped", description: "", status: "ready")
        do {
            _ = try await client.create(wanted, marker: marker)
            XCTFail("a create whose answer was lost reported success")
        } catch TrackerError.outcomeUnknown(let message) {
            XCTAssertTrue(message.contains("run the sync again"), message)
        }
        let found = try await client.findCreated(marker: marker, createdAfter: Date().addingTimeInterval(-60))
        XCTAssertEqual(found?.content.title, "Dropped")
        let remoteCount = try await items().count
        XCTAssertEqual(remoteCount, 1)
    }

    func testCheckOnlineVerifiesTheKeyAndTheTeam() async throws {
        let lines = try await client().verify(scope: DiscoveryFilter(projectCode: "ENG"))
        XCTAssertEqual(lines, ["Linear: the API key works (Sim User <sim-user@example.com>)", "Linear: team ENG (Engineering) found"])
        do {
            _ = try await client(["work.default_project_code": "NOPE"]).verify(scope: DiscoveryFilter(projectCode: "NOPE"))
            XCTFail("a team that does not exist passed")
        } catch TrackerError.configuration(let message) {
            XCTAssertTrue(message.contains("NOPE"), message)
            XCTAssertTrue(message.contains("ENG, OPS"), "it says which teams there are: \(message)")
        }
    }

    func testATeamPinnedByIdIsWhereIssuesAreCreated() async throws {
        let items = try await add(["title": "Ops seed", "scope": "OPS"])
        let opsID = try await teamID(of: items)
        let client = try client(["linear.team_id": opsID, "work.default_project_code": "OPS"])
        let created = try await client.create(WorkItemContent(title: "Pinned", description: ""), marker: SyncMarker("check-pinned"))
        XCTAssertEqual(created.key, "OPS-2")
    }

    private func teamID(of item: [String: Any]) async throws -> String {
        try XCTUnwrap((item["team"] as? [String: Any])?["id"] as? String)
    }
}

/// An OAuth access token goes as `Bearer`.
final class LinearOAuthClientTests: LinearClientTestCase {
    override var simulatorToken: String { "lin_oauth_client-test-token" }

    func testAnOAuthTokenIsSentAsBearer() async throws {
        let lines = try await client(token: simulatorToken).verify(scope: DiscoveryFilter(projectCode: "ENG"))
        XCTAssertEqual(lines.first, "Linear: the OAuth token works (Sim User <sim-user@example.com>)")
    }
}
