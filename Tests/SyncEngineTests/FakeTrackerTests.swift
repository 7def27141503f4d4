import Foundation
import TrackerTesting
import Trackers
import WorkItems
import XCTest

/// The fake behaves like a tracker where the engine can tell: the client checks of issue 8, in memory.
final class FakeTrackerTests: XCTestCase {
    private let content = WorkItemContent(title: "Made here", description: "## Summary\n\nText.\n", status: "ready", kind: "bug")

    func testACreateWithAMarkerIsFoundByIt() async throws {
        let clock = ManualClock()
        let tracker = FakeTracker(clock: clock)
        let before = clock.now()
        let created = try await tracker.create(content, marker: SyncMarker("m-1"))

        let found = try await tracker.findCreated(marker: SyncMarker("m-1"), createdAfter: before)
        XCTAssertEqual(found, created)
        let otherMarker = try await tracker.findCreated(marker: SyncMarker("m-2"), createdAfter: before)
        XCTAssertNil(otherMarker)
        let tooEarly = try await tracker.findCreated(marker: SyncMarker("m-1"), createdAfter: clock.advance(by: 60))
        XCTAssertNil(tooEarly)
    }

    func testAnUpdateReadsBackAsRepresentablePredictsAndTwiceChangesNothing() async throws {
        let tracker = FakeTracker()
        let created = try await tracker.create(content, marker: SyncMarker("m"))
        var edited = content
        edited.title = "Edited"

        let first = try await tracker.update(key: created.key, to: edited, previous: created.content)
        let second = try await tracker.update(key: created.key, to: edited, previous: first.content)

        XCTAssertEqual(first.content, tracker.representable(edited))
        XCTAssertNil(first.content.kind, "the fake keeps no kind")
        XCTAssertNotEqual(first.updatedAt, created.updatedAt)
        XCTAssertEqual(second.updatedAt, first.updatedAt, "an update that changes nothing does not move the clock")
    }

    func testADeletedKeyIsNotFoundAndLeftOutOfReads() async throws {
        let tracker = FakeTracker()
        let item = tracker.add(content)
        tracker.delete(item.key)

        do {
            _ = try await tracker.update(key: item.key, to: content, previous: nil)
            XCTFail("expected notFound")
        } catch let error as TrackerError {
            guard case .notFound = error else { return XCTFail("\(error)") }
        }
        let fetched = try await tracker.fetch(keys: [item.key])
        XCTAssertEqual(fetched, [])
        let read = try await tracker.read(RemoteReadRequest(since: nil, trackedKeys: [item.key], discovery: DiscoveryFilter(), discoverySince: nil))
        XCTAssertEqual(read.items, [])
    }

    func testSinceIncludesItsBoundaryAndDiscoveryFollowsTheFilter() async throws {
        let clock = ManualClock()
        let tracker = FakeTracker(clock: clock)
        let tracked = tracker.add(content)
        let boundary = try XCTUnwrap(ISO8601DateFormatter().date(from: tracked.updatedAt))
        let other = tracker.add(WorkItemContent(title: "Elsewhere", description: "", tags: ["ops"]), project: "OPS")

        let read = try await tracker.read(RemoteReadRequest(since: boundary, trackedKeys: [tracked.key],
            discovery: DiscoveryFilter(projectCode: "FAKE"), discoverySince: nil))
        XCTAssertEqual(read.items.map(\.key), [tracked.key], "the boundary is included; OPS is outside the project")
        let all = try await tracker.read(RemoteReadRequest(since: boundary, trackedKeys: [tracked.key],
            discovery: DiscoveryFilter(projectCode: "FAKE", all: true, labels: ["ops"]), discoverySince: nil))
        XCTAssertEqual(all.items.map(\.key), [tracked.key, other.key])
    }

    func testAFaultAfterApplyingLeavesTheWriteDoneAndTheAnswerLost() async throws {
        let tracker = FakeTracker()
        tracker.inject(.init(.create, .outcomeUnknown("dropped"), afterApplying: true))

        do {
            _ = try await tracker.create(content, marker: SyncMarker("m"))
            XCTFail("expected the answer to be lost")
        } catch {}
        XCTAssertEqual(tracker.items.count, 1)
        XCTAssertEqual(tracker.writes.map(\.operation), [.create])
    }
}
