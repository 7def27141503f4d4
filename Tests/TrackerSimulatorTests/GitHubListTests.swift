import Foundation
import TrackerSimulator
import XCTest

/// `GET /repos/{o}/{r}/issues`: paging by Link header, filters, order, pull requests mixed in.
final class GitHubListTests: SimulatorTestCase {
    func testPagingFollowsNextLinksThroughRepositoriesURLsToTheEnd() async throws {
        try await addIssues(25, pullRequestEvery: 5)
        var next: String? = "/repos/acme/widgets/issues?state=all&per_page=10"
        var pages: [HTTPAnswer] = []
        while let url = next {
            let page = try await http.api("GET", url)
            XCTAssertEqual(page.status, 200)
            pages.append(page)
            next = page.link("next")
        }
        XCTAssertEqual(pages.count, 3)
        XCTAssertEqual(pages.flatMap(numbers), Array((1...25).reversed()), "newest first, nothing lost or repeated")
        XCTAssertEqual(pages.flatMap { $0.array }.filter { $0["pull_request"] is [String: Any] }.count, 5)

        let repositoryID = try XCTUnwrap(pages[0].link("next")?.split(separator: "/").dropLast().last)
        let root = "\(server.baseURL)/repositories/\(repositoryID)/issues?state=all&per_page=10"
        XCTAssertEqual(pages[0].links.map(\.rel), ["next", "last"])
        XCTAssertEqual(pages[0].link("next"), root + "&page=2")
        XCTAssertEqual(pages[0].link("last"), root + "&page=3")
        XCTAssertEqual(pages[1].links.map(\.rel), ["prev", "next", "last", "first"], "the recorded order")
        XCTAssertEqual(pages[1].link("prev"), root + "&page=1")
        XCTAssertEqual(pages[1].link("first"), root + "&page=1")
        XCTAssertEqual(pages[2].links.map(\.rel), ["prev", "first"])
    }

    func testRepositoriesPathAnswersLikeTheNamedPath() async throws {
        try await addIssues(3)
        let named = try await http.api("GET", "/repos/acme/widgets/issues?per_page=1")
        let next = try XCTUnwrap(named.link("next"))
        XCTAssertTrue(next.contains("/repositories/"), next)
        let byID = try await http.api("GET", next.replacingOccurrences(of: "page=2", with: "page=1"))
        XCTAssertEqual(byID.status, 200)
        XCTAssertEqual(numbers(byID), numbers(named))
        let unknown = try await http.api("GET", "/repositories/1/issues")
        XCTAssertEqual(unknown.status, 404)
    }

    func testPerPageIsClampedTo100AndDefaultsTo30() async throws {
        for i in 1...101 { try await http.addItem(["title": "Issue \(i)"]) }
        let clamped = try await http.api("GET", "/repos/acme/widgets/issues?per_page=500")
        XCTAssertEqual(clamped.array.count, 100)
        XCTAssertTrue(clamped.link("last")?.hasSuffix("per_page=500&page=2") == true, clamped.headers["link"] ?? "no link")
        let byDefault = try await http.api("GET", "/repos/acme/widgets/issues")
        XCTAssertEqual(byDefault.array.count, 30)
        XCTAssertTrue(byDefault.link("last")?.hasSuffix("page=4") == true)
        let beyond = try await http.api("GET", "/repos/acme/widgets/issues?page=9")
        XCTAssertEqual(beyond.status, 200)
        XCTAssertEqual(beyond.array.count, 0)
    }

    func testSinceKeepsIssuesUpdatedAtOrAfterIt() async throws {
        try await addIssues(3)
        let patched = try await http.api("PATCH", "/repos/acme/widgets/issues/2", ["title": "Renamed"])
        let stamp = try XCTUnwrap(patched.object["updated_at"] as? String)
        let since = try await http.api("GET", "/repos/acme/widgets/issues?state=all&since=\(stamp)")
        XCTAssertEqual(numbers(since), [2])
        let fractional = stamp.replacingOccurrences(of: "Z", with: ".000Z")
        let sinceFractional = try await http.api("GET", "/repos/acme/widgets/issues?state=all&since=\(fractional)")
        XCTAssertEqual(numbers(sinceFractional), [2])
        let everything = try await http.api("GET", "/repos/acme/widgets/issues?state=all&since=2000-01-01T00:00:00Z")
        XCTAssertEqual(numbers(everything), [3, 2, 1])
        let bad = try await http.api("GET", "/repos/acme/widgets/issues?since=yesterday")
        XCTAssertEqual(bad.status, 422)
        XCTAssertEqual((bad.object["errors"] as? [[String: Any]])?.first?["field"] as? String, "since")
    }

