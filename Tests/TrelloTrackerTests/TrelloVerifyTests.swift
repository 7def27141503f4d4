import Foundation
import Trackers
import XCTest
@testable import TrelloTracker

/// `check --online`: key, token and board, and the scope label when there is one.
final class TrelloVerifyTests: TrelloClientTestCase {
    func testAWorkingSetupSaysWhatItChecked() async throws {
        let lines = try await tracker().verify(scope: DiscoveryFilter(projectCode: "backend"))
        XCTAssertTrue(lines[0].contains("@simuser"), lines[0])
        XCTAssertTrue(lines[1].contains("Engineering") && lines[1].contains("EngBoard") && lines[1].contains("5 open lists"), lines[1])
        XCTAssertTrue(lines[2].contains("review → Review") && lines[2].contains("abandoned → no list"), lines[2])
        XCTAssertTrue(lines[3].contains("'backend' is not on the board yet"), lines[3])
        try await addCard(["title": "Scoped", "labels": ["backend"]])
        let again = try await tracker().verify(scope: DiscoveryFilter(projectCode: "backend"))
        XCTAssertTrue(again[3].contains("'backend' is on the board"), again[3])
    }

    func testAWrongKeyATokenOfAStrangerOrNoBoardFailTheCheck() async throws {
        do {
            _ = try await tracker(key: "ffffffffffffffffffffffffffffffff").verify(scope: DiscoveryFilter())
            XCTFail("wrong key")
        } catch TrackerError.unauthorized(let message) {
            XCTAssertTrue(message.contains("trello.key"), message)
        }
        do {
            _ = try await tracker(["trello.board_id": "NoBoard1"]).verify(scope: DiscoveryFilter())
            XCTFail("no board")
        } catch TrackerError.configuration(let message) {
            XCTAssertTrue(message.contains("NoBoard1"), message)
        }
        try await admin("POST", "/_simulator/setup", ["boards": [["name": "Private", "shortLink": "Priv4te1", "lists": ["To Do"], "members": ["ana"]]]])
        do {
            _ = try await tracker(["trello.board_id": "Priv4te1"]).verify(scope: DiscoveryFilter())
            XCTFail("the token's member is not on that board")
        } catch let error as TrackerError {
            XCTAssertTrue(error.description.contains("Priv4te1"), error.description)
        }
    }
}
