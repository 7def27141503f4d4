import XCTest
@testable import Trackers

/// Query values and path segments: only RFC 3986's unreserved ASCII characters stay as they are.
final class PercentEncodingTests: XCTestCase {
    func testNonASCIILettersAndReservedCharactersAreEncoded() {
        XCTAssertEqual(PercentEncoding.component("café a/b?c=d&e"), "caf%C3%A9%20a%2Fb%3Fc%3Dd%26e")
        XCTAssertEqual(PercentEncoding.component("Ünïcødé"), "%C3%9Cn%C3%AFc%C3%B8d%C3%A9")
        XCTAssertEqual(PercentEncoding.component("AZaz09-._~"), "AZaz09-._~")
        XCTAssertNotNil(URL(string: "https://example.invalid/search?q=" + PercentEncoding.component("naïve 100% ✓")))
    }

    func testCharactersAskedForAreKept() {
        XCTAssertEqual(PercentEncoding.component("bug,é", keeping: ","), "bug,%C3%A9")
        XCTAssertEqual(PercentEncoding.component("bug,é"), "bug%2C%C3%A9")
    }
}