    func testStateDefaultsToOpen() async throws {
        try await http.addItem(["title": "Open"])
        try await http.addItem(["title": "Closed", "state": "closed"])
        let byDefault = try await http.api("GET", "/repos/acme/widgets/issues")
        XCTAssertEqual(titles(byDefault), ["Open"])
        let closed = try await http.api("GET", "/repos/acme/widgets/issues?state=closed")
        XCTAssertEqual(titles(closed), ["Closed"])
        let all = try await http.api("GET", "/repos/acme/widgets/issues?state=all")
        XCTAssertEqual(titles(all), ["Closed", "Open"])
        let invalid = try await http.api("GET", "/repos/acme/widgets/issues?state=maybe")
        XCTAssertEqual(invalid.status, 422)
    }

    func testLabelsAssigneeAndCreatorFilters() async throws {
        try await http.addItem(["title": "A", "labels": ["bug", "ui"], "assignees": ["ana"], "user": "ben"])
        try await http.addItem(["title": "B", "labels": ["bug"], "assignees": ["ben"]])
        try await http.addItem(["title": "C", "labels": ["ui"]])
        let both = try await http.api("GET", "/repos/acme/widgets/issues?labels=bug,UI")
        XCTAssertEqual(titles(both), ["A"], "every label must match, case-insensitively")
        let bugs = try await http.api("GET", "/repos/acme/widgets/issues?labels=bug")
        XCTAssertEqual(titles(bugs), ["B", "A"])
        let ana = try await http.api("GET", "/repos/acme/widgets/issues?assignee=ana")
        XCTAssertEqual(titles(ana), ["A"])
        let nobody = try await http.api("GET", "/repos/acme/widgets/issues?assignee=none")
        XCTAssertEqual(titles(nobody), ["C"])
        let anybody = try await http.api("GET", "/repos/acme/widgets/issues?assignee=*")
        XCTAssertEqual(titles(anybody), ["B", "A"])
        let byBen = try await http.api("GET", "/repos/acme/widgets/issues?creator=ben")
        XCTAssertEqual(titles(byBen), ["A"])
    }

    func testSortAndDirection() async throws {
        try await addIssues(3)
        try await http.api("PATCH", "/repos/acme/widgets/issues/1", ["body": "touched"])
        let updatedAscending = try await http.api("GET", "/repos/acme/widgets/issues?sort=updated&direction=asc")
        XCTAssertEqual(numbers(updatedAscending), [2, 3, 1])
        let updatedDescending = try await http.api("GET", "/repos/acme/widgets/issues?sort=updated")
        XCTAssertEqual(numbers(updatedDescending), [1, 3, 2])
        let createdAscending = try await http.api("GET", "/repos/acme/widgets/issues?direction=asc")
        XCTAssertEqual(numbers(createdAscending), [1, 2, 3])
    }

    func testPullRequestsAreMixedInWithAPullRequestKey() async throws {
        try await http.addItem(["title": "Issue"])
        try await http.addItem(["title": "Change", "pull_request": true])
        let list = try await http.api("GET", "/repos/acme/widgets/issues").array
        XCTAssertEqual(list.count, 2)
        let pull = try XCTUnwrap(list.first { $0["title"] as? String == "Change" })
        let pullRequest = try XCTUnwrap(pull["pull_request"] as? [String: Any])
        XCTAssertEqual(pullRequest["url"] as? String, "\(server.baseURL)/repos/acme/widgets/pulls/2")
        XCTAssertNil(list.first { $0["title"] as? String == "Issue" }?["pull_request"])
    }

    func testAnUnknownRepositoryIs404() async throws {
        let answer = try await http.api("GET", "/repos/acme/nothing-here/issues")
        XCTAssertEqual(answer.status, 404)
        XCTAssertEqual(answer.object["message"] as? String, "Not Found")
    }
}

/// Paging a large repository to the end (correctness at the size the benchmark uses; speed is not asserted).
final class GitHubLargeListTests: SimulatorTestCase {
    override var options: SimulatorOptions {
        SimulatorOptions(kind: .github, token: token, seedCount: 10_000, seedRepository: "acme/big")
    }

    func testTenThousandIssuesPageCompletelyInOneHundredRequests() async throws {
        var next: String? = "/repos/acme/big/issues?state=all&per_page=100&sort=updated&direction=asc"
        var seen: [Int] = []
        var requests = 0
        while let url = next {
            let page = try await http.api("GET", url)
            XCTAssertEqual(page.status, 200)
            seen += numbers(page)
            requests += 1
            next = page.link("next")
        }
        XCTAssertEqual(requests, 100)
        XCTAssertEqual(seen, Array(1...10_000), "oldest update first, each issue exactly once")
    }
}
