import Foundation
import TrackerSimulator
import Trackers
import WorkItems
import XCTest
@testable import GitHubTracker

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

final class GitHubReadPlanTests: XCTestCase {
    private let since = Date(timeIntervalSince1970: 1_800_000_000)

    func testTheTrackedListingServesDiscoveryWhenItReachesAsFarBack() {
        let plan = GitHubReadPlan(RemoteReadRequest(since: since, trackedKeys: ["o/r#1"],
            discovery: DiscoveryFilter(projectCode: "team", labels: ["bug"]), discoverySince: since))
        XCTAssertEqual(plan.listings.count, 1)
        XCTAssertTrue(plan.listings[0].contains("state=all"))
        XCTAssertFalse(plan.listings[0].contains { $0.hasPrefix("labels=") }, "every label: the engine picks the candidates")
    }

    func testDiscoveryNeedingOlderIssuesGetsItsOwnFilteredListing() {
        let plan = GitHubReadPlan(RemoteReadRequest(since: since, trackedKeys: ["o/r#1"],
            discovery: DiscoveryFilter(projectCode: "team", labels: ["bug"], state: "open"), discoverySince: nil))
        XCTAssertEqual(plan.listings.count, 2)
        XCTAssertTrue(plan.listings[1].contains("labels=bug,team"), "\(plan.listings[1])")
        XCTAssertTrue(plan.listings[1].contains("state=open"))
        XCTAssertFalse(plan.listings[1].contains { $0.hasPrefix("since=") })
    }

    func testLabelsOutsideASCIIAreEncodedAndTheirCommasKept() {
        let plan = GitHubReadPlan(RemoteReadRequest(since: nil, trackedKeys: [],
            discovery: DiscoveryFilter(projectCode: "équipe", labels: ["café"]), discoverySince: nil))
        XCTAssertTrue(plan.listings[0].contains("labels=caf%C3%A9,%C3%A9quipe"), "\(plan.listings[0])")
    }

    func testWithNothingTrackedOnlyTheDiscoveryListingIsRead() {
        let plan = GitHubReadPlan(RemoteReadRequest(since: nil, trackedKeys: [], discovery: DiscoveryFilter(projectCode: "team"),
            discoverySince: nil))
        XCTAssertEqual(plan.listings, [["state=all", "per_page=100", "sort=created", "direction=asc", "labels=team"]])
    }

    func testAFirstPullOfTrackedItemsCoversEverything() {
        let plan = GitHubReadPlan(RemoteReadRequest(since: nil, trackedKeys: ["o/r#1"], discovery: DiscoveryFilter(all: true),
            discoverySince: nil))
        XCTAssertEqual(plan.listings, [["state=all", "per_page=100", "sort=created", "direction=asc"]])
    }

    func testPagesComeFromTheNumberedLastLink() {
        let header = #"<https://api.github.com/repositories/7/issues?state=all&per_page=100&page=2>; rel="next", "#
            + #"<https://api.github.com/repositories/7/issues?state=all&per_page=100&page=4>; rel="last""#
        XCTAssertEqual(GitHubPageLinks.remainingPages(in: header), (2...4).map {
            "https://api.github.com/repositories/7/issues?state=all&per_page=100&page=\($0)"
        })
        XCTAssertEqual(GitHubPageLinks.remainingPages(in: nil), [], "one page")
        let cursor = #"<https://api.github.com/repositories/7/issues?after=Y3Vyc29y>; rel="next""#
        XCTAssertNil(GitHubPageLinks.remainingPages(in: cursor), "no numbered last page: follow next")
        let absurd = #"<https://x/issues?page=2>; rel="next", <https://x/issues?page=999999999>; rel="last""#
        XCTAssertNil(GitHubPageLinks.remainingPages(in: absurd))
    }
}

final class GitHubReadTests: XCTestCase {
    private var server: SimulatorServer!

    override func tearDown() async throws { await server?.stop() }

    private func start(issues: Int) async throws {
        server = try await SimulatorServer.start(SimulatorOptions(kind: .github, token: "T", seedCount: issues, seedRepository: "acme/widgets"))
    }

    private func tracker() throws -> GitHubTracker {
        try GitHubTracker(settings: TrackerSettings(integration: "github-issues",
            values: ["github.repo": "acme/widgets", "github.api_url": server.baseURL], token: "T", originURL: nil, cacheDirectory: nil))
    }

    private func requests() async throws -> [String] {
        let (data, _) = try await URLSession.shared.data(from: URL(string: server.baseURL + "/_simulator/requests")!)
        let log = try JSONSerialization.jsonObject(with: data) as? [[String: Any]] ?? []
        return log.compactMap { $0["path"] as? String }
    }

    func testPagesAfterTheFirstAreReadTogetherAndEveryIssueComesOnce() async throws {
        try await start(issues: 450)
        let counted = CountBox()
        let read = try await tracker().read(RemoteReadRequest(since: nil, trackedKeys: [], discovery: DiscoveryFilter(),
            discoverySince: nil, progress: ReadProgress { counted.set($0) }))
        XCTAssertEqual(read.items.count, 450)
        XCTAssertEqual(Set(read.items.map(\.key)), Set((1...450).map { "acme/widgets#\($0)" }))
        XCTAssertEqual(read.requestCount, 5)
        let pages = try await requests().dropFirst().compactMap { URLComponents(string: $0)?.queryItems?.first { $0.name == "page" }?.value }
        XCTAssertEqual(Set(pages), ["2", "3", "4", "5"])
        XCTAssertEqual(counted.value, 450, "progress heard of every issue")
    }

    func testTrackedAndDiscoveredIssuesShareOneListing() async throws {
        try await start(issues: 20)
        let since = Date(timeIntervalSinceNow: -3600)
        let read = try await tracker().read(RemoteReadRequest(since: since, trackedKeys: ["acme/widgets#1"],
            discovery: DiscoveryFilter(all: true), discoverySince: since))
        XCTAssertEqual(read.requestCount, 1)
        XCTAssertEqual(read.items.count, 20)
    }
}

/// The last value a `ReadProgress` reported.
private final class CountBox: @unchecked Sendable {
    private let lock = NSLock()
    private var latest = 0
    var value: Int { lock.withLock { latest } }
    func set(_ n: Int) { lock.withLock { latest = max(latest, n) } }
}
