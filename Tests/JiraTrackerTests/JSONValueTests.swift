import Foundation
import JiraTracker
import XCTest

final class JSONValueTests: XCTestCase {
    func testIntegersStayIntegersAndKeysAreSorted() throws {
        let value = try JSONValue(parsing: #"{"type":"heading","attrs":{"level":2},"ratio":1.5,"ok":true,"none":null}"#)
        XCTAssertEqual(value["attrs"]?["level"], .int(2))
        XCTAssertEqual(value["ratio"], .double(1.5))
        XCTAssertEqual(value["ok"], .bool(true))
        XCTAssertEqual(value.encodedString, #"{"attrs":{"level":2},"none":null,"ok":true,"ratio":1.5,"type":"heading"}"#)
    }

    func testRoundTripIsIdentical() throws {
        let doc: JSONValue = ["version": 1, "type": "doc", "content": [["type": "paragraph", "content": [["type": "text", "text": "a/b \"q\""]]]]]
        XCTAssertEqual(try JSONValue(data: doc.encoded()), doc)
    }
}

final class JSONParserTests: XCTestCase {
    func testParsesWhatJSONDecoderParsesToTheSameValue() throws {
        let text = #"{"a":[1,-2,3.5,true,false,null],"s":"q\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00","o":{},"e":[]}"#
        let parsed = try JSONValue(data: Data(text.utf8))
        let decoded = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        XCTAssertEqual(parsed, decoded)
        XCTAssertEqual(parsed["s"]?.string, "q\"\\/\u{8}\u{c}\n\r\té😀")
        XCTAssertEqual(try JSONValue(data: Data("[1e3]".utf8)), .array([.double(1000)]))
    }

    func testRejectsMalformedText() {
        for bad in ["", "{", "[1,]", "{\"a\" 1}", "tru", "\"open", "1 2", "{\"a\":1}x", "\"\u{1}\"", "-"] {
            XCTAssertThrowsError(try JSONValue(data: Data(bad.utf8)), bad)
        }
    }
}
