import Foundation
import JSON
import XCTest

/// `JSONEncoder` is the oracle for the text: sorted output must be byte for byte what it writes, because ADF carried
/// in markdown was written by it before this package had its own writer.
final class JSONEncodingTests: XCTestCase {
    private let tricky: JSONValue = [
        "a10": 1, "a9": 2, "B": 3, "a": [], "é": ["x": nil], "～": "wide", "😀": "emoji",
        "text": "q\"\\/\u{8}\u{c}\n\r\t\u{1}\u{1f}\u{7f}\u{2028}é😀",
        "numbers": [0, -7, 1.5, 1000.0, 1e20, 1e-7, -0.0, 0.1, 123456789.125],
        "nested": ["empty": [:], "list": [[], [1, ["k": "v"]]]],
    ]

    func testSortedCompactOutputIsWhatJSONEncoderWrites() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        XCTAssertEqual(tricky.encodedString(keys: .sorted), String(decoding: try encoder.encode(tricky), as: UTF8.self))
    }

    func testSortedPrettyOutputIsWhatJSONEncoderWrites() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
        XCTAssertEqual(tricky.encodedString(keys: .sorted, pretty: true), String(decoding: try encoder.encode(tricky), as: UTF8.self))
        XCTAssertEqual(JSONValue.array([]).encodedString(pretty: true), String(decoding: try encoder.encode(JSONValue.array([])), as: UTF8.self))
    }

    func testOutputParsesBackToTheSameValue() throws {
        for keys in [JSONKeyOrder.kept, .sorted] {
            for pretty in [false, true] {
                XCTAssertEqual(try JSONValue(parsing: tricky.encoded(keys: keys, pretty: pretty)), tricky, "\(keys) pretty \(pretty)")
            }
        }
        let oracle = try JSONSerialization.jsonObject(with: Data(tricky.encoded()))
        XCTAssertEqual((oracle as? [String: Any])?.count, tricky.object?.count, "JSONSerialization reads the output too")
    }

    func testKeptOrderWritesMembersAsTheyCame() throws {
        let text = #"{"z":{"y":1,"x":[true,null,"s"]},"a":-0.5e-3,"m":"\u00e9"}"#
        XCTAssertEqual(try JSONValue(parsing: text).encodedString(), #"{"z":{"y":1,"x":[true,null,"s"]},"a":-0.5e-3,"m":"é"}"#)
    }

    func testStringEscapes() {
        XCTAssertEqual(JSONValue.string("\"\\/\u{0}\u{8}\u{9}\u{a}\u{c}\u{d}\u{1b}\u{7f}\u{2029}").encodedString(),
                       #""\"\\/\u0000\b\t\n\f\r\u001b"# + "\u{7f}\u{2029}\"")
    }

    func testNumbersFromSwiftAreWrittenAsJSONEncoderWritesThem() {
        let written = [1000.0, 1.5, 1e20, 1e-7, -0.0, Double.leastNonzeroMagnitude, Double(Int64.max)].map { JSONNumber($0).text }
        XCTAssertEqual(written, ["1000", "1.5", "1e+20", "1e-07", "-0", "5e-324", "9.223372036854776e+18"])
        XCTAssertEqual(JSONNumber(Int.min).text, "-9223372036854775808")
        XCTAssertEqual(JSONValue.double(2).int, 2)
    }
}
