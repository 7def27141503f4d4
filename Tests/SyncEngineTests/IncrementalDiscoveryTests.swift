import Foundation
import TrackerTesting
import Trackers
import WorkItems
import XCTest
@testable import SyncEngine

/// Discovery reads only what changed since the last run when the filters are the last run's (recorded in
/// last-sync.json), and everything when they are not, so no older candidate is missed.
final class IncrementalDiscoveryTests: XCTestCase {
    private func item(_ title: String, tags: [String]) -> WorkItemContent {
        var content = EngineSandbox.content(title)
        content.tags = tags
        return content
    }

    func testTheLastRunsFiltersDiscoverIncrementallyAndNewOnesReadEverything() async throws {
        let sandbox = try EngineSandbox()
        sandbox.tracker.add(item("Alpha", tags: ["x"]))
        sandbox.tracker.add(item("Beta", tags: ["ops"]))
        _ = try await sandbox.sync { $0.labels = ["x"] }
        XCTAssertEqual(Set(sandbox.keysByFile().values), ["FAKE-1"])
        let recorded = try XCTUnwrap(sandbox.read(sandbox.baselinePath))
        XCTAssertTrue(recorded.contains(#""discovery": {"all": false, "labels": ["x"]},"#), recorded)

        sandbox.clock.advance(by: 3600)
        _ = try await sandbox.sync { $0.labels = ["x"] }
        let same = try XCTUnwrap(sandbox.tracker.reads.last)
        XCTAssertNotNil(same.since)
        XCTAssertEqual(same.discoverySince, same.since, "the same filters: only changes since the last run")

        // Beta is older than the watermark: only a full read of the new filter finds it.
        _ = try await sandbox.sync { $0.labels = ["ops"] }
        XCTAssertNil(try XCTUnwrap(sandbox.tracker.reads.last).discoverySince)
        XCTAssertEqual(Set(sandbox.keysByFile().values), ["FAKE-1", "FAKE-2"])
        XCTAssertTrue(try XCTUnwrap(sandbox.read(sandbox.baselinePath)).contains(#""labels": ["ops"]"#))

        _ = try await sandbox.sync { $0.labels = ["OPS"] }
        let again = try XCTUnwrap(sandbox.tracker.reads.last)
        XCTAssertEqual(again.discoverySince, again.since, "label case is no new filter")
    }

    func testNewFiltersAreRecordedEvenWhenTheyFindNothing() async throws {
        let sandbox = try EngineSandbox()
        sandbox.tracker.add(item("Alpha", tags: []))
        _ = try await sandbox.sync()
        sandbox.clock.advance(by: 3600)
        let report = try await sandbox.sync { $0.labels = ["nothing-has-it"] }
        XCTAssertEqual(report.exitCode, 0)
        XCTAssertNil(try XCTUnwrap(sandbox.tracker.reads.last).discoverySince)
        XCTAssertTrue(try XCTUnwrap(sandbox.read(sandbox.baselinePath)).contains(#""labels": ["nothing-has-it"]"#))
        XCTAssertEqual(try sandbox.statusLines(), [], "recorded in the sync commit")
        _ = try await sandbox.sync { $0.labels = ["nothing-has-it"] }
        let again = try XCTUnwrap(sandbox.tracker.reads.last)
        XCTAssertEqual(again.discoverySince, again.since)
    }

    func testABaselineFromBeforeTheRecordWasTheDefaultScope() async throws {
        let sandbox = try EngineSandbox()
        try sandbox.write(sandbox.baselinePath, "{\n  \"items\": {},\n  \"timestamp\": \"2026-01-01T00:00:00Z\"\n}\n")
        try sandbox.commitAll("an older baseline")
        _ = try await sandbox.sync()
        let plain = try XCTUnwrap(sandbox.tracker.reads.last)
        XCTAssertEqual(plain.discoverySince, plain.since)
        XCTAssertNotNil(plain.since)
        _ = try await sandbox.sync { $0.all = true }
        XCTAssertNil(try XCTUnwrap(sandbox.tracker.reads.last).discoverySince)
    }

    func testWhatAWiderFilterSawCoversANarrowerOne() {
        let all = DiscoveryFilter(projectCode: "ENG", all: true)
        XCTAssertTrue(DiscoveryScope.covers(all, DiscoveryFilter(projectCode: "ENG", labels: ["ops"])))
        XCTAssertTrue(DiscoveryScope.covers(all, DiscoveryFilter(projectCode: "ENG", all: true, state: "all")))
        XCTAssertFalse(DiscoveryScope.covers(DiscoveryFilter(projectCode: "ENG"), all))
        XCTAssertFalse(DiscoveryScope.covers(DiscoveryFilter(projectCode: "ENG", labels: ["ops"]), DiscoveryFilter(projectCode: "ENG")))
        XCTAssertFalse(DiscoveryScope.covers(DiscoveryFilter(projectCode: "ENG"), DiscoveryFilter(projectCode: "OPS")))
        XCTAssertTrue(DiscoveryScope.covers(DiscoveryFilter(projectCode: "eng", labels: ["b", "a"]),
                                            DiscoveryFilter(projectCode: "ENG", labels: ["A", "b"])))
        XCTAssertFalse(DiscoveryScope.covers(DiscoveryFilter(all: true, assignee: "ana"), DiscoveryFilter()))
    }

    func testTheRecordRoundTripsAndOldFilesReadWithoutIt() throws {
        var baseline = Baseline(timestamp: ISOTime.parse("2026-11-25T10:00:00Z"))
        baseline.discovery = DiscoveryFilter(projectCode: "ENG", assignee: "ana \"a\"", labels: ["ops", "x/y"], state: "open")
        let text = baseline.encoded()
        XCTAssertTrue(text.hasPrefix("{\n  \"discovery\": {\"all\": false, \"assignee\": \"ana \\\"a\\\"\", \"labels\": [\"ops\", \"x/y\"], "
            + "\"project\": \"ENG\", \"state\": \"open\"},\n  \"items\": {"), text)
        XCTAssertEqual(try Baseline.decode(Data(text.utf8), path: "p"), baseline)
        XCTAssertNil(try Baseline.decode(Data(#"{"items": {}, "timestamp": null}"#.utf8), path: "p").discovery)
    }

    func testStringsAreQuotedAsJSONEncoderQuotesThem() throws {
        for text in ["plain", "quote \" and \\ backslash", "tab\tnewline\nreturn\r", "\u{01}\u{1F}", "ünïcödé 😀", "a/b"] {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.withoutEscapingSlashes]
            XCTAssertEqual(Baseline.quote(text), String(decoding: try encoder.encode(text), as: UTF8.self), text)
        }
    }
}
