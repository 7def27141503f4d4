import Foundation
import TrackerSimulator
import TrackerTesting
import Trackers
import WorkItems
import XCTest
@testable import GitHubTracker

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

final class GitHubMappingTests: XCTestCase {
    let mapping = GitHubMapping(settings: [:], openStatus: nil)

    func testDefaultsNeedNoConfiguration() {
        let content = WorkItemContent(title: "T", description: "## Summary\n", status: "abandoned", priority: "high", kind: "bug",
            tags: ["ui"], assignee: "ana", parent: "o/r#1")
        let f = mapping.fields(for: content)
        XCTAssertEqual(f.state, "closed")
        XCTAssertEqual(f.stateReason, "not_planned")
        XCTAssertEqual(f.labels, ["ui", "priority: high", "kind: bug"])
        XCTAssertEqual(f.assignees, ["ana"])
        let back = mapping.content(title: f.title, body: f.body, state: f.state, stateReason: f.stateReason, labels: f.labels, assignees: f.assignees)
        XCTAssertEqual(back.status, "abandoned")
        XCTAssertEqual(back.priority, "high")
        XCTAssertEqual(back.kind, "bug")
        XCTAssertEqual(back.tags, ["ui"])
        XCTAssertNil(back.parent, "GitHub has no parent")
        XCTAssertEqual(mapping.fields(for: WorkItemContent(title: "T", description: "", status: "done")).stateReason, "completed")
    }

    func testOpenStatusesAreRepresentedAsOneStatus() {
        for status in ["draft", "ready", "in-progress"] {
            XCTAssertEqual(mapping.representable(WorkItemContent(title: "T", description: "", status: status)).status, "ready")
        }
        // A mapped status GitHub cannot tell apart from `done` comes back the same as `done` does, which is what lets
        // the engine keep a local `review` while the issue stays closed.
        let custom = GitHubMapping(settings: ["review": "closed"], openStatus: "todo")
        XCTAssertEqual(custom.fields(for: WorkItemContent(title: "T", description: "", status: "review")).state, "closed")
        XCTAssertEqual(custom.representable(WorkItemContent(title: "T", description: "", status: "review")).status,
                       custom.representable(WorkItemContent(title: "T", description: "", status: "done")).status)
        XCTAssertEqual(custom.representable(WorkItemContent(title: "T", description: "", status: "draft")).status, "todo")
    }

    func testMarkersAreHiddenAndFound() {
        let body = SyncMarkerText.append("abc-123", to: "## Summary\n\nText.\n")
        XCTAssertEqual(SyncMarkerText.find(in: body), "abc-123")
        XCTAssertEqual(SyncMarkerText.strip(body), "## Summary\n\nText.\n")
        XCTAssertNil(SyncMarkerText.find(in: "no marker"))
    }

    func testRepositoryFromRemoteURLs() {
        for url in ["git@github.com:acme/widgets.git", "https://github.com/acme/widgets", "ssh://git@github.com/acme/widgets.git",
                    "https://github.com/acme/widgets.git"] {
            XCTAssertEqual(GitHubTracker.repository(fromRemote: url), "acme/widgets", url)
        }
        XCTAssertNil(GitHubTracker.repository(fromRemote: "https://gitlab.com/acme/widgets"))
    }
}

final class GitHubTrackerIntegrationTests: XCTestCase {
    private var server: SimulatorServer!

    override func setUp() async throws {
        server = try await SimulatorServer.start(SimulatorOptions(kind: .github, token: "T"))
        try await admin("POST", "/_simulator/setup", ["repositories": ["acme/widgets"]])
    }

    override func tearDown() async throws { await server.stop() }

    @discardableResult
    private func admin(_ method: String, _ path: String, _ body: Any? = nil) async throws -> Any? {
        try await SimulatorAdminClient(baseURL: server.baseURL).send(method, path, body).json
    }

    private func requests() async throws -> [[String: Any]] { try await admin("GET", "/_simulator/requests") as? [[String: Any]] ?? [] }

    private func tracker(token: String = "T", cache: URL? = nil) throws -> GitHubTracker {
        try GitHubTracker(settings: TrackerSettings(integration: "github-issues",
            values: ["github.repo": "acme/widgets", "github.api_url": server.baseURL], token: token, originURL: nil, cacheDirectory: cache))
    }

    /// The `since` of the listings read twice: one fixed time, so both reads make the same request.
    private let listingStart = Date(timeIntervalSince1970: 1_000_000)

    /// An ETag cache folder of the test's own, removed when it ends.
    private func cacheFolder() -> URL {
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("etags-\(UUID())")
        addTeardownBlock { try? FileManager.default.removeItem(at: cache) }
        return cache
    }

    private func request(since: Date? = nil) -> RemoteReadRequest {
        RemoteReadRequest(since: since, trackedKeys: [], discovery: DiscoveryFilter(), discoverySince: since)
    }

