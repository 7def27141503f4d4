import Foundation
import XCTest

/// `git sync-work-items --version` answers as `git --version` and `gh --version` do: one line, exit 0, anywhere
/// (no repository, no configuration needed).
final class VersionTests: XCTestCase {
    func testTheVersionIsOneLineAndNeedsNoRepository() throws {
        let result = try runProcess(BuiltProducts.syncBinary, ["--version"], in: NSTemporaryDirectory(),
            environment: ProcessInfo.processInfo.environment)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertNotNil(try Regex(#"^git-sync-work-items version \d+\.\d+\.\d+\n$"#).wholeMatch(in: result.stdout), result.stdout)
        XCTAssertEqual(result.stderr, "")
    }
}
