import XCTest
@testable import Trackers

/// A local description that says what a tracker's re-rendered text says is represented by the tracker's text (so
/// the engine sees no change); one that says something else is left as it is.
final class RemoteMarkdownSpellingsTests: XCTestCase {
    private let local = "Steps:\n\n* open the cart\n* pay with a **saved** card\n\n1. first\n1. second\n"
    private let trackers = "Steps:\n\n- open the cart\n- pay with a __saved__ card\n\n1. first\n2. second"

    func testTheSameContentInTheTrackersSpellingIsRepresentedByIt() {
        let spellings = RemoteMarkdownSpellings()
        spellings.note("Unrelated text")
        spellings.note(trackers)
        XCTAssertEqual(spellings.representable(local), trackers)
    }

    func testDifferentContentIsLeftAsWritten() {
        let spellings = RemoteMarkdownSpellings()
        spellings.note(trackers)
        let edited = local.replacingOccurrences(of: "saved", with: "new")
        XCTAssertEqual(spellings.representable(edited), edited)
    }

    func testNothingAnsweredYetLeavesEveryTextAsWritten() {
        XCTAssertEqual(RemoteMarkdownSpellings().representable(local), local)
    }

    func testTextsNotedAfterAnEarlierLookupAreFoundToo() {
        let spellings = RemoteMarkdownSpellings()
        spellings.note("First answer")
        XCTAssertEqual(spellings.representable(local), local)
        spellings.note(trackers)
        XCTAssertEqual(spellings.representable(local), trackers)
    }
}
