import Foundation
import XCTest

/// A listing longer than three of Linear's pages is read as ranges of issue numbers side by side, through the binary:
/// a first pull of 600 issues (pages of 250) makes each issue one file, once.
final class LinearRangedReadTests: LinearTestCase {
    override func startSimulator() async throws -> Simulator { try await Simulator.startLinear(seedIssues: 600) }

    func testAFirstPullOfManyPagesReadsNumberRangesSideBySideAndPullsEveryIssueOnce() async throws {
        _ = try await sim.admin("POST", "/_simulator/setup", ["record_bodies": true])
        try repo.write("meta/work/.keep", "")
        try repo.commitAll("init")

        let result = try repo.sync("--max-pulls=1000")

        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        let expected = Set(try await sim.items().compactMap { $0["key"] as? String })
        XCTAssertEqual(expected.count, 600, "the simulator's own list is the oracle")
        let files = repo.files(under: "meta/work").filter { $0.hasSuffix(".md") }
        let pulled = files.compactMap { repo.externalID(of: "meta/work/" + $0) }
        XCTAssertEqual(pulled.count, 600, "one file per issue")
        XCTAssertEqual(Set(pulled), expected)

        let listings = try await sim.requestBodies().filter { $0.path.hasSuffix("#query:Issues") }.compactMap(\.body)
        let ranges = Set(listings.compactMap { Self.numberRange(in: $0) })
        XCTAssertGreaterThanOrEqual(ranges.count, 3, "ranges of issue numbers, each its own listing: \(ranges)")
        XCTAssertEqual(listings.count, ranges.count, "each range is one page here, read once")
    }

    /// The `number` bound of a listing's filter, as "gte..lt" (either side empty when open), or nil when it has none.
    private static func numberRange(in body: [String: Any]) -> String? {
        let filter = (body["variables"] as? [String: Any])?["filter"] as? [String: Any]
        let bounds = (filter?["and"] as? [[String: Any]])?.compactMap { $0["number"] as? [String: Any] }.first
            ?? filter?["number"] as? [String: Any]
        guard let bounds else { return nil }
        return "\(bounds["gte"].map { "\($0)" } ?? "")..\(bounds["lt"].map { "\($0)" } ?? "")"
    }
}
