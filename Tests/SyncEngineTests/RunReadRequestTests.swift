import Foundation
import Trackers
import XCTest

@testable import SyncEngine

/// The one builder of a run's remote read, used by the settled check and the full run.
final class RunReadRequestTests: XCTestCase {
    private let watermark = Date(timeIntervalSinceReferenceDate: 800_000_000)

    private func request(_ tracked: [RunReadRequest.Tracked], incremental: Bool = true) -> RemoteReadRequest {
        RunReadRequest.make(watermark: watermark, overlap: 60, tracked: tracked, discovery: DiscoveryFilter(projectCode: "ENG"),
            incremental: incremental, progress: { _ in })
    }

    func testItReadsFromTheWatermarkLessTheOverlapAndDiscoversFromThereWhenIncremental() {
        let incremental = request([], incremental: true)
        XCTAssertEqual(incremental.since, watermark.addingTimeInterval(-60))
        XCTAssertEqual(incremental.discoverySince, watermark.addingTimeInterval(-60))
        let full = request([], incremental: false)
        XCTAssertEqual(full.since, watermark.addingTimeInterval(-60))
        XCTAssertNil(full.discoverySince, "filters the last run did not record are discovered in full")
        let first = RunReadRequest.make(watermark: nil, overlap: 60, tracked: [], discovery: DiscoveryFilter(), incremental: false,
            progress: { _ in })
        XCTAssertNil(first.since, "no watermark: everything")
    }

    /// Two files tracking one key: the first remote id held is kept, and a time they disagree on is left out.
    func testAKeyTrackedTwiceKeepsItsFirstRemoteIDAndOnlyATimeBothHold() {
        let read = request([
            .init(key: "ENG-1", remoteID: "id-1", updatedAt: "2026-01-01T00:00:00Z"),
            .init(key: "ENG-2", remoteID: "id-2a", updatedAt: "2026-01-02T00:00:00Z"),
            .init(key: "ENG-2", remoteID: "id-2b", updatedAt: "2026-01-03T00:00:00Z"),
            .init(key: "ENG-3", remoteID: nil, updatedAt: nil),
            .init(key: "ENG-4", remoteID: nil, updatedAt: "2026-01-04T00:00:00Z"),
            .init(key: "ENG-4", remoteID: "id-4", updatedAt: "2026-01-04T00:00:00Z"),
        ])
        XCTAssertEqual(read.trackedKeys, ["ENG-1", "ENG-2", "ENG-3", "ENG-4"])
        XCTAssertEqual(read.remoteIDs, ["ENG-1": "id-1", "ENG-2": "id-2a", "ENG-4": "id-4"])
        XCTAssertEqual(read.knownUpdatedAt.times, ["ENG-1": "2026-01-01T00:00:00Z", "ENG-4": "2026-01-04T00:00:00Z"])
    }

    /// The settled check's answer is used by the full run only for the same request.
    func testTheSameStateGivesRequestsASettledReadAnswers() {
        let tracked: [RunReadRequest.Tracked] = [.init(key: "ENG-1", remoteID: "id-1", updatedAt: "2026-01-01T00:00:00Z")]
        let settled = SettledRead(request: request(tracked), reading: Task { RemoteReadResult(items: [], requestCount: 1) },
            startedAt: watermark)
        XCTAssertTrue(settled.answers(request(tracked)))
        XCTAssertFalse(settled.answers(request(tracked, incremental: false)))
        XCTAssertFalse(settled.answers(request(tracked + [.init(key: "ENG-2", remoteID: nil, updatedAt: nil)])))
        XCTAssertFalse(settled.answers(request([.init(key: "ENG-1", remoteID: "id-1", updatedAt: "2026-01-02T00:00:00Z")])))
    }
}
