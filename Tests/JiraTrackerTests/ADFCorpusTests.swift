import Foundation
import JiraTracker
import WorkItems
import XCTest

/// The 218 real work items of the accelerator project: every description, whole and section by section, must
/// survive markdown → ADF → markdown and give ADF that Jira accepts.
final class ADFCorpusTests: XCTestCase {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/corpus/accelerator-meta-work")

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

    func testTheCorpusIsThere() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path)
            .filter { $0.hasSuffix(".md") && $0 != "README.md" }
        XCTAssertEqual(names.count, 218, "corpus at \(Self.folder.path)")
        XCTAssertGreaterThan(try Self.samples().count, 218 * 4)
    }

    func testMarkdownToADFAndBackKeepsEveryDescriptionAndSection() throws {
        var failures = 0
        for sample in try Self.samples() {
            let adf = ADFConverter.document(fromMarkdown: sample.markdown).document
            let back = ADFConverter.markdown(fromADF: adf)
            let expected = MarkdownCanonicaliser.canonical(sample.markdown)
            let actual = MarkdownCanonicaliser.canonical(back)
            if expected != actual {
                failures += 1
                if failures <= 5 { XCTFail("\(sample.name):\n\(Self.firstDifference(expected, actual))") }
            }
        }
        XCTAssertEqual(failures, 0)
    }

    func testEveryConvertedDescriptionIsValidADF() throws {
        var failures = 0
        for sample in try Self.samples() {
            let problems = ADFValidator.problems(in: ADFConverter.document(fromMarkdown: sample.markdown).document)
            if !problems.isEmpty {
                failures += 1
                if failures <= 5 { XCTFail("\(sample.name): \(problems.prefix(3))") }
            }
        }
        XCTAssertEqual(failures, 0)
    }

    func testConvertingTheMarkdownWrittenFromADFGivesTheSameADF() throws {
        var failures = 0
        for sample in try Self.samples() {
            let adf = ADFConverter.document(fromMarkdown: sample.markdown).document
            let again = ADFConverter.document(fromMarkdown: ADFConverter.markdown(fromADF: adf)).document
            if again != adf {
                failures += 1
                if failures <= 5 { XCTFail("\(sample.name):\n\(Self.firstDifference(adf.encodedString, again.encodedString))") }
            }
        }
        XCTAssertEqual(failures, 0)
    }

    func testNothingInTheCorpusFallsBackToTheJSONForm() throws {
        for sample in try Self.samples() {
            let markdown = ADFConverter.markdown(fromADF: ADFConverter.document(fromMarkdown: sample.markdown).document)
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
