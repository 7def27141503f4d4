import Foundation
import XCTest
@testable import Trackers

/// When one listing of changes can also serve discovery: it must reach back at least as far.
final class RemoteReadRequestTests: XCTestCase {
    private func request(since: Date?, discoverySince: Date?) -> RemoteReadRequest {
        RemoteReadRequest(since: since, trackedKeys: [], discovery: DiscoveryFilter(), discoverySince: discoverySince)
    }

    func testAListingReachesDiscoveryOnlyWhenItStartsNoLater() {
        let early = Date(timeIntervalSince1970: 1_000)
        let late = Date(timeIntervalSince1970: 2_000)
        XCTAssertTrue(request(since: nil, discoverySince: nil).changesSinceReachDiscovery, "from the beginning")
        XCTAssertTrue(request(since: nil, discoverySince: late).changesSinceReachDiscovery)
        XCTAssertTrue(request(since: early, discoverySince: late).changesSinceReachDiscovery)
        XCTAssertTrue(request(since: late, discoverySince: late).changesSinceReachDiscovery)
        XCTAssertFalse(request(since: late, discoverySince: early).changesSinceReachDiscovery, "discovery needs older changes")
        XCTAssertFalse(request(since: early, discoverySince: nil).changesSinceReachDiscovery, "discovery needs every candidate")
    }
}
