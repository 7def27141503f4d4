import Foundation
import XCTest
@testable import SyncEngine

/// The stamp's file: what is written reads back the same; anything else (another version, a cut-off file, a value
/// that would break its line) is no stamp, so the run reads everything.
final class SettledStampTests: XCTestCase {
    private func stamp(_ tracked: [SettledStamp.Tracked]) -> SettledStamp {
        SettledStamp(fingerprint: String(repeating: "a", count: 40), workTree: String(repeating: "b", count: 40),
            baselineBlob: String(repeating: "c", count: 40), since: Date(timeIntervalSinceReferenceDate: 817_839_346.123_456_7),
            tracked: tracked)
    }

    func testWhatIsWrittenReadsBackTheSame() throws {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("abcXYZ-#/ 0123456789é✓🙂\u{200B}")
        func text(_ length: Int) -> String { String((0..<length).map { _ in alphabet.randomElement(using: &generator)! }) }
        for _ in 0..<50 {
            let tracked = (0..<Int.random(in: 0...40)).map { _ in
                SettledStamp.Tracked(key: text(.random(in: 1...12)), remoteUpdatedAt: text(.random(in: 1...25)),
                    remoteID: Bool.random() ? nil : text(.random(in: 1...10)))
            }
            let original = stamp(tracked)
            let bytes = try XCTUnwrap(original.encoded())
            XCTAssertEqual(SettledStamp(decoding: bytes), original)
        }
    }

    func testTheWatermarkKeepsEveryBit() throws {
        for seconds in [0, 817_839_346, 817_839_346.1, -1e9, 1.0 / 3.0, 8.178_393_461_234_568e8] {
            var original = stamp([])
            original.since = Date(timeIntervalSinceReferenceDate: seconds)
            let read = try XCTUnwrap(SettledStamp(decoding: XCTUnwrap(original.encoded())))
            XCTAssertEqual(read.since.timeIntervalSinceReferenceDate.bitPattern, seconds.bitPattern)
        }
    }

    func testValuesThatWouldBreakTheirLineAreNotWritten() {
        for bad in ["a\tb", "a\nb", "a\rb"] {
            XCTAssertNil(stamp([.init(key: bad, remoteUpdatedAt: "t", remoteID: nil)]).encoded(), bad.debugDescription)
            XCTAssertNil(stamp([.init(key: "k", remoteUpdatedAt: bad, remoteID: nil)]).encoded())
            XCTAssertNil(stamp([.init(key: "k", remoteUpdatedAt: "t", remoteID: bad)]).encoded())
        }
        XCTAssertNotNil(stamp([.init(key: "k", remoteUpdatedAt: "t", remoteID: nil)]).encoded())
    }

    func testAnythingButACompleteStampIsNone() throws {
        let bytes = try XCTUnwrap(stamp([.init(key: "ENG-1", remoteUpdatedAt: "2026-01-01T00:00:00Z", remoteID: "r1"),
                                         .init(key: "ENG-2", remoteUpdatedAt: "2026-01-02T00:00:00Z", remoteID: nil)]).encoded())
        XCTAssertNotNil(SettledStamp(decoding: bytes))
        for cut in 0..<bytes.count - 1 {
            XCTAssertNil(SettledStamp(decoding: Array(bytes.prefix(cut))), "cut at \(cut) of \(bytes.count)")
        }
        let text = String(decoding: bytes, as: UTF8.self)
        for broken in [text.replacingOccurrences(of: "settled 1", with: "settled 2"),
                       text.replacingOccurrences(of: "\n2\nENG-1", with: "\n3\nENG-1"),
                       text.replacingOccurrences(of: "ENG-2\t", with: "ENG-2 "),
                       text.replacingOccurrences(of: "\tr1", with: "\tr1\textra"),
                       text.replacingOccurrences(of: "ENG-1\t2026-01-01T00:00:00Z", with: "ENG-1\t")] {
            XCTAssertNil(SettledStamp(decoding: Array(broken.utf8)), broken)
        }
    }
}
