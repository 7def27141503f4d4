import Foundation
import XCTest

/// `tracker-simulator jira …` as scripts and the demo use it.
final class JiraExecutableTests: XCTestCase {
    private var binary: String {
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return packageRoot.appendingPathComponent(".build/debug/tracker-simulator").path
    }

    func testItServesTheSeededDemoWithTheOptionsGiven() async throws {
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: binary), "build it first: swift build --product tracker-simulator")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["jira", "--port", "0", "--token", "T", "--seed-demo", "--seed-issues", "3", "--seed-project", "LOAD",
                             "--time-zone", "Asia/Tokyo", "--email", "dev@example.com"]
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
        let http = SimulatorHTTP(baseURL: String(firstLine.dropFirst("listening on ".count)), token: "T")
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

        process.terminate()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
    }

    func testABadTimeZoneOrProjectKeyIsAUsageError() throws {
        for arguments in [["--time-zone", "Nowhere/Land"], ["--seed-project", "lower"]] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = ["jira", "--token", "T"] + arguments
            process.standardOutput = FileHandle.nullDevice
            let errors = Pipe()
            process.standardError = errors
            try process.run()
            let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            XCTAssertNotEqual(process.terminationStatus, 0, message)
            XCTAssertTrue(message.contains(arguments[0]), message)
        }
    }
}
