import JSON
import XCTest

final class JSONObjectTests: XCTestCase {
    func testSettingKeepsOrderAndReplacesInPlace() {
        var object: JSONObject = ["b": 1, "a": 2]
        object["c"] = 3
        object["b"] = "replaced"
        XCTAssertEqual(object.keys, ["b", "a", "c"])
        XCTAssertEqual(object["b"], "replaced")
        object["a"] = nil
        XCTAssertEqual(object.keys, ["b", "c"])
        XCTAssertEqual(object.removeValue(forKey: "c"), 3)
        XCTAssertNil(object.removeValue(forKey: "c"))
        XCTAssertEqual(object.map(\.key), ["b"])
        XCTAssertTrue(object.contains(key: "b"))
        XCTAssertFalse(object.contains(key: "a"))
    }

    func testLargeObjectsFindEveryKeyAfterEdits() {
        var object = JSONObject()
        for number in 0..<100 { object["k\(number)"] = .int(number) }
        XCTAssertEqual(object.count, 100)
        XCTAssertEqual(object["k73"], 73)
        object.removeValue(forKey: "k10")
        object["k50"] = "changed"
        object["new"] = true
        XCTAssertNil(object["k10"])
        XCTAssertEqual(object["k11"], 11)
        XCTAssertEqual(object["k50"], "changed")
        XCTAssertEqual(object["new"], true)
        XCTAssertEqual(object.keys.first, "k0")
        XCTAssertEqual(object.keys.last, "new")
        XCTAssertEqual(object.keys[10], "k11", "removal closes the gap")
        for number in 11..<100 where number != 50 { XCTAssertEqual(object["k\(number)"], .int(number)) }
        while object.count > 3 { object.removeValue(forKey: object.keys[0]) }
        XCTAssertEqual(object.keys, ["k98", "k99", "new"])
        XCTAssertEqual(object["k99"], 99)
    }

    func testDictionaryInitSortsByKeyAndRepeatedLiteralKeysKeepTheLastValue() {
        XCTAssertEqual(JSONObject(["b": 1, "a": 2, "c": 3]).keys, ["a", "b", "c"])
        let repeated = JSONObject([("x", 1), ("y", 2), ("x", 3)])
        XCTAssertEqual(repeated.keys, ["x", "y"])
        XCTAssertEqual(repeated["x"], 3)
    }

    func testFilterMapAndSort() {
        let object: JSONObject = ["b": 1, "a": nil, "c": 3]
        XCTAssertEqual(object.filter { $0.value != .null }.keys, ["b", "c"])
        XCTAssertEqual(object.mapValues { $0.isNull ? 0 : $0 }.values, [1, 0, 3])
        XCTAssertEqual(object.sortedByKey().keys, ["a", "b", "c"])
    }

    func testEqualityAndHashIgnoreOrder() {
        let one: JSONObject = ["a": 1, "b": [1, 2]]
        let other: JSONObject = ["b": [1, 2], "a": 1]
        XCTAssertEqual(one, other)
        XCTAssertEqual(one.hashValue, other.hashValue)
        XCTAssertNotEqual(one, ["a": 1, "b": [2, 1]])
        XCTAssertNotEqual(one, ["a": 1])
        XCTAssertNotEqual(one, ["a": 1, "c": [1, 2]])
    }
}
