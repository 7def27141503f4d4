import Foundation

/// Runs a command on a real pseudo-terminal (through util-linux `script`, which makes the pty the child's
/// controlling terminal, so Ctrl-C is delivered as SIGINT exactly as at a keyboard) and talks to it.
final class TerminalSession {
    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private let buffer = LockedBuffer()

    init(_ executable: String, _ arguments: [String], in directory: String, environment: [String: String]) throws {
        let command = ([executable] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-q", "-f", "-e", "-c", "stty cols 120 rows 40; exec " + command, "/dev/null"]
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var env = environment
        env["TERM"] = "xterm"
        env["PAGER"] = "cat"
        process.environment = env
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        output.fileHandleForReading.readabilityHandler = { [buffer] handle in buffer.append(handle.availableData) }
        try process.run()
    }

    var text: String { buffer.text }

    /// Waits until the output contains `needle` (after the previous match); throws when it does not come.
    func expect(_ needle: String, timeout: TimeInterval = 20) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if buffer.consume(upTo: needle) { return }
            if !process.isRunning && !buffer.consume(upTo: needle) { break }
            usleep(20_000)
        }
        throw HarnessError("did not see \(needle.debugDescription) in:\n\(buffer.text)")
    }

    func send(_ text: String) { input.fileHandleForWriting.write(Data(text.utf8)) }

    func interrupt() { send("\u{03}") }

    func endInput() { send("\u{04}") }

    func wait(timeout: TimeInterval = 30) -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        output.fileHandleForReading.readabilityHandler = nil
        return process.terminationStatus
    }
}

final class LockedBuffer: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    private var consumed = 0

    func append(_ d: Data) { lock.lock(); data.append(d); lock.unlock() }

    var text: String { lock.lock(); defer { lock.unlock() }; return String(decoding: data, as: UTF8.self) }

    func consume(upTo needle: String) -> Bool {
        lock.lock(); defer { lock.unlock() }
        let rest = String(decoding: data.dropFirst(consumed), as: UTF8.self)
        guard let range = rest.range(of: needle) else { return false }
        consumed += rest[..<range.upperBound].utf8.count
        return true
    }
}
