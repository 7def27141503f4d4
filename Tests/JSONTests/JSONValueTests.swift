import JSON
import XCTest

final class JSONValueTests: XCTestCase {
    func testIntegersStayIntegersAndKeysCanBeSorted() throws {
        let value = try JSONValue(parsing: #"{"type":"heading","attrs":{"level":2},"ratio":1.5,"ok":true,"none":null}"#)
        XCTAssertEqual(value["attrs"]?["level"], .int(2))
        XCTAssertEqual(value["attrs"]?["level"]?.number?.isInteger, true)
        XCTAssertEqual(value["ratio"], .double(1.5))
        XCTAssertEqual(value["ok"], .bool(true))
        XCTAssertEqual(value.encodedString(keys: .sorted), #"{"attrs":{"level":2},"none":null,"ok":true,"ratio":1.5,"type":"heading"}"#)
        XCTAssertEqual(value.encodedString(), #"{"type":"heading","attrs":{"level":2},"ratio":1.5,"ok":true,"none":null}"#)
    }

    func testRoundTripIsIdentical() throws {
        let doc: JSONValue = ["version": 1, "type": "doc", "content": [["type": "paragraph", "content": [["type": "text", "text": "a/b \"q\""]]]]]
        XCTAssertEqual(try JSONValue(parsing: doc.encoded()), doc)
        XCTAssertEqual(try JSONValue(parsing: doc.encoded(keys: .sorted, pretty: true)), doc)
    }

    func testSubscriptsByKeyAndIndex() throws {
        let value = try JSONValue(parsing: #"{"data":{"issues":{"nodes":[{"id":"a"},{"id":"b"}]}},"list":[10,20]}"#)
        XCTAssertEqual(value["data"]?["issues"]?["nodes"]?[1]?["id"]?.string, "b")
        XCTAssertEqual(value["list"]?[0]?.int, 10)
        XCTAssertNil(value["list"]?[2], "out of range")
        XCTAssertNil(value["list"]?[-1], "negative index")
        XCTAssertNil(value["missing"])
        XCTAssertNil(value["list"]?["id"], "a key on an array")
        XCTAssertNil(value["data"]?[0], "an index on an object")
        XCTAssertNil(JSONValue.string("x")["a"])
    }

    func testTypedAccessorsAnswerOnlyForTheirOwnType() {
        let all: [JSONValue] = [nil, true, 7, 2.5, "s", [1], ["k": "v"]]
        XCTAssertEqual(all.map { $0.string != nil }, [false, false, false, false, true, false, false])
        XCTAssertEqual(all.map { $0.bool != nil }, [false, true, false, false, false, false, false])
        XCTAssertEqual(all.map { $0.int != nil }, [false, false, true, false, false, false, false])
        XCTAssertEqual(all.map { $0.double != nil }, [false, false, true, true, false, false, false])
        XCTAssertEqual(all.map { $0.array != nil }, [false, false, false, false, false, true, false])
        XCTAssertEqual(all.map { $0.object != nil }, [false, false, false, false, false, false, true])
        XCTAssertEqual(all.map(\.isNull), [true, false, false, false, false, false, false])
        XCTAssertEqual(all.map(\.typeName), ["null", "boolean", "number", "number", "string", "array", "object"])
    }

    func testLiteralsBuildTheCasesTheyLookLike() {
        let built: JSONValue = ["s": "text", "i": 3, "d": 0.25, "b": false, "n": nil, "a": [1, "two"], "o": ["k": [:]]]
        XCTAssertEqual(built["s"], .string("text"))
        XCTAssertEqual(built["i"], .number(JSONNumber(3)))
        XCTAssertEqual(built["d"]?.double, 0.25)
        XCTAssertEqual(built["b"], .bool(false))
        XCTAssertEqual(built["n"], .null)
        XCTAssertEqual(built["a"], .array([.int(1), .string("two")]))
        XCTAssertEqual(built["o"]?["k"], .object(JSONObject()))
        XCTAssertEqual(built.object?.keys, ["s", "i", "d", "b", "n", "a", "o"])
    }

    func testObjectsAreEqualWhateverTheirOrder() throws {
        let a = try JSONValue(parsing: #"{"x":1,"y":{"p":true,"q":[1,2]}}"#)
        let b = try JSONValue(parsing: #"{"y":{"q":[1,2],"p":true},"x":1}"#)
        XCTAssertEqual(a, b)
        XCTAssertEqual(Set([a, b]).count, 1, "equal values hash alike")
        XCTAssertNotEqual(a, try JSONValue(parsing: #"{"x":1,"y":{"p":true,"q":[2,1]}}"#), "array order counts")
        XCTAssertNotEqual(a, try JSONValue(parsing: #"{"x":1,"y":{"p":true,"q":[1,2]},"z":null}"#), "an extra null member counts")
    }

    func testNumbersAreEqualByValue() throws {
        XCTAssertEqual(try JSONValue(parsing: "1"), try JSONValue(parsing: "1.0"))
        XCTAssertEqual(try JSONValue(parsing: "100"), try JSONValue(parsing: "1e2"))
        XCTAssertEqual(try JSONValue(parsing: "0"), try JSONValue(parsing: "-0"))
        XCTAssertEqual(Set([try JSONValue(parsing: "1"), try JSONValue(parsing: "1.0"), try JSONValue(parsing: "1E0")]).count, 1)
        XCTAssertNotEqual(try JSONValue(parsing: "1"), try JSONValue(parsing: "1.5"))
        XCTAssertNotEqual(try JSONValue(parsing: "1"), .string("1"))
        XCTAssertNotEqual(try JSONValue(parsing: "1"), .bool(true))
        // Integers beyond Int64 and beyond Double's precision still compare exactly.
        XCTAssertNotEqual(try JSONValue(parsing: "123456789012345678901234567890"), try JSONValue(parsing: "123456789012345678901234567891"))
        XCTAssertEqual(try JSONValue(parsing: "123456789012345678901234567890"), try JSONValue(parsing: "123456789012345678901234567890"))
    }

    func testDescriptionIsCompactJSONInOrder() {
        let value: JSONValue = ["b": [1, 2.5, nil], "a": "x\ny"]
        XCTAssertEqual(value.description, #"{"b":[1,2.5,null],"a":"x\ny"}"#)
        XCTAssertEqual("\(value)", value.description)
    }

    func testCodableThroughJSONEncoderAndDecoder() throws {
        let value: JSONValue = ["list": [1, 2.5, "s", true, nil], "nested": ["k": "v"]]
        let data = try JSONEncoder().encode(value)
        XCTAssertEqual(try JSONDecoder().decode(JSONValue.self, from: data), value)
        XCTAssertEqual(try JSONValue(parsing: data), value)
    }
}
