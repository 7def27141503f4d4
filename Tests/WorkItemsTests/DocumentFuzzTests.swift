import Foundation
import XCTest
import WorkItems

/// Issue 9's property suite for the work-item document: over 10,000 generated documents per run from a fixed seed,
/// mixing every Unicode line break, C0/C1 controls, NUL, BOM, bidi controls and RTL text, combining marks, very long
/// lines and a few huge files, in titles, frontmatter values, tags and bodies.
///
/// Properties: parsing never crashes (it may refuse with a `WorkItemParseError`) and keeps the text byte for byte;
/// a parsed or new document is what parsing its own text gives; an edit (set a key, set the remote key, apply
/// content) changes only the lines it means to, keeps the file's line ending and reads back as what was written;
/// no produced text holds a NUL, and no line the document writes holds a raw control character, line separator or
/// bidi control. Replay a failure with `WORKITEMS_FUZZ_SEED=<seed in hex> WORKITEMS_FUZZ_FIRST=<document>
/// WORKITEMS_FUZZ_COUNT=1`.
final class DocumentFuzzTests: XCTestCase {
    static let defaultSeed: UInt64 = 0x5EED_0009_2026_1201

    func testGeneratedDocumentsKeepEveryProperty() {
        let environment = ProcessInfo.processInfo.environment
        let seed = environment["WORKITEMS_FUZZ_SEED"].flatMap { UInt64($0.replacingOccurrences(of: "0x", with: ""), radix: 16) } ?? Self.defaultSeed
        let count = environment["WORKITEMS_FUZZ_COUNT"].flatMap(Int.init) ?? 10_000
        let first = environment["WORKITEMS_FUZZ_FIRST"].flatMap(Int.init) ?? 0
        var checker = DocumentPropertyChecker()
        let started = Date()
        for index in first..<first + count {
            var generator = HostileTextGenerator(seed: seed &+ UInt64(index) &* 0x9E37_79B9_7F4A_7C15)
            checker.document = index
            switch index % 20 {
            case 0 where index % 2_000 == 0: checker.checkParsed(generator.hugeDocument(), generator: &generator)
            case 0...11: checker.checkParsed(generator.document(), generator: &generator)
            case 12...17: checker.checkNewItem(generator.content(), generator: &generator)
            default: checker.checkBytes(generator.invalidUTF8(Array(generator.document().utf8)))
            }
        }
        let seconds = Date().timeIntervalSince(started)
        print(String(format: "fuzzed %d work-item documents (seed 0x%llx) in %.1f s: %d parsed and edited, %d refused with a parse error, "
            + "%d new items, %d byte sequences, %d layouts too unusual for the edit oracle", count, seed, seconds, checker.parsed,
            checker.refused, checker.created, checker.byteSequences, checker.unusualLayouts))
        if count >= 1_000 {
            XCTAssertGreaterThan(checker.parsed, count / 5, "too few generated documents parse: the generator has drifted")
            XCTAssertGreaterThan(checker.refused, count / 50, "too few generated documents are refused: the generator is too tame")
            XCTAssertLessThan(checker.unusualLayouts, checker.parsed / 2, "most parsed documents must go through the edit oracle")
        }
        for failure in checker.failures.prefix(15) {
            XCTFail("seed 0x\(String(seed, radix: 16)), document \(failure.document): \(failure.message)")
        }
        XCTAssertEqual(checker.failures.count, 0, "seed 0x\(String(seed, radix: 16)): \(checker.failures.count) failures")
    }
}
