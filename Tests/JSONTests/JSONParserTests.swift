import Foundation
import JSON
import XCTest

final class JSONParserTests: XCTestCase {
    func testParsesWhatJSONSerializationParsesToTheSameValues() throws {
        let text = #"""
            {"a":[1,-2,3.5,true,false,null,1e3,-0.25E-2],"s":"q\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00 plain é😀",
             "o":{},"e":[], "nested" : { "deep" : [ [ [ "x" ] ] ] } }
            """#
        let ours = try JSONValue(parsing: text)
        let oracle = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        XCTAssertEqual(ours, Self.value(fromFoundation: oracle))
        XCTAssertEqual(ours["s"]?.string, "q\"\\/\u{8}\u{c}\n\r\té😀 plain é😀")
    }

    func testKeepsTheOrderOfMembersAsWritten() throws {
        let value = try JSONValue(parsing: #"{"zeta":1,"alpha":2,"mid":{"b":1,"a":2},"0":3}"#)
        XCTAssertEqual(value.object?.keys, ["zeta", "alpha", "mid", "0"])
        XCTAssertEqual(value["mid"]?.object?.keys, ["b", "a"])
        XCTAssertEqual(value.encodedString(), #"{"zeta":1,"alpha":2,"mid":{"b":1,"a":2},"0":3}"#)
    }

    func testARepeatedMemberKeepsItsFirstPlaceAndLastValue() throws {
        let value = try JSONValue(parsing: #"{"a":1,"b":2,"a":3}"#)
        XCTAssertEqual(value.object?.keys, ["a", "b"])
        XCTAssertEqual(value["a"], 3)
    }

    func testSurrogatePairsAndUnpairedSurrogates() throws {
        XCTAssertEqual(try JSONValue(parsing: #""\ud83d\ude00""#).string, "😀")
        XCTAssertEqual(try JSONValue(parsing: #""\uD834\uDD1E""#).string, "𝄞")
        // Unpaired halves become U+FFFD instead of failing a whole answer; what follows is kept.
        XCTAssertEqual(try JSONValue(parsing: #""a\ud83db""#).string, "a\u{FFFD}b")
        XCTAssertEqual(try JSONValue(parsing: #""\ude00""#).string, "\u{FFFD}")
        XCTAssertEqual(try JSONValue(parsing: #""\ud83d\u0041""#).string, "\u{FFFD}A")
        XCTAssertEqual(try JSONValue(parsing: #""\ud83d""#).string, "\u{FFFD}")
    }

    func testInvalidUTF8IsRepairedNotRefused() throws {
        let bytes: [UInt8] = [0x22, 0x61, 0xFF, 0x62, 0x22]
        XCTAssertEqual(try JSONValue(parsing: bytes).string, "a\u{FFFD}b")
    }

    func testNumbersKeepTheirTextAndReadAsIntOrDouble() throws {
        let value = try JSONValue(parsing: "[0,-7,2.50,1e3,3.0,1.5,123456789012345678901234567890,-0,9223372036854775807,9223372036854775808]")
        let numbers = try XCTUnwrap(value.array).compactMap(\.number)
        XCTAssertEqual(numbers.map(\.text), ["0", "-7", "2.50", "1e3", "3.0", "1.5", "123456789012345678901234567890", "-0",
                                            "9223372036854775807", "9223372036854775808"])
        XCTAssertEqual(numbers.map(\.int), [0, -7, nil, 1000, 3, nil, nil, 0, Int.max, nil])
        XCTAssertEqual(numbers.map(\.isInteger), [true, true, false, false, false, false, true, true, true, true])
        XCTAssertEqual(numbers[2].double, 2.5)
        XCTAssertEqual(numbers[6].double, 1.2345678901234568e29)
        XCTAssertEqual(value.encodedString(), "[0,-7,2.50,1e3,3.0,1.5,123456789012345678901234567890,-0,9223372036854775807,9223372036854775808]")
    }

    func testNumberTextIsCheckedWhenMadeFromText() {
        XCTAssertEqual(JSONNumber(text: "-1.5e+3")?.double, -1500)
        for bad in ["", "01", "1.", ".5", "+1", "1e", "0x10", "NaN", "1 ", " 1", "--1"] {
            XCTAssertNil(JSONNumber(text: bad), bad)
        }
    }

    func testRejectsMalformedTextSayingWhere() {
        let cases: [(String, Int, String)] = [
            ("", 0, "unexpected end of input"),
            ("{", 1, "expected a member name"),
            ("[1,]", 3, "expected a value"),
            (#"{"a" 1}"#, 5, "expected ':'"),
            (#"{"a":1,}"#, 7, "expected a member name"),
            (#"{"a":1"#, 6, "unexpected end of input in an object"),
            ("[1 2]", 3, "expected ',' or ']'"),
            ("tru", 0, "expected a value"),
            ("nul", 0, "expected a value"),
            ("\"open", 5, "unterminated string"),
            ("1 2", 2, "unexpected text after the value"),
            (#"{"a":1}x"#, 7, "unexpected text after the value"),
            ("\"a\u{1}\"", 2, "control character"),
            ("\"\\x\"", 2, "unknown escape '\\x'"),
            ("\"\\u12\"", 3, "four hex digits"),
            ("\"\\u12G4\"", 5, "four hex digits"),
            ("-", 1, "expected a digit"),
            ("01", 1, "cannot start with 0"),
            ("1.", 2, "after '.'"),
            ("1e", 2, "exponent"),
            ("+1", 0, "expected a value"),
            ("NaN", 0, "expected a value"),
            ("// comment\n1", 0, "expected a value"),
            ("'single'", 0, "expected a value"),
        ]
        for (text, offset, reason) in cases {
            XCTAssertThrowsError(try JSONValue(parsing: text), text) { error in
                guard let error = error as? JSONSyntaxError else { return XCTFail("\(text): \(error)") }
                XCTAssertEqual(error.offset, offset, text)
                XCTAssertTrue(error.reason.contains(reason), "\(text): \(error.reason)")
            }
        }
    }

    func testErrorsGiveLineAndColumn() {
        XCTAssertThrowsError(try JSONValue(parsing: "{\n  \"a\": tru\n}")) { error in
            let syntax = error as? JSONSyntaxError
            XCTAssertEqual(syntax?.line, 2)
            XCTAssertEqual(syntax?.column, 8)
            XCTAssertEqual(syntax?.description, "invalid JSON at line 2, column 8 (byte 9): expected a value")
        }
    }

    func testNestingIsLimited() throws {
        let deepest = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        var value = try JSONValue(parsing: deepest)
        var depth = 0
        while let inner = value.array?.first {
            value = inner
            depth += 1
        }
        XCTAssertEqual(depth, 511, "512 arrays: 511 levels below the outermost")
        XCTAssertThrowsError(try JSONValue(parsing: "[" + deepest + "]")) { error in
            XCTAssertEqual((error as? JSONSyntaxError)?.reason, "nested more than 512 levels deep")
            XCTAssertEqual((error as? JSONSyntaxError)?.offset, 512)
        }
        let objects = String(repeating: #"{"a":"#, count: 513) + "1" + String(repeating: "}", count: 513)
        XCTAssertThrowsError(try JSONValue(parsing: objects))
        // Far deeper than the stack would allow: refused, not a crash.
        XCTAssertThrowsError(try JSONValue(parsing: String(repeating: "[", count: 200_000)))
    }

    func testWhitespaceIsOnlyTheFourJSONCharacters() throws {
        XCTAssertEqual(try JSONValue(parsing: " \t\r\n[ 1 ,\n2 ] \n"), [1, 2])
        XCTAssertThrowsError(try JSONValue(parsing: "\u{A0}1"), "no-break space is not JSON whitespace")
        XCTAssertThrowsError(try JSONValue(parsing: "\u{FEFF}1"), "a byte order mark is not JSON")
    }

    /// What `JSONSerialization` produced, as a `JSONValue`: the oracle's reading of the same text.
    private static func value(fromFoundation any: Any) -> JSONValue {
        switch any {
        case is NSNull: return .null
        case let number as NSNumber:
            if String(cString: number.objCType) == "c" { return .bool(number.boolValue) }
            if let integer = any as? Int, Double(integer) == number.doubleValue { return .int(integer) }
            return .double(number.doubleValue)
        case let text as String: return .string(text)
        case let array as [Any]: return .array(array.map(value(fromFoundation:)))
        case let object as [String: Any]: return .object(JSONObject(object.mapValues(value(fromFoundation:))))
        default: return .string("unexpected \(type(of: any))")
        }
    }
}
