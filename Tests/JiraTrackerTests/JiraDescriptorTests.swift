import Trackers
import XCTest
@testable import JiraTracker

final class JiraDescriptorTests: XCTestCase {
    private func host(_ values: [String: String]) -> String? {
        JiraDescriptor.descriptor.credentialHost(TrackerSettings(integration: "jira", values: values, token: nil, originURL: nil, cacheDirectory: nil))
    }

    /// `jira.site: acme.atlassian.net` used to become the host `acme.atlassian.net.atlassian.net`.
    func testCredentialHostReadsTheSiteTheWayTheClientDoes() {
        XCTAssertEqual(host(["jira.site": "acme"]), "acme.atlassian.net")
        XCTAssertEqual(host(["jira.site": "acme.atlassian.net"]), "acme.atlassian.net")
        XCTAssertEqual(host(["jira.site": "https://jira.example.com/"]), "jira.example.com")
        XCTAssertEqual(host(["jira.site": "acme", "jira.api_url": "http://127.0.0.1:8080"]), "127.0.0.1")
        XCTAssertNil(host([:]))
    }

    func testKeysAndSettings() {
        let d = JiraDescriptor.descriptor
        XCTAssertTrue(d.keySyntax.matches("ENG-123"))
        XCTAssertTrue(d.keySyntax.matches("A_B2-1"))
        XCTAssertFalse(d.keySyntax.matches("acme/widgets#1"))
        XCTAssertFalse(d.keySyntax.matches("ENG-"))
        XCTAssertFalse(d.keySyntax.matches("1ENG-2"))
        XCTAssertTrue(d.reads("jira.site"))
        XCTAssertTrue(d.reads("jira.status_map.review"))
        XCTAssertTrue(d.reads("jira.token_cmd"))
        XCTAssertFalse(d.reads("jira.sit"), "a misspelt key is not one Jira reads")
        XCTAssertEqual(d.tokenVariable, "ACCELERATOR_JIRA_TOKEN")
    }
}
