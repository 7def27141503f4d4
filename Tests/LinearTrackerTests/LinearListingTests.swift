import Foundation
import JSON
import Trackers
import XCTest
@testable import LinearTracker

/// A long listing read as ranges of issue numbers side by side: every issue once, an issue numbered past the newest
/// one still read, a short listing still one request.
final class LinearListingTests: LinearClientTestCase {
    private func listing(_ client: LinearTracker) -> LinearListing {
        LinearListing(api: client.api, pageSize: 3, ranges: 4)
    }

    private func keys(_ listing: LinearListing, _ filter: JSONObject) async throws -> [String] {
        var keys: [String] = []
        try await listing.forEachIssueInRanges(filter) { issue in keys.append(issue["identifier"]?.string ?? "?") }
        return keys
    }

    func testALongListingIsReadInRangesAndEveryIssueOnce() async throws {
        try await add(["title": "Made in OPS", "scope": "OPS"])
        for n in 1...14 { try await add(["title": "Issue \(n)"]) }
        // Moved in after the others were made: numbered past the newest issue, made before all of them.
        try await admin("PATCH", "/_simulator/items/OPS-1", ["team": "ENG"])
        let client = try client()
        try await clearRequests()

        let read = try await keys(listing(client), ["team": ["key": ["eq": "ENG"]]])
        XCTAssertEqual(read.count, Set(read).count, "no issue twice: \(read)")
        XCTAssertEqual(Set(read), Set((1...15).map { "ENG-\($0)" }))
        let sent = try await requests()
        XCTAssertEqual(sent.filter { $0.operation == "query:IssuesAndNewest" }.count, 1, "the first page with the newest number")
        let ranged = sent.filter { $0.operation == "query:Issues" }.compactMap { request -> [String: Any]? in
            let parts = (request.variables["filter"] as? [String: Any])?["and"] as? [[String: Any]]
            return parts?.compactMap { $0["number"] as? [String: Any] }.first
        }
        let firstPages = ranged.filter { $0["gte"] == nil }.count, lastPages = ranged.filter { $0["lt"] == nil }.count
        XCTAssertGreaterThan(firstPages, 0, "a range open below: \(ranged)")
        XCTAssertGreaterThan(lastPages, 0, "a range open above: \(ranged)")
    }

    func testAShortListingIsOneRequest() async throws {
        for n in 1...3 { try await add(["title": "Issue \(n)"]) }
        let client = try client()
        try await clearRequests()
        let read = try await keys(listing(client), [:])
        XCTAssertEqual(Set(read), ["ENG-1", "ENG-2", "ENG-3"])
        let sent = try await requests()
        XCTAssertEqual(sent.map(\.operation), ["query:IssuesAndNewest"])
    }

    func testAListingOfAFewPagesFollowsTheFirstPagesCursor() async throws {
        for n in 1...5 { try await add(["title": "Issue \(n)"]) }
        let client = try client()
        try await clearRequests()
        let read = try await keys(listing(client), [:])
        XCTAssertEqual(read.count, 5)
        XCTAssertEqual(Set(read), Set((1...5).map { "ENG-\($0)" }))
        let sent = try await requests()
        XCTAssertEqual(sent.map(\.operation), ["query:IssuesAndNewest", "query:Issues"], "two pages' worth: no page read twice")
        XCTAssertTrue(sent.dropFirst().allSatisfy { $0.variables["after"] != nil && $0.variables["filter"] == nil })
    }

    func testRangesCutTheNumbersIntoPagesOrMoreOpenAtBothEnds() {
        let ranges = LinearListing.rangeFilters(newestNumber: 10_000, pageSize: 250, ranges: 8)
        XCTAssertEqual(ranges.count, 8)
        XCTAssertEqual(ranges.first, ["number": ["lt": 1251]])
        XCTAssertEqual(ranges[1], ["number": ["gte": 1251, "lt": 2501]])
        XCTAssertEqual(ranges.last, ["number": ["gte": 8751]])
        XCTAssertEqual(LinearListing.rangeFilters(newestNumber: 600, pageSize: 250, ranges: 8).count, 3)
        XCTAssertEqual(LinearListing.rangeFilters(newestNumber: 200, pageSize: 250, ranges: 8), [[:]])
        XCTAssertEqual(LinearListing.rangeFilters(newestNumber: 0, pageSize: 250, ranges: 8), [[:]])
    }
}
