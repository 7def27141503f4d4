import Foundation
import XCTest

@testable import GitStore

final class SHA1Tests: XCTestCase {
    private func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }

    private func digest(_ bytes: [UInt8], chunk: Int) -> String {
        var hasher = SHA1()
        for start in stride(from: 0, to: bytes.count, by: max(chunk, 1)) {
            hasher.update(Array(bytes[start..<min(start + chunk, bytes.count)]))
        }
        return hex(hasher.finish())
    }

    /// FIPS 180 examples, fed whole and in pieces that straddle the 64-byte blocks.
    func testPublishedDigests() {
        let cases: [(String, String)] = [
            ("", "da39a3ee5e6b4b0d3255bfef95601890afd80709"),
            ("abc", "a9993e364706816aba3e25717850c26c9cd0d89d"),
            ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "84983e441c3bd26ebaae4aa1f95129e5e54670f1"),
        ]
        for (text, expected) in cases {
            for chunk in [1, 3, 63, 64, 65, 1000] { XCTAssertEqual(digest(Array(text.utf8), chunk: chunk), expected, "\(text) by \(chunk)") }
        }
        XCTAssertEqual(digest([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000), chunk: 4096),
                       "34aa973cd4c4daa4f61eeb2bdbad27316534016f")
    }

    /// Lengths around the padding boundary (55, 56, 63, 64 bytes in the last block), against libgit2's hash of the
    /// same bytes as a blob.
    func testAgreesWithLibgit2AcrossThePaddingBoundary() {
        for length in [0, 1, 40, 41, 47, 48, 49, 55, 56, 57, 63, 64, 65, 119, 120, 128, 1000] {
            let contents = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
            let object = Array("blob \(length)\0".utf8) + contents
            XCTAssertEqual(digest(object, chunk: 17), GitRepository.blobID(of: contents), "length \(length)")
        }
    }
}
