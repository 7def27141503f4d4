import Foundation
import XCTest

/// The `tracker-simulator` binary as scripts use it.
final class ExecutableTests: XCTestCase {
    func testItPrintsTheListeningLineFirstServesAndStopsOnSIGTERM() async throws {
        let simulator = try SimulatorProcess(["github", "--port", "0", "--token", "T", "--seed-demo"])
        let baseURL = simulator.baseURL
        let port = try XCTUnwrap(Int(baseURL.split(separator: ":").last ?? ""))
        XCTAssertGreaterThan(port, 0)

        let http = SimulatorHTTP(baseURL: baseURL, token: "T")
        let items = try await http.admin("GET", "/_simulator/items").array
        XCTAssertEqual(items.count, 5, "the demo seed")
        let issues = try await http.api("GET", "/repos/demo-org/demo-repo/issues?state=all")
        XCTAssertEqual(issues.status, 200)

        simulator.stop()
        XCTAssertEqual(simulator.process.terminationReason, .exit, "SIGTERM stops it cleanly")
        XCTAssertEqual(simulator.process.terminationStatus, 0)
    }

    func testAnUnknownTrackerIsAUsageError() throws {
        let (status, message) = try SimulatorProcess.refusal(["nosuchtracker", "--token", "T"])
        XCTAssertNotEqual(status, 0)
        XCTAssertTrue(message.contains("unknown tracker"), message)
    }
}
