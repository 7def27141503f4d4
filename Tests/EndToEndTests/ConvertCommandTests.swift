import Foundation
import XCTest

/// `git sync-work-items convert`: the plumbing between markdown and ADF, stdin to stdout.
final class ConvertCommandTests: XCTestCase {
    private func convert(_ from: String, _ to: String, _ input: String) throws -> RunResult {
        try runProcess(BuiltProducts.syncBinary, ["convert", "--from", from, "--to", to], in: NSTemporaryDirectory(),
                       environment: ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin"], input: input)
    }

    func testMarkdownToADFAndBackIsTheSameDocument() throws {
        let markdown = "## Summary\n\nSome **bold** text.\n\n- [ ] open task\n- [x] done task\n\n| a | b |\n| --- | --- |\n| 1 | 2 |\n"
        let adf = try convert("markdown", "adf", markdown)
        XCTAssertEqual(adf.status, 0, adf.stderr)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(adf.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(json["type"] as? String, "doc")
        let types = (json["content"] as? [[String: Any]] ?? []).compactMap { $0["type"] as? String }
        XCTAssertEqual(types, ["heading", "paragraph", "taskList", "table"])
        let back = try convert("adf", "markdown", adf.stdout)
        XCTAssertEqual(back.status, 0, back.stderr)
        let again = try convert("markdown", "adf", back.stdout)
        XCTAssertEqual(again.stdout, adf.stdout, "markdown → ADF → markdown → ADF is stable")
    }

    func testBadInputIsOneLineAndNonZero() throws {
        let result = try convert("adf", "markdown", "{not json")
        XCTAssertNotEqual(result.status, 0)
        XCTAssertEqual(result.stderr.split(separator: "\n").count, 1, result.stderr)
        let unknown = try convert("html", "adf", "x")
        XCTAssertEqual(unknown.status, 2, unknown.stderr)
    }
}
