import Foundation
import XCTest

@testable import WorkItems

/// `trimmingWhitespace` against Foundation's `trimmingCharacters(in: .whitespaces)` as the oracle: every scalar of
/// the Basic Multilingual Plane and some beyond, at both ends and inside.
final class WhitespaceTrimmingTests: XCTestCase {
    func testAgreesWithFoundationForEveryScalarAtEitherEnd() {
        let scalars = (0...0xFFFF).compactMap(Unicode.Scalar.init) + [0x1F980, 0xE0020, 0x10FFFD].compactMap(Unicode.Scalar.init)
        var disagreements: [String] = []
        for scalar in scalars {
            let s = String(scalar)
            for text in [s + "x" + s, s + s, "x " + s + " y", s] where text.trimmingWhitespace() != text.trimmingCharacters(in: .whitespaces) {
                disagreements.append(String(format: "U+%04X", scalar.value))
            }
        }
        XCTAssertEqual(disagreements, [])
    }

    func testTrimsOnlyTheEnds() {
        XCTAssertEqual("\t\u{A0} a \u{3000}b\u{2003} \t".trimmingWhitespace(), "a \u{3000}b")
        XCTAssertEqual(" \t ".trimmingWhitespace(), "")
        XCTAssertEqual("\nkept\n".trimmingWhitespace(), "\nkept\n", "line breaks are not whitespace here")
        XCTAssertEqual("e\u{301} ".trimmingWhitespace(), "e\u{301}")
    }
}
