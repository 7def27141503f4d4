import ADF
import Foundation
import JSON
import Markdown
import TestFixtures
import WorkItems
import XCTest

/// The 218 real work items of the accelerator project: every description, whole and section by section, must
/// survive markdown → ADF → markdown and give ADF that Jira accepts.
final class ADFCorpusTests: XCTestCase {
    static let folder = Fixtures.corpus

    /// Each file's description (from the first `## ` heading on) and each of its sections on its own.
    static func samples() throws -> [(name: String, markdown: String)] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".md") && $0 != "README.md" }.sorted()
        var out: [(String, String)] = []
        for name in names {
            let document = try WorkItemDocument(text: String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8))
            out.append((name, document.description))
            for section in document.sections { out.append(("\(name) § \(section.title)", section.text)) }
        }
        return out
    }

    /// One sample converted to ADF and back, computed once for all the tests below.
    struct Conversion: Sendable {
        var name: String
        var markdown: String
        var document: JSONValue
        var markdownBack: String
    }

    static let conversions: [Conversion] = {
        ((try? samples()) ?? []).map { sample in
            let document = ADFConverter.document(fromMarkdown: sample.markdown).document
            return Conversion(name: sample.name, markdown: sample.markdown, document: document,
                              markdownBack: ADFConverter.markdown(fromADF: document))
        }
    }()

    func testTheCorpusIsThere() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path)
            .filter { $0.hasSuffix(".md") && $0 != "README.md" }
        XCTAssertEqual(names.count, 218, "corpus at \(Self.folder.path)")
        XCTAssertGreaterThan(Self.conversions.count, 218 * 4)
    }

    func testMarkdownToADFAndBackKeepsEveryDescriptionAndSection() {
        var failures = 0
        for sample in Self.conversions {
            let expected = MarkdownCanonicaliser.canonical(sample.markdown)
            let actual = MarkdownCanonicaliser.canonical(sample.markdownBack)
            if expected != actual {
                failures += 1
                if failures <= 5 { XCTFail("\(sample.name):\n\(Self.firstDifference(expected, actual))") }
            }
        }
        XCTAssertEqual(failures, 0)
    }

    func testEveryConvertedDescriptionIsValidADF() {
        var failures = 0
        for sample in Self.conversions {
            if let problem = JiraADFOracle.problem(in: sample.document) {
                failures += 1
                if failures <= 5 { XCTFail("\(sample.name): \(problem)") }
            }
        }
        XCTAssertEqual(failures, 0)
    }

    func testConvertingTheMarkdownWrittenFromADFGivesTheSameADF() {
        var failures = 0
        for sample in Self.conversions {
            let again = ADFConverter.document(fromMarkdown: sample.markdownBack).document
            if again != sample.document {
                failures += 1
                if failures <= 5 {
                    XCTFail("\(sample.name):\n\(Self.firstDifference(sample.document.encodedString(keys: .sorted), again.encodedString(keys: .sorted)))")
                }
            }
        }
        XCTAssertEqual(failures, 0)
    }

    func testNothingInTheCorpusFallsBackToTheLinkOrJSONForms() {
        for sample in Self.conversions {
            let markdown = sample.markdownBack
            XCTAssertFalse(markdown.contains("```adf") || markdown.contains("](adf:") || markdown.contains("](adf-marks:"),
                           sample.name)
        }
    }

    static func firstDifference(_ a: String, _ b: String) -> String {
        let left = a.split(separator: "\n", omittingEmptySubsequences: false)
        let right = b.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(left.count, right.count) {
            let l = index < left.count ? String(left[index]) : "<end>"
            let r = index < right.count ? String(right[index]) : "<end>"
            if l != r { return "line \(index + 1):\n- \(l.prefix(300))\n+ \(r.prefix(300))" }
        }
        return "(no difference)"
    }
}
