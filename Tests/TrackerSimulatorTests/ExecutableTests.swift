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

    func testTheHelpDocumentsTheWholeAdminAPIWithoutRewrapping() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: SimulatorProcess.binary)
        process.arguments = ["--help"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let help = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        for route in ["POST   /_simulator/items", "GET    /_simulator/items", "PATCH  /_simulator/items/{key}",
                      "DELETE /_simulator/items/{key}", "POST   /_simulator/setup", "GET    /_simulator/clock",
                      "POST   /_simulator/clock", "GET    /_simulator/requests", "DELETE /_simulator/requests",
                      "POST   /_simulator/faults", "DELETE /_simulator/faults", "POST   /_simulator/reset"] {
            XCTAssertTrue(help.contains(route), "\(route) is documented")
        }
        for member in ["title", "description", "state", "labels", "assignee", "priority", "kind", "scope"] {
            XCTAssertTrue(help.contains("\n  \(member) "), "the neutral member \(member) is documented")
        }
        let text = help.split(separator: "\n").filter { !$0.hasPrefix("USAGE:") }
        XCTAssertTrue(text.allSatisfy { $0.count <= 80 }, "no line is long enough to be rewrapped by the help formatter")
    }
}
