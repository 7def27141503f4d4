import Foundation
import Trackers
import XCTest

@testable import SyncEngine

/// The line reader takes `last-sync.json` files in the layout this tool writes and hands everything else to the
/// JSON parser; either way the baseline read is the one written, and the one Foundation's JSONSerialization (an
/// independent reader) finds in the same bytes.
final class BaselineLineReaderTests: XCTestCase {
    private var state: UInt64 = 0x1a57_5e2c
    private func next(_ bound: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((state >> 33) % UInt64(bound))
    }

    /// Plain hex and timestamps mostly; now and then quotes, backslashes, control characters, non-ASCII and slashes
    /// (which the writer escapes or keeps, and the line reader leaves to the JSON parser).
    private var plainOnly = false

    private func text() -> String {
        let plain = ["9f3cb92cc0ba351770704870468c7d74b160ec72", "2026-12-01T12:22:34Z", "acme/bench#12", "0042", "ENG-7"]
        let odd = ["a \"quoted\" key", "back\\slash", "tab\there", "line\nbreak", "café ☕", "path/with/slashes", "\u{7}bell", ""]
        return !plainOnly && next(6) == 0 ? odd[next(odd.count)] : plain[next(plain.count)]
    }

    private func randomBaseline() -> Baseline {
        var baseline = Baseline()
        for _ in 0..<next(40) {
            func maybe() -> String? { next(3) == 0 ? nil : text() }
            baseline.items[next(5) == 0 ? text() : String(format: "%04d", next(10_000))] = BaselineEntry(
                remoteUpdatedAt: maybe(), remoteHash: maybe(), localHash: maybe(), localBlob: maybe(),
                forgottenKey: next(8) == 0 ? text() : nil, remoteID: next(4) == 0 ? text() : nil)
        }
        if next(2) == 0 { baseline.timestamp = Date(timeIntervalSince1970: TimeInterval(1_700_000_000 + next(100_000_000))) }
        if next(2) == 0 { baseline.discovery = DiscoveryFilter(projectCode: "BENCH", all: next(2) == 0, labels: [text()]) }
        return baseline
    }

    func testWrittenBaselinesReadBackAsWritten() throws {
        var readByLines = 0
        for round in 0..<400 {
            plainOnly = round % 2 == 0
            let baseline = randomBaseline()
            let bytes = Data(baseline.encoded().utf8)
            XCTAssertEqual(try Baseline.decode(bytes, path: "last-sync.json"), baseline)
            if BaselineLineReader.read(Array(bytes)) != nil { readByLines += 1 }
        }
        XCTAssertGreaterThanOrEqual(readByLines, 200, "files without escapes take the line reader")
        XCTAssertLessThan(readByLines, 400, "files with escapes take the JSON parser")
    }

    func testTheItemsAreWhatJSONSerializationReads() throws {
        for _ in 0..<200 {
            let bytes = Data(randomBaseline().encoded().utf8)
            let oracle = try XCTUnwrap(JSONSerialization.jsonObject(with: bytes) as? [String: Any])
            let items = try XCTUnwrap(oracle["items"] as? [String: [String: String]])
            let decoded = try Baseline.decode(bytes, path: "last-sync.json").items
            XCTAssertEqual(Set(decoded.keys), Set(items.keys))
            for (id, members) in items {
                let entry = try XCTUnwrap(decoded[id])
                XCTAssertEqual(entry.localBlob, members["local_blob"])
                XCTAssertEqual(entry.localHash, members["local_hash"])
                XCTAssertEqual(entry.remoteHash, members["remote_hash"])
                XCTAssertEqual(entry.remoteUpdatedAt, members["remote_updated_at"])
                XCTAssertEqual(entry.forgottenKey, members["forgotten_key"])
                XCTAssertEqual(entry.remoteID, members["remote_id"])
            }
        }
    }

    /// Reformatted, an unknown member, the seed's layout: read as JSON, not by lines; a repeated id reads as JSON
    /// parsers read it (the last wins).
    func testOtherLayoutsAreReadAsJSON() throws {
        var baseline = Baseline(timestamp: Date(timeIntervalSince1970: 1_796_000_000))
        baseline.items["0001"] = BaselineEntry(remoteUpdatedAt: "2026-12-01T10:00:00Z", remoteHash: "r", localHash: "l", localBlob: "b")
        baseline.items["0002"] = BaselineEntry(remoteUpdatedAt: "2026-12-01T11:00:00Z", remoteHash: "r2", localHash: nil, localBlob: nil)
        let written = baseline.encoded()

        let reformatted = try JSONSerialization.data(withJSONObject: JSONSerialization.jsonObject(with: Data(written.utf8)),
            options: [.prettyPrinted])
        let unknownMember = written.replacingOccurrences(of: "{\"local_blob\"", with: "{\"later\": \"x\", \"local_blob\"")
        let repeatedID = written.replacingOccurrences(of: "\n  },", with: ",\n    \"0001\": {\"remote_hash\": \"again\"}\n  },")
        let seed = #"{"items": {"0001": "2026-12-01T10:00:00Z"}, "timestamp": "2026-12-01T12:00:00Z"}"#

        for text in [String(decoding: reformatted, as: UTF8.self), unknownMember, seed] {
            XCTAssertNil(BaselineLineReader.read(Array(text.utf8)), text)
        }
        XCTAssertEqual(try Baseline.decode(reformatted, path: "p"), baseline)
        XCTAssertEqual(try Baseline.decode(Data(unknownMember.utf8), path: "p"), baseline)
        XCTAssertEqual(try Baseline.decode(Data(repeatedID.utf8), path: "p").items["0001"]?.remoteHash, "again")
        XCTAssertEqual(try Baseline.decode(Data(seed.utf8), path: "p").items["0001"]?.remoteUpdatedAt, "2026-12-01T10:00:00Z")
    }
}
