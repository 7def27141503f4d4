import Foundation
import XCTest

/// The `tracker-simulator` binary as scripts use it.
final class ExecutableTests: XCTestCase {
    private var binary: String {
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return packageRoot.appendingPathComponent(".build/debug/tracker-simulator").path
    }

    func testItPrintsTheListeningLineFirstServesAndStopsOnSIGTERM() async throws {
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: binary), "build it first: swift build --product tracker-simulator")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["github", "--port", "0", "--token", "T", "--seed-demo"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + 30, execute: watchdog)
        defer {
            watchdog.cancel()
            if process.isRunning { process.terminate() }
        }

        var received = Data()
        while !received.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            received.append(chunk)
        }
        let firstLine = String(decoding: received, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)[0]
        XCTAssertTrue(firstLine.hasPrefix("listening on http://127.0.0.1:"), String(firstLine))
        let baseURL = String(firstLine.dropFirst("listening on ".count))
        let port = try XCTUnwrap(Int(baseURL.split(separator: ":").last ?? ""))
        XCTAssertGreaterThan(port, 0)

        let http = SimulatorHTTP(baseURL: baseURL, token: "T")
        let items = try await http.admin("GET", "/_simulator/items").array
        XCTAssertEqual(items.count, 5, "the demo seed")
        let issues = try await http.api("GET", "/repos/demo-org/demo-repo/issues?state=all")
        XCTAssertEqual(issues.status, 200)

        process.terminate()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationReason, .exit, "SIGTERM stops it cleanly")
        XCTAssertEqual(process.terminationStatus, 0)
    }

    func testAnUnknownTrackerIsAUsageError() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["nosuchtracker", "--token", "T"]
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertNotEqual(process.terminationStatus, 0)
        XCTAssertTrue(message.contains("unknown tracker"), message)
    }
}
