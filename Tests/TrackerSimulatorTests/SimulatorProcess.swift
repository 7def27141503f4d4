import Foundation
import XCTest

/// The built `tracker-simulator` binary, started the way scripts and the demo start it.
final class SimulatorProcess {
    static var binary: String {
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return packageRoot.appendingPathComponent(".build/debug/tracker-simulator").path
    }

    let process = Process()
    /// From the first stdout line, `listening on http://127.0.0.1:PORT`.
    let baseURL: String
    private let watchdog: DispatchWorkItem

    /// Starts it and waits for the listening line; a run that lasts over 30 s is ended.
    init(_ arguments: [String]) throws {
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: Self.binary), "build it first: swift build --product tracker-simulator")
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let running = process
        watchdog = DispatchWorkItem { if running.isRunning { running.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + 30, execute: watchdog)
        var received = Data()
        while !received.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            received.append(chunk)
        }
        let firstLine = String(decoding: received, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)[0]
        XCTAssertTrue(firstLine.hasPrefix("listening on http://127.0.0.1:"), String(firstLine))
        baseURL = String(firstLine.dropFirst("listening on ".count))
    }

    /// SIGTERM, then waits for the exit.
    func stop() {
        process.terminate()
        process.waitUntilExit()
    }

    deinit {
        watchdog.cancel()
        if process.isRunning { process.terminate() }
    }

    /// Runs it with arguments it must refuse; returns its exit status and what it printed on stderr.
    static func refusal(_ arguments: [String]) throws -> (status: Int32, message: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, message)
    }
}
