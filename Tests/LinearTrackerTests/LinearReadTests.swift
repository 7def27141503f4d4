import Foundation
import Trackers
import WorkItems
import XCTest
@testable import LinearTracker

/// Reading: what a first and an incremental read ask for and get, in how many requests, and how moved, archived and
/// trashed issues come back.
final class LinearReadTests: LinearClientTestCase {
    private func request(since: Date? = nil, tracked: Set<String> = [], remoteIDs: [String: String] = [:],
                         discovery: DiscoveryFilter = DiscoveryFilter(projectCode: "ENG")) -> RemoteReadRequest {
        RemoteReadRequest(since: since, trackedKeys: tracked, remoteIDs: remoteIDs, discovery: discovery, discoverySince: since)
    }

    func testAFirstReadMapsEveryFieldFromTheTeam() async throws {
        let parent = try await add(["title": "Parent"])
        try await add(["title": "Mapped", "description": "## Summary\n\n* one", "state": "In Review", "priority": "High", "kind": "Bug",
                       "labels": ["backend", "needs design"], "assignee": "ana@example.com", "parent": parent["key"] as Any,
                       "creator": "ben@example.com"])
        try await add(["title": "Elsewhere", "scope": "OPS"])
        let client = try client()
        let result = try await client.read(request())
        XCTAssertEqual(result.items.map(\.key).sorted(), ["ENG-1", "ENG-2"], "only the team's issues")
        let item = try XCTUnwrap(result.items.first { $0.key == "ENG-2" })
        XCTAssertEqual(item.content.title, "Mapped")
        XCTAssertEqual(item.content.description, "## Summary\n\n- one", "as Linear hands it back")
        XCTAssertEqual(item.content.status, "review")
        XCTAssertEqual(item.content.priority, "high")
        XCTAssertEqual(item.content.kind, "bug")
        XCTAssertEqual(item.content.tags, ["backend", "needs design"])
        XCTAssertEqual(item.content.assignee, "ana@example.com")
        XCTAssertEqual(item.content.parent, "ENG-1")
        XCTAssertEqual(item.author, "Ben Okafor")
        let id = try await self.item("ENG-2")["id"] as? String
        XCTAssertEqual(item.remoteID, id)
        XCTAssertEqual(item.marker?.value, id, "a create's marker is the issue's id")
        XCTAssertNotNil(item.createdAt.flatMap { try? Regex(#"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$"#).wholeMatch(in: $0) })
        let operations = try await requests().map(\.operation)
        XCTAssertEqual(operations, ["query:IssuesAndNewest", "query:Context"], "one page, and the labels once")
    }

    func testPagesAreFollowedAndEachIssueComesOnce() async throws {
        for n in 1...260 { try await add(["title": "Issue \(n)"]) }
        let client = try client()
        let result = try await client.read(request())
        XCTAssertEqual(result.items.count, 260)
        XCTAssertEqual(Set(result.items.map(\.key)).count, 260)
        let pages = try await requests().filter { $0.operation.hasPrefix("query:Issues") }.count
        XCTAssertEqual(pages, 2, "250 per page, the second by the first's cursor")
    }

    func testAnIncrementalReadWithNothingNewIsOneRequest() async throws {
        try await add(["title": "Old"])
        let client = try client()
        _ = try await client.read(request())
        try await clearRequests()
        let quiet = try await client.read(request(since: Date().addingTimeInterval(120), tracked: ["ENG-1"]))
        XCTAssertEqual(quiet.items.map(\.key), [])
        XCTAssertEqual(quiet.requestCount, 1)
        let sent = try await requests()
        XCTAssertEqual(sent.map(\.operation), ["query:Issues"])
        let filter = sent[0].variables["filter"] as? [String: Any]
        XCTAssertNotNil((filter?["updatedAt"] as? [String: Any])?["gt"], "only what changed since")
        XCTAssertEqual(((filter?["team"] as? [String: Any])?["key"] as? [String: Any])?["in"] as? [String], ["ENG"])
    }

    func testAnIssueThatMovedTeamIsFollowedByItsIdOrKeptUnderItsOldKey() async throws {
        let created = try await add(["title": "Will move"])
        let id = try XCTUnwrap(created["id"] as? String)
        let since = Date().addingTimeInterval(-3)
        try await admin("PATCH", "/_simulator/items/ENG-1", ["team": "OPS"])
        let client = try client()

        let followed = try await client.read(request(since: since, tracked: ["ENG-1"], remoteIDs: ["ENG-1": id]))
        XCTAssertEqual(followed.items.map(\.key), ["OPS-1"], "followed by its id, it comes back under its new identifier")
        XCTAssertEqual(followed.items.first?.remoteID, id)

        let unfollowed = try await client.read(request(since: since, tracked: ["ENG-1"]))
        XCTAssertEqual(unfollowed.items.map(\.key), [], "read by team, the moved issue is not in ENG any more")
        let fetched = try await client.fetch(keys: ["ENG-1"])
        XCTAssertEqual(fetched.map(\.key), ["ENG-1"], "asked for by its old key, it answers to it (never a second item)")
        XCTAssertEqual(fetched.first?.remoteID, id)
        XCTAssertEqual(fetched.first?.content.title, "Will move")

        let first = try await client.read(request(tracked: ["ENG-1"], discovery: DiscoveryFilter(projectCode: "ENG", all: true)))
        XCTAssertEqual(first.items.map(\.key), ["ENG-1"], "a tracked issue found in another team keeps the key it is tracked by")
    }

    func testAnIssueHeldAsOfItsLastUpdateIsLeftOutWithoutAskingForLabels() async throws {
        let held = try await add(["title": "Held", "labels": ["backend"]])
        let changed = try await add(["title": "Changed", "labels": ["backend"]])
        let since = Date().addingTimeInterval(-30)
        let client = try client()
        let first = try await client.read(request())
        var known: [String: String] = [:]
        for item in first.items { known[item.key] = item.updatedAt }
        try await admin("PATCH", "/_simulator/items/ENG-2", ["title": "Changed again"])
        let ids = ["ENG-1": try XCTUnwrap(held["id"] as? String), "ENG-2": try XCTUnwrap(changed["id"] as? String)]

        let fresh = try self.client()
        try await clearRequests()
        let read = try await fresh.read(RemoteReadRequest(since: since, trackedKeys: ["ENG-1", "ENG-2"], remoteIDs: ids,
            knownUpdatedAt: KnownUpdates(known), discovery: DiscoveryFilter(projectCode: "ENG"), discoverySince: since))
        XCTAssertEqual(read.items.map(\.key), ["ENG-2"], "the issue held as of its last update is left out")
        XCTAssertEqual(read.items.first?.content.title, "Changed again")

        known["ENG-2"] = try XCTUnwrap(read.items.first?.updatedAt)
        let quiet = try self.client()
        try await clearRequests()
        let settled = try await quiet.read(RemoteReadRequest(since: since, trackedKeys: ["ENG-1", "ENG-2"], remoteIDs: ids,
            knownUpdatedAt: KnownUpdates(known), discovery: DiscoveryFilter(projectCode: "ENG"), discoverySince: since))
        XCTAssertEqual(settled.items.count, 0)
        let operations = try await requests().map(\.operation)
        XCTAssertEqual(operations, ["query:Issues"], "no labels asked for when every issue is held")

        let otherID = try self.client()
        let moved = try await otherID.read(RemoteReadRequest(since: since, trackedKeys: ["ENG-1", "ENG-2"],
            remoteIDs: ["ENG-1": "another-issue", "ENG-2": ids["ENG-2"]!], knownUpdatedAt: KnownUpdates(known),
            discovery: DiscoveryFilter(projectCode: "ENG"), discoverySince: since))
        XCTAssertEqual(moved.items.map(\.key), ["ENG-1"], "held under another issue's id proves nothing")
    }

    func testArchivedAndTrashedIssuesAreReportedWhenTrackedAndNeverPulledNew() async throws {
        try await add(["title": "Archived, tracked", "archived": true])
        try await add(["title": "Trashed, tracked", "trashed": true])
        try await add(["title": "Archived, untracked", "archived": true])
        let client = try client()
        let result = try await client.read(request(tracked: ["ENG-1", "ENG-2"]))
        XCTAssertEqual(result.items.map(\.key).sorted(), ["ENG-1", "ENG-2"])
        let archived = try XCTUnwrap(result.items.first { $0.key == "ENG-1" })
        XCTAssertEqual(archived.notices, ["ENG-1 is archived in Linear: it stays archived"])
        XCTAssertTrue(result.items.first { $0.key == "ENG-2" }?.notices.first?.contains("trash") ?? false)
        let fetched = try await client.fetch(keys: ["ENG-1", "ENG-2", "ENG-3"])
        XCTAssertEqual(fetched.map(\.key).sorted(), ["ENG-1", "ENG-3"], "an issue in the trash is gone for fetch")
    }

    func testFetchIsInBulkAndLeavesOutWhatIsGone() async throws {
        for n in 1...5 { try await add(["title": "Issue \(n)"]) }
        try await add(["title": "Ops", "scope": "OPS"])
        try await admin("DELETE", "/_simulator/items/ENG-3")
        let client = try client()
        try await clearRequests()
        let fetched = try await client.fetch(keys: ["ENG-1", "ENG-2", "ENG-3", "OPS-1", "not a key"])
        XCTAssertEqual(fetched.map(\.key).sorted(), ["ENG-1", "ENG-2", "OPS-1"])
        let operations = try await requests().map(\.operation)
        XCTAssertEqual(operations.filter { $0 == "query:Issues" }.count, 1, "known keys in one request")
        XCTAssertEqual(operations.filter { $0 == "query:Issue" }.count, 1, "a key not found in bulk is asked for once by itself")
    }

    func testAnIncrementalReadWithWiderFiltersIsStillOneListingWhenItReachesBackAsFar() async throws {
        let tracked = try await add(["title": "Tracked"])
        let client = try client()
        _ = try await client.read(request())
        let since = Date()
        try await add(["title": "New elsewhere", "scope": "OPS", "kind": "Bug"])
        try await clearRequests()
        let everyTeam = DiscoveryFilter(projectCode: "ENG", all: true, labels: ["bug"])
        let remoteIDs = ["0001": try XCTUnwrap(tracked["id"] as? String)]
        let read = try await client.read(RemoteReadRequest(since: since, trackedKeys: ["ENG-1"], remoteIDs: remoteIDs,
            discovery: everyTeam, discoverySince: since))
        XCTAssertEqual(read.items.filter { client.matches($0, filter: everyTeam) }.map(\.key), ["OPS-1"])
        let oneListing = try await requests().filter { $0.operation.hasPrefix("query:Issues") }.count
        XCTAssertEqual(oneListing, 1, "one listing serves both")

        try await clearRequests()
        let older = try await client.read(RemoteReadRequest(since: since, trackedKeys: ["ENG-1"], remoteIDs: remoteIDs,
            discovery: everyTeam, discoverySince: nil))
        XCTAssertEqual(older.items.filter { client.matches($0, filter: everyTeam) }.map(\.key), ["OPS-1"])
        let listings = try await requests().filter { $0.operation.hasPrefix("query:Issues") }.count
        XCTAssertEqual(listings, 2, "filters new since the last run read their candidates in full")
    }

    func testAFirstReadWithEveryTeamIsOneListing() async throws {
        try await add(["title": "Here"])
        try await add(["title": "Elsewhere", "scope": "OPS"])
        let client = try client()
        try await clearRequests()
        let everyTeam = DiscoveryFilter(projectCode: "ENG", all: true)
        let read = try await client.read(request(discovery: everyTeam))
        XCTAssertEqual(read.items.filter { client.matches($0, filter: everyTeam) }.map(\.key).sorted(), ["ENG-1", "OPS-1"])
        let listings = try await requests().filter { $0.operation.hasPrefix("query:Issues") }.count
        XCTAssertEqual(listings, 1, "the team's issues and every other team's in one listing")

        try await clearRequests()
        let bugsEverywhere = DiscoveryFilter(projectCode: "ENG", all: true, labels: ["bug"])
        _ = try await client.read(request(discovery: bugsEverywhere))
        let narrowed = try await requests().filter { $0.operation.hasPrefix("query:Issues") }.count
        XCTAssertEqual(narrowed, 2, "a narrowed discovery is its own listing, not every issue of every team")
    }

    func testDiscoveryFiltersAreSentAndAgreeWithMatches() async throws {
        try await add(["title": "Mine, open bug", "kind": "Bug", "assignee": "ana@example.com", "state": "Todo"])
        try await add(["title": "Mine, done bug", "kind": "Bug", "assignee": "ana@example.com", "state": "Done"])
        try await add(["title": "Ben's feature", "kind": "Feature", "assignee": "ben@example.com"])
        try await add(["title": "Ops bug", "kind": "Bug", "scope": "OPS", "assignee": "ana@example.com"])
        let client = try client()
        let cases: [(DiscoveryFilter, Set<String>)] = [
            (DiscoveryFilter(projectCode: "ENG", assignee: "Ana Lima", labels: ["bug"], state: "open"), ["ENG-1"]),
            (DiscoveryFilter(projectCode: "ENG", all: true, labels: ["bug"]), ["ENG-1", "ENG-2", "OPS-1"]),
            (DiscoveryFilter(projectCode: "ENG", state: "closed"), ["ENG-2"]),
            (DiscoveryFilter(projectCode: "ENG", assignee: "ben@example.com"), ["ENG-3"]),
        ]
        let everything = try await client.fetch(keys: ["ENG-1", "ENG-2", "ENG-3", "OPS-1"])
        for (filter, expected) in cases {
            let read = try await client.read(RemoteReadRequest(since: nil, trackedKeys: [], discovery: filter, discoverySince: nil))
            XCTAssertEqual(Set(read.items.filter { client.matches($0, filter: filter) }.map(\.key)), expected, "\(filter)")
            XCTAssertEqual(Set(everything.filter { client.matches($0, filter: filter) }.map(\.key)), expected, "matches: \(filter)")
        }
    }

    func testAWrongKeyIsUnauthorizedAndNeverQuoted() async throws {
        let wrong = "lin_api_wrong-\(UUID().uuidString.prefix(6))"
        let client = try client(token: wrong)
        do {
            _ = try await client.read(request())
            XCTFail("a wrong key was accepted")
        } catch TrackerError.unauthorized(let message) {
            XCTAssertFalse(message.contains(wrong), message)
            XCTAssertTrue(message.contains("API key"), message)
        }
    }
}