    func testReadsEveryPageSkippingPullRequests() async throws {
        for i in 1...250 { try await admin("POST", "/_simulator/items", ["repository": "acme/widgets", "title": "Issue \(i)", "pull_request": i % 50 == 0]) }
        let result = try await tracker().read(request())
        XCTAssertEqual(result.items.count, 245)
        XCTAssertEqual(Set(result.items.map(\.key)).count, 245)
        XCTAssertEqual(result.requestCount, 3)
        let paths = try await requests().compactMap { $0["path"] as? String }
        XCTAssertTrue(paths[1].hasPrefix("/repositories/"), "\(paths)")
    }

    func testAnUnchangedListingCostsA304() async throws {
        try await admin("POST", "/_simulator/items", ["repository": "acme/widgets", "title": "One"])
        let cache = cacheFolder()
        let first = try await tracker(cache: cache).read(request(since: listingStart))
        XCTAssertEqual(first.items.count, 1)
        let again = try await tracker(cache: cache).read(request(since: listingStart))
        XCTAssertEqual(again.items.map(\.content.title), ["One"], "the cached body is used")
        let statuses = try await requests().compactMap { $0["status"] as? Int }
        XCTAssertEqual(statuses, [200, 304])
    }

    /// A 304 answers for a page's body, not for the pages behind it: an unchanged listing of two pages is read whole
    /// again, its full first page asked for afresh (its `Link` header names the pages) and the rest conditionally.
    func testAnUnchangedListingOfManyPagesIsReadWholeAgain() async throws {
        for i in 1...150 { try await admin("POST", "/_simulator/items", ["repository": "acme/widgets", "title": "Issue \(i)"]) }
        let cache = cacheFolder()
        let first = try await tracker(cache: cache).read(request(since: listingStart))
        XCTAssertEqual(first.items.count, 150)
        let again = try await tracker(cache: cache).read(request(since: listingStart))
        XCTAssertEqual(again.items.count, 150, "every page, both times")
        XCTAssertTrue(Set(again.items.map(\.key)) == Set(first.items.map(\.key)))
        let statuses = try await requests().compactMap { $0["status"] as? Int }
        XCTAssertEqual(statuses, [200, 200, 200, 304])
    }

    /// An issue that joins the listing behind a full first page leaves that page as it was; the page it lands on is
    /// still read.
    func testAPageAddedBehindAnUnchangedFullFirstPageIsRead() async throws {
        for i in 1...100 { try await admin("POST", "/_simulator/items", ["repository": "acme/widgets", "title": "Issue \(i)"]) }
        let cache = cacheFolder()
        let first = try await tracker(cache: cache).read(request(since: listingStart))
        XCTAssertEqual(first.items.count, 100)
        try await admin("POST", "/_simulator/items", ["repository": "acme/widgets", "title": "Issue 101"])
        let again = try await tracker(cache: cache).read(request(since: listingStart))
        XCTAssertEqual(again.items.count, 101)
        XCTAssertTrue(again.items.contains { $0.content.title == "Issue 101" })
    }

    /// The first version of the cache kept full pages: its file is removed unread, and the first read asks afresh.
    func testTheFirstVersionsCacheIsRemovedUnread() async throws {
        for i in 1...150 { try await admin("POST", "/_simulator/items", ["repository": "acme/widgets", "title": "Issue \(i)"]) }
        let cache = cacheFolder()
        _ = try await tracker(cache: cache).read(request(since: listingStart))
        let kept = cache.appendingPathComponent(GitHubTracker.etagFile)
        let earlier = cache.appendingPathComponent("github-etags.json")
        try FileManager.default.moveItem(at: kept, to: earlier)
        try await admin("DELETE", "/_simulator/requests")

        let again = try await tracker(cache: cache).read(request(since: listingStart))

        XCTAssertEqual(again.items.count, 150)
        XCTAssertFalse(FileManager.default.fileExists(atPath: earlier.path))
        XCTAssertTrue(FileManager.default.fileExists(atPath: kept.path))
        let statuses = try await requests().compactMap { $0["status"] as? Int }
        XCTAssertEqual(statuses, [200, 200], "nothing asked for with the first version's ETags")
    }

    func testCreateCarriesAMarkerThatFindCreatedFinds() async throws {
        let t = try tracker()
        let content = WorkItemContent(title: "New", description: "## Summary\n\nBody.\n", status: "done", priority: "low", kind: "task", tags: ["x"])
        let created = try await t.create(content, marker: SyncMarker("m-1"))
        XCTAssertEqual(created.key, "acme/widgets#1")
        XCTAssertEqual(created.content.status, "done", "closed after creation")
        XCTAssertEqual(created.content.description, "## Summary\n\nBody.\n", "the marker is not part of the content")
        let found = try await t.findCreated(marker: SyncMarker("m-1"), createdAfter: Date().addingTimeInterval(-600))
        XCTAssertEqual(found?.key, "acme/widgets#1")
        let missing = try await t.findCreated(marker: SyncMarker("m-2"), createdAfter: Date().addingTimeInterval(-600))
        XCTAssertNil(missing)
    }

