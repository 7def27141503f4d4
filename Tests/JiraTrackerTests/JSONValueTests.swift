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
