import Foundation
import Trackers
import XCTest

final class SecretRedactorTests: XCTestCase {
    private let token = "ghp_S3cr3t+/Token="

    /// Every encoding a message could carry the token in, built here independently of the redactor.
    private var encodings: [String] {
        let base64 = Data(token.utf8).base64EncodedString()
        return [
            token,
            token.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!,
            base64,
            base64.replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_"),
            "\"\(token)\\n\"",
        ]
    }

    func testEveryFormOfTheSecretIsReplaced() {
        let redactor = SecretRedactor(secrets: [token + "\n"])
        for form in encodings {
            let out = redactor.redact("before \(form) after")
            XCTAssertFalse(out.contains(token), out)
            XCTAssertFalse(out.contains(form.trimmingCharacters(in: CharacterSet(charactersIn: "\"\\n"))), out)
            XCTAssertTrue(out.hasPrefix("before ") && out.hasSuffix(" after"), out)
        }
    }

    /// Wherever it stands in the line (start, end, twice, beside a partial copy), in ASCII lines and in lines with
    /// other scripts and emoji around it.
    func testTheSecretIsFoundAnywhereInTheLine() {
        let redactor = SecretRedactor(secrets: [token])
        let mask = SecretRedactor.mask
        for around in ["", "plain ", "café → ", "🦀 "] {
            XCTAssertEqual(redactor.redact(around + token), around + mask)
            XCTAssertEqual(redactor.redact(token + around), mask + around)
            XCTAssertEqual(redactor.redact(around + token + token), around + mask + mask)
            XCTAssertEqual(redactor.redact(around + "ghp_S3cr3t " + token), around + "ghp_S3cr3t " + mask)
            XCTAssertEqual(redactor.redact(around + "ghp_S3cr3t+/Toke"), around + "ghp_S3cr3t+/Toke", "a part is not the secret")
        }
    }

    /// Foundation matches canonically equivalent text: a secret with a K still counts when a Kelvin sign (U+212A)
    /// stands for it, and a secret outside ASCII when its accents are spelled as combining marks.
    func testCanonicallyEquivalentSpellingsAreReplaced() {
        // Every character outside ASCII whose canonical decomposition is ASCII, found by asking Foundation.
        let standIns = (0x80...0x2FFFF).compactMap(Unicode.Scalar.init).filter { scalar in
            String(Character(scalar)).decomposedStringWithCanonicalMapping.utf8.allSatisfy { $0 < 0x80 }
        }
        XCTAssertFalse(standIns.isEmpty)
        XCTAssertTrue(standIns.contains("\u{212A}"), "the Kelvin sign decomposes to K")
        for scalar in standIns {
            let ascii = String(Character(scalar)).decomposedStringWithCanonicalMapping
            let redactor = SecretRedactor(secrets: ["x9-\(ascii)-secret-token"])
            let out = redactor.redact("café → x9-\(Character(scalar))-secret-token.")
            XCTAssertEqual(out, "café → \(SecretRedactor.mask).", "U+\(String(scalar.value, radix: 16))")
        }
        let accented = SecretRedactor(secrets: ["pässwört-1234"])
        XCTAssertEqual(accented.redact("a pa\u{0308}sswo\u{0308}rt-1234 b"), "a \(SecretRedactor.mask) b")
        XCTAssertEqual(accented.redact("a pässwört-1234 b"), "a \(SecretRedactor.mask) b")
    }

    /// A report of many lines, some outside ASCII, loses every copy and keeps every other byte.
    func testEveryCopyInALongReportIsReplacedAndTheRestKept() {
        let redactor = SecretRedactor(secrets: [token])
        let lines = (1...2_000).map { "  \($0)  acme/bench#\($0)  Issue \($0)  → meta/work/\($0).md" + ($0 % 500 == 0 ? " " + token : "") }
        let out = redactor.redact(lines.joined(separator: "\n"))
        let expected = lines.map { $0.replacingOccurrences(of: token, with: SecretRedactor.mask) }.joined(separator: "\n")
        XCTAssertEqual(out, expected)
        XCTAssertEqual(out.components(separatedBy: SecretRedactor.mask).count - 1, 4)
    }

    func testSwiftEscapedFormOfATokenWithALineBreakIsReplaced() {
        // What AsyncHTTPClient printed: invalidHeaderFieldValues(["Bearer abc…\n"]).
        let message = "\(["Bearer " + token + "\n"])"
        XCTAssertTrue(message.contains("\\n"), message)
        let out = SecretRedactor(secrets: [token + "\n"]).redact(message)
        XCTAssertFalse(out.contains(token), out)
        XCTAssertFalse(out.contains("S3cr3t"), out)
    }

    func testBasicCredentialsAreReplacedWhenTheHeaderValueIsRegistered() {
        let basic = Data("me@example.com:\(token)".utf8).base64EncodedString()
        let out = SecretRedactor(secrets: [token, basic]).redact("Authorization: Basic \(basic)")
        XCTAssertEqual(out, "Authorization: Basic \(SecretRedactor.mask)")
    }

    func testProcessWideRegistryScrubsRegisteredSecrets() {
        let secret = "registry-\(UUID().uuidString)"
        XCTAssertTrue(Secrets.redact("x \(secret)").contains(secret))
        Secrets.register(secret)
        XCTAssertEqual(Secrets.redact("x \(secret) \(Data(secret.utf8).base64EncodedString())"), "x \(SecretRedactor.mask) \(SecretRedactor.mask)")
    }

    func testURLsForMessagesLoseUserinfoAndCredentialQueryValues() {
        let described = TrackerHTTPClient.describe("http://user:hunter2@127.0.0.1:8080/rest?key=k3y&token=t0k&page=2")
        XCTAssertFalse(described.contains("hunter2"), described)
        XCTAssertFalse(described.contains("user"), described)
        XCTAssertFalse(described.contains("k3y"), described)
        XCTAssertFalse(described.contains("t0k"), described)
        XCTAssertTrue(described.contains("page=2"), described)
    }
}
