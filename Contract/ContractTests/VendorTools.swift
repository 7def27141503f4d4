import Foundation
import XCTest

/// The vendor API descriptions and the checkers this project did not write (`api/` and `tools/` of the shared
/// folder). They live outside the repository: `make contract` needs them, `make test` does not. The folder is
/// `$SHARED`, or `../shared` beside the package.
struct VendorTools {
    /// What one checker run printed and how it ended.
    struct Run {
        var status: Int32
        var output: String
    }

    let root: URL

    static func located() throws -> VendorTools {
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let configured = ProcessInfo.processInfo.environment["SHARED"].flatMap { $0.isEmpty ? nil : $0 }
        let root = configured.map { URL(fileURLWithPath: $0, relativeTo: packageRoot) }
            ?? packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
        let tools = VendorTools(root: root.standardizedFileURL)
        _ = try tools.path("tools")
        return tools
    }

    /// The absolute path of `relative` inside the shared folder; fails with what to do when it is missing.
    func path(_ relative: String) throws -> String {
        let url = root.appendingPathComponent(relative)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw Missing(path: url.path)
        }
        return url.path
    }

    /// Runs `tools/<checker>` with python3 and the given arguments.
    func run(_ checker: String, _ arguments: [String]) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", try path("tools/" + checker)] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return Run(status: process.terminationStatus, output: text)
    }

    struct Missing: Error, CustomStringConvertible {
        var path: String
        var description: String {
            "\(path) is missing: make contract needs the shared folder with the vendor descriptions (api/) and checkers "
                + "(tools/); set SHARED to it (default: ../shared beside the repository)"
        }
    }
}

extension XCTestCase {
    /// Runs a vendor checker and asserts it passed, with everything it printed as the failure message.
    /// `summary`, when given, must appear in its output (e.g. "12 exchanges, 0 problems").
    func assertVendorCheck(_ checker: String, _ arguments: [String], printing summary: String? = nil,
                           file: StaticString = #filePath, line: UInt = #line) throws {
        let run = try VendorTools.located().run(checker, arguments)
        XCTAssertEqual(run.status, 0, "\(checker) failed:\n\(run.output)", file: file, line: line)
        if let summary {
            XCTAssertTrue(run.output.contains(summary), "\(checker) did not report '\(summary)':\n\(run.output)", file: file, line: line)
        }
    }

    /// A file in the temporary folder holding `bytes`, removed when the test ends.
    func temporaryFile(_ name: String, holding bytes: [UInt8]) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(UUID().uuidString)-\(name)")
        try Data(bytes).write(to: url)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url.path
    }
}
