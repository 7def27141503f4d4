import Foundation
@testable import SyncEngine
import Trackers
import XCTest

/// Issue 9.3: a token with a line break used to reach the HTTP client and be printed in its error.
final class CredentialValidationTests: XCTestCase {
    private let secret = "tok-\(UUID().uuidString.prefix(8))"
    private let noCommands: CredentialChain.CommandRunner = { _, _, _, _ in (1, "") }

    private func config(personal: [String: String]) -> Configuration {
        Configuration(team: [:], personal: personal, teamPath: ".accelerator/config.md", personalPath: ".accelerator/config.local.md")
    }

    private func assertRefused(_ env: [String: String], personal: [String: String] = [:], runner: CredentialChain.CommandRunner? = nil,
                               naming source: String, file: StaticString = #filePath, line: UInt = #line) {
        let chain = CredentialChain(environment: env, runCommand: runner ?? noCommands)
        XCTAssertThrowsError(try chain.token(prefix: "github", aliases: ["GH_TOKEN"], configuration: config(personal: personal), host: nil),
                             file: file, line: line) { error in
            let message = "\(error)"
            XCTAssertTrue(message.contains(source), message, file: file, line: line)
            XCTAssertFalse(message.contains(secret), message, file: file, line: line)
            XCTAssertEqual(message.split(whereSeparator: \.isNewline).count, 1, message, file: file, line: line)
        }
    }

    func testALineBreakInAnEnvironmentTokenNamesTheVariableNotTheValue() {
        assertRefused(["ACCELERATOR_GITHUB_TOKEN": secret + "\n"], naming: "$ACCELERATOR_GITHUB_TOKEN")
        assertRefused(["GH_TOKEN": secret + "\r"], naming: "$GH_TOKEN")
        assertRefused(["ACCELERATOR_GITHUB_TOKEN": "ab\u{2028}" + secret], naming: "line break")
    }

    func testSpacesAndControlCharactersInAConfiguredTokenAreRefused() {
        assertRefused([:], personal: ["github.token": secret + " x"], naming: "github.token in .accelerator/config.local.md")
        assertRefused([:], personal: ["github.token": secret + "\u{1B}"], naming: "control character")
    }

    func testACommandsTrailingLineBreakIsNotPartOfTheTokenButAnInnerOneIs() throws {
        let clean: CredentialChain.CommandRunner = { [secret] _, _, _, _ in (0, secret + "\r\n") }
        let chain = CredentialChain(environment: ["ACCELERATOR_GITHUB_TOKEN_CMD": "pass show gh"], runCommand: clean)
        XCTAssertEqual(try chain.token(prefix: "github", configuration: config(personal: [:]), host: nil), secret)
        let broken: CredentialChain.CommandRunner = { [secret] _, _, _, _ in (0, "first\n" + secret + "\n") }
        assertRefused(["ACCELERATOR_GITHUB_TOKEN_CMD": "pass show gh"], runner: broken, naming: "the output of $ACCELERATOR_GITHUB_TOKEN_CMD")
    }

    func testTheTrackersOwnVariablesComeFromItsDescriptor() throws {
        let descriptor = TrackerDescriptor(
            integration: "example", displayName: "Example", configPrefix: "example", configKeys: [],
            tokenEnvironment: ["EXAMPLE_API_KEY"], credentialHost: { _ in nil },
            keySyntax: .projectAndNumber, make: { _ in throw TrackerError.configuration("not for this test") })
        let chain = CredentialChain(environment: ["EXAMPLE_API_KEY": secret], runCommand: noCommands)
        XCTAssertEqual(try chain.token(for: descriptor, configuration: config(personal: [:]), host: nil), secret)
        XCTAssertEqual(descriptor.tokenVariable, "ACCELERATOR_EXAMPLE_TOKEN")
        XCTAssertFalse(Secrets.redact("x \(secret)").contains(secret), "a loaded token is registered for redaction")
    }
}
