import Trackers
import XCTest
@testable import TrelloTracker

final class TrelloCreateMarkerTests: XCTestCase {
    func testTheMarkerIsALineMarkdownRendersAsNothingAndComesOutWhole() {
        let marker = SyncMarker("3f1c9a2e-0b7d-4c55-9e61-5a0f6e2d8c11")
        for description in ["", "## Summary\n\nText.\n", "## Summary\n\nText.\n\n\n", "one line"] {
            let marked = TrelloCreateMarker.append(marker, to: description)
            XCTAssertTrue(marked.hasSuffix("[//]: # (git-sync-work-items:\(marker.value))"), marked)
            XCTAssertEqual(TrelloCreateMarker.find(in: marked), marker)
            XCTAssertEqual(TrelloCreateMarker.strip(from: marked), description.trimmingTrailingNewlines())
        }
        XCTAssertNil(TrelloCreateMarker.find(in: "## Summary\n\nNothing here.\n"))
        XCTAssertEqual(TrelloCreateMarker.strip(from: "Untouched\n\n"), "Untouched\n\n", "no marker, no change")
    }

    func testOnlyAWholeWellFormedLineIsAMarker() {
        XCTAssertNil(TrelloCreateMarker.find(in: "see `[//]: # (git-sync-work-items:abc)` in the docs"))
        XCTAssertNil(TrelloCreateMarker.find(in: "[//]: # (git-sync-work-items:abc def)"))
        XCTAssertNil(TrelloCreateMarker.find(in: "[//]: # (git-sync-work-items:)"))
        XCTAssertEqual(TrelloCreateMarker.find(in: "text\n  [//]: # (git-sync-work-items:abc-1)  \nmore"), SyncMarker("abc-1"),
                       "a user's edit around it keeps it")
        XCTAssertEqual(TrelloCreateMarker.strip(from: "a\n[//]: # (git-sync-work-items:abc-1)\nb"), "a\nb")
    }
}