    func testUpdateSendsStateLabelsAndAssignees() async throws {
        let t = try tracker()
        let created = try await t.create(WorkItemContent(title: "A", description: "x"), marker: SyncMarker("m"))
        let updated = try await t.update(key: created.key, to: WorkItemContent(title: "B", description: "y", status: "abandoned",
            priority: "high", tags: ["t"], assignee: "ana"), previous: created.content)
        XCTAssertEqual(updated.content.title, "B")
        XCTAssertEqual(updated.content.status, "abandoned")
        XCTAssertEqual(updated.content.priority, "high")
        XCTAssertEqual(updated.content.assignee, "ana")
        XCTAssertNotEqual(updated.updatedAt, created.updatedAt)
    }

    /// Issue 9.11: a status-only change used to send the whole body back, rewritten.
    func testAnUpdateSendsOnlyTheFieldsThatChanged() async throws {
        try await admin("POST", "/_simulator/setup", ["record_bodies": true])
        let t = try tracker()
        let before = WorkItemContent(title: "A", description: "## Summary\n\nText.\n", status: "ready", tags: ["ui"])
        let created = try await t.create(before, marker: SyncMarker("m"))
        var after = before
        after.status = "done"
        after.tags = ["ui"]
        let updated = try await t.update(key: created.key, to: after, previous: before)
        XCTAssertEqual(updated.content.status, "done")
        let exchanges = try await admin("GET", "/_simulator/requests?bodies=1") as? [[String: Any]] ?? []
        let patch = try XCTUnwrap(exchanges.last { $0["method"] as? String == "PATCH" })
        let sent = try XCTUnwrap(patch["request_body"] as? [String: Any])
        XCTAssertEqual(Set(sent.keys), ["state", "state_reason"], "\(sent)")

        // Nothing changed: nothing is written, and the issue is read back as it is.
        try await admin("DELETE", "/_simulator/requests")
        let same = try await t.update(key: created.key, to: after, previous: after)
        XCTAssertEqual(same.content.status, "done")
        let methods = try await requests().compactMap { $0["method"] as? String }
        XCTAssertEqual(methods, ["GET"])
    }

    func testTheSecondaryRateLimitIsARateLimitNotAPermissionProblem() {
        let body = Array(#"{"message":"You have exceeded a secondary rate limit. Please wait a few minutes before you try again.","documentation_url":"https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits"}"#.utf8)
        let secondary = HTTPResponseData(status: 403, headers: [], body: body)
        XCTAssertEqual(GitHubResponses.classify(secondary), RetryVerdict(wait: .seconds(60), mayHaveTakenEffect: false))
        let withRetryAfter = HTTPResponseData(status: 403, headers: [("retry-after", "5")], body: body)
        XCTAssertEqual(GitHubResponses.classify(withRetryAfter)?.wait, .seconds(5))
        let permission = HTTPResponseData(status: 403, headers: [], body: Array(#"{"message":"Resource not accessible by integration"}"#.utf8))
        XCTAssertNil(GitHubResponses.classify(permission))
    }

    func testWrongTokenIsUnauthorizedWithoutTheToken() async throws {
        do {
            _ = try await tracker(token: "wrong-token-value").read(request())
            XCTFail("expected unauthorized")
        } catch let error as TrackerError {
            guard case .unauthorized(let message) = error else { return XCTFail("\(error)") }
            XCTAssertFalse(message.contains("wrong-token-value"))
        }
    }

    func testInvalidInputIsRejectedWithGitHubsReason() async throws {
        do {
            _ = try await tracker().create(WorkItemContent(title: "x", description: "", assignee: "nobody-at-all"), marker: SyncMarker("m"))
            XCTFail("expected rejected")
        } catch let error as TrackerError {
            guard case .rejected(let message) = error else { return XCTFail("\(error)") }
            XCTAssertTrue(message.contains("assignees"), message)
        }
    }

    func testDiscoveryWithFiltersUsesServerSideParameters() async throws {
        try await admin("POST", "/_simulator/items", ["repository": "acme/widgets", "title": "Bug", "labels": ["bug", "team-a"]])
        try await admin("POST", "/_simulator/items", ["repository": "acme/widgets", "title": "Other", "labels": ["team-b"]])
        let t = try tracker()
        let filter = DiscoveryFilter(projectCode: "team-a", labels: ["bug"])
        let result = try await t.read(RemoteReadRequest(since: Date(), trackedKeys: [], discovery: filter, discoverySince: nil))
        XCTAssertEqual(result.items.filter { t.matches($0, filter: filter) }.map(\.content.title), ["Bug"])
        let paths = try await requests().compactMap { $0["path"] as? String }
        XCTAssertTrue(paths.contains { $0.contains("labels=bug,team-a") }, "\(paths)")
    }
}
