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
