import JSON
import XCTest

final class JSONWriterTests: XCTestCase {
    func testWritesMembersInOrderWithCommasWhereTheyBelong() throws {
        var json = JSONWriter()
        json.object { json in
            json.key("id"); json.int(7)
            json.key("name"); json.string("a \"b\"")
            json.key("none"); json.string(nil)
            json.key("ok"); json.bool(false)
            json.key("ratio"); json.double(0.5)
            json.key("labels"); json.array { json in
                json.string("x")
                json.object { _ in }
                json.array { json in json.null() }
            }
            json.key("doc"); json.value(["z": 1, "a": 2], keys: .sorted)
            json.key("cached"); json.raw(Array("[1,2]".utf8))
        }
        XCTAssertEqual(json.text, #"{"id":7,"name":"a \"b\"","none":null,"ok":false,"ratio":0.5,"labels":["x",{},[null]],"doc":{"a":2,"z":1},"cached":[1,2]}"#)
        XCTAssertEqual(try JSONValue(parsing: json.bytes)["labels"]?[2]?[0], .null)
    }

    func testTopLevelArrayOfObjects() {
        var json = JSONWriter(reservingCapacity: 64)
        json.array { json in
            for number in 1...3 {
                json.object { json in json.key("n"); json.int(number) }
            }
        }
        XCTAssertEqual(json.text, #"[{"n":1},{"n":2},{"n":3}]"#)
    }
}
