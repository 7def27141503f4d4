import Foundation
import XCTest

/// Issue 9, items 3, 4 and 11 against the built binary: tokens with line breaks, passwords in configured URLs, and
/// writes that send only what changed.
final class SecretsAndErrorsTests: SimulatorTestCase {
    private let secret = "ghp_e2eSecretValue0123456789"

    /// Every form the secret could be printed in, built independently of the code under test.
    private func leaks(_ text: String, of value: String) -> [String] {
        let forms = [value, value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? value,
                     Data(value.utf8).base64EncodedString()]
        return forms.filter { text.contains($0) }
    }

    func testATokenWithALineBreakIsAOneLineErrorNamingItsSourceNeverItsValue() throws {
        try repo.write("meta/work/0001-a.md", workItem(id: "0001", title: "A"))
        try repo.commitAll("items")
        repo.environment["ACCELERATOR_GITHUB_TOKEN"] = secret + "\n"
        let result = try repo.sync("--push-new=all")
        XCTAssertEqual(result.status, 74, result.stdout + result.stderr)
        XCTAssertTrue(result.stderr.contains("$ACCELERATOR_GITHUB_TOKEN"), result.stderr)
        XCTAssertTrue(result.stderr.contains("line break"), result.stderr)
        XCTAssertEqual(result.stderr.split(separator: "\n").count, 1, result.stderr)
        XCTAssertEqual(leaks(result.stdout + result.stderr, of: secret), [])
    }

    func testAPasswordInAConfiguredURLIsNeverPrinted() throws {
        let password = "pa55-\(UUID().uuidString.prefix(8))"
        try repo.configure(simulator: "http://someone:\(password)@127.0.0.1:9")
        try repo.write("meta/work/0001-a.md", workItem(id: "0001", title: "A"))
        try repo.commitAll("items")
        let result = try repo.sync()
        XCTAssertEqual(result.status, 70, result.stdout + result.stderr)
        XCTAssertEqual(leaks(result.stdout + result.stderr, of: password), [], result.stderr)
        XCTAssertFalse(result.stderr.contains("someone"), result.stderr)
        let check = try repo.sync("check", "--online")
        XCTAssertNotEqual(check.status, 0)
        XCTAssertEqual(leaks(check.stdout + check.stderr, of: password), [], check.stdout)
    }

    /// 9.11: the remote body had no `## ` heading; changing only the status locally must not rewrite it.
    func testAStatusOnlyChangeLeavesTheRemoteBodyAsItWas() async throws {
        let created = try await sim.addIssue(["title": "Plain body", "body": "Just a line of text, no headings."])
        let key = "acme/widgets#\(try XCTUnwrap(created["number"] as? Int))"
        try repo.commitAll("configuration")
        let pulled = try repo.sync("--all")
        XCTAssertEqual(pulled.status, 0, pulled.stdout + pulled.stderr)
        let file = try XCTUnwrap(repo.files(under: "meta/work").first)
        let text = try XCTUnwrap(repo.read("meta/work/" + file))
        try repo.write("meta/work/" + file, text.replacingOccurrences(of: "status: ready", with: "status: done"))
        try repo.commitAll("done")
        let result = try repo.sync("--porcelain")
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        XCTAssertTrue(result.stdout.contains("\tpush\tdone\t"), result.stdout)
        let remote = try await sim.item(key)
        XCTAssertEqual(remote?["state"] as? String, "closed")
        XCTAssertEqual(remote?["body"] as? String, "Just a line of text, no headings.")
    }
}
