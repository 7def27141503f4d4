import Foundation
import XCTest

/// `tracker-simulator jira …` as scripts and the demo use it.
final class JiraExecutableTests: XCTestCase {
    func testItServesTheSeededDemoWithTheOptionsGiven() async throws {
        let simulator = try SimulatorProcess(["jira", "--port", "0", "--token", "T", "--seed-demo", "--seed-issues", "3",
                                              "--seed-project", "LOAD", "--time-zone", "Asia/Tokyo", "--email", "dev@example.com"])
        let http = SimulatorHTTP(baseURL: simulator.baseURL, token: "T")
        let auth = "Basic " + Data("dev@example.com:T".utf8).base64EncodedString()

        let me = try await http.api("GET", "/rest/api/3/myself", authorization: .some(auth)).object
        XCTAssertEqual(me["timeZone"] as? String, "Asia/Tokyo")
        XCTAssertEqual(me["emailAddress"] as? String, "dev@example.com")
        let keys = try await http.admin("GET", "/_simulator/items").array.compactMap { $0["key"] as? String }
        XCTAssertEqual(keys.filter { $0.hasPrefix("ENG-") }.count, 8, "the demo")
        XCTAssertEqual(keys.filter { $0.hasPrefix("LOAD-") }, ["LOAD-1", "LOAD-2", "LOAD-3"])
        let issue = try await http.api("GET", "/rest/api/3/issue/LOAD-1?fields=updated", authorization: .some(auth)).object
        let updated = (issue["fields"] as? [String: Any])?["updated"] as? String ?? ""
        XCTAssertTrue(updated.hasSuffix("+0900"), "timestamps in the user's zone: \(updated)")

        simulator.stop()
        XCTAssertEqual(simulator.process.terminationStatus, 0)
    }

    func testABadTimeZoneOrProjectKeyIsAUsageError() throws {
        for arguments in [["--time-zone", "Nowhere/Land"], ["--seed-project", "lower"]] {
            let (status, message) = try SimulatorProcess.refusal(["jira", "--token", "T"] + arguments)
            XCTAssertNotEqual(status, 0, message)
            XCTAssertTrue(message.contains(arguments[0]), message)
        }
    }
}
