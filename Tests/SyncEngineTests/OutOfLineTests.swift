import XCTest

@testable import SyncEngine

/// The out-of-line member behaves as a plain optional value: nil, set, replaced, copied and changed apart, nil again.
final class OutOfLineTests: XCTestCase {
    private struct Holder {
        @OutOfLine var value: [Int]? = nil
    }

    func testBehavesAsAnOptionalValue() {
        var first = Holder()
        XCTAssertNil(first.value)
        first.value = [1, 2]
        var second = first
        second.value?.append(3)
        XCTAssertEqual(first.value, [1, 2], "a copy changed apart leaves the original as it was")
        XCTAssertEqual(second.value, [1, 2, 3])
        second.value = [9]
        XCTAssertEqual(second.value, [9])
        second.value = nil
        XCTAssertNil(second.value)
        XCTAssertEqual(first.value, [1, 2])
    }

    func testTakesOneWordInline() {
        XCTAssertEqual(MemoryLayout<OutOfLine<LocalItem>>.size, MemoryLayout<Int>.size)
    }
}
