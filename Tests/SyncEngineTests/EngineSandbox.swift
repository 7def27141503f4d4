import Foundation
import SyncEngine
import TrackerTesting
import Trackers
import WorkItems
import XCTest

/// A scratch repository configured for a `FakeTracker`, synced in process. git itself (the command line, with no
/// global or system configuration) sets it up and is the oracle for what the sync left behind.
final class EngineSandbox {
    let base: String
    let repo: String
    let home: String
    let clock = ManualClock()
    let tracker: FakeTracker
    let integration = "fake"
    let workPath = "meta/work"
    var statePath: String { ".accelerator/state/integrations/\(integration)" }
    var baselinePath: String { statePath + "/last-sync.json" }
    var logPath: String { statePath + "/sync.log" }

    init(initialCommit: Bool = true, configure: Bool = true, extraConfig: String = "") throws {
        base = FileManager.default.temporaryDirectory.appendingPathComponent("engine-\(UUID().uuidString.prefix(8))")
            .resolvingSymlinksInPath().path
        repo = base + "/repo"
        home = base + "/home"
        try FileManager.default.createDirectory(atPath: repo, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        tracker = FakeTracker(integrationName: integration, clock: clock)
        try git("init", "-q", "-b", "main")
        try git("config", "user.name", "Sandbox Person")
        try git("config", "user.email", "sandbox@example.invalid")
        if configure {
            try write(".accelerator/config.md", "---\nwork:\n  integration: \(integration)\n\(extraConfig)---\nTeam configuration.\n")
        }
        if initialCommit {
            try write("README.md", "A repository.\n")
            try commitAll("Start")
        }
    }

    deinit { try? FileManager.default.removeItem(atPath: base) }

    // MARK: Syncing

    func environment(observe: (@Sendable (SyncStep) throws(SyncFailure) -> Void)? = nil) -> SyncEnvironment {
        let clock = self.clock
        return SyncEnvironment(
            workingDirectory: repo, variables: ["ACCELERATOR_FAKE_TOKEN": "fake-token", "USER": "sandbox"],
            trackers: [tracker.descriptor], now: { clock.now() }, observeStep: observe)
    }

    func options(_ configure: (inout SyncOptions) -> Void = { _ in }) -> SyncOptions {
        var options = SyncOptions()
        options.concurrency = 1
        configure(&options)
        return options
    }

    /// A sync that must get as far as a report.
    func sync(_ configure: (inout SyncOptions) -> Void = { _ in }, file: StaticString = #filePath, line: UInt = #line)
        async throws -> SyncReport
    {
        do {
            return try await SyncSession.run(options(configure), environment: environment())
        } catch {
            XCTFail("sync failed (exit \(error.exitCode)): \(error.message)", file: file, line: line)
            throw error
        }
    }

    /// A sync expected to stop with a failure; returns it.
    func failingSync(_ configure: (inout SyncOptions) -> Void = { _ in }, file: StaticString = #filePath, line: UInt = #line)
        async -> SyncFailure?
    {
        do {
            let report = try await SyncSession.run(options(configure), environment: environment())
            XCTFail("expected the run to fail; it exited \(report.exitCode)", file: file, line: line)
            return nil
        } catch {
            return error
        }
    }

    // MARK: Files and git

    @discardableResult
    func git(_ arguments: String..., allowFailure: Bool = false) throws -> String {
        let result = try run(arguments)
        if result.status != 0 && !allowFailure {
            throw NSError(domain: "git", code: Int(result.status), userInfo: [
                NSLocalizedDescriptionKey: "git \(arguments.joined(separator: " ")): \(result.error)"])
        }
        return result.output
    }

    func run(_ arguments: [String]) throws -> (status: Int32, output: String, error: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: repo)
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("GIT_") }
        environment["HOME"] = home
        environment["XDG_CONFIG_HOME"] = home + "/.config"
        environment["GIT_CONFIG_NOSYSTEM"] = "1"
        environment["LC_ALL"] = "C"
        process.environment = environment
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outputData, as: UTF8.self), String(decoding: errorData, as: UTF8.self))
    }

    func write(_ path: String, _ text: String) throws {
        let url = URL(fileURLWithPath: repo + "/" + path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func read(_ path: String) -> String? {
        FileManager.default.contents(atPath: repo + "/" + path).map { String(decoding: $0, as: UTF8.self) }
    }

    func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: repo + "/" + path) }

    func commitAll(_ message: String) throws {
        try git("add", "-A")
        try git("commit", "-q", "-m", message)
    }

    func headID() throws -> String { try git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines) }

    /// `git status --porcelain --untracked-files=all`, one entry per line.
    func statusLines() throws -> [String] {
        try git("status", "--porcelain", "--untracked-files=all").split(separator: "\n").map(String.init)
    }

    /// Sync paths whose index entry differs from HEAD's.
    func stagedSyncPaths() throws -> [String] {
        try git("diff", "--cached", "--name-only", "HEAD", "--", workPath, ".accelerator/state").split(separator: "\n").map(String.init)
    }

    /// Work item files (names) in the working tree.
    func workFiles() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: repo + "/" + workPath)) ?? [])
            .filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") }.sorted()
    }

    /// The remote key each work file carries (`external_id`), by file name.
    func keysByFile() -> [String: String] {
        var keys: [String: String] = [:]
        for file in workFiles() {
            let text = read(workPath + "/" + file) ?? ""
            if let identity = WorkItemIdentity.scan(text), let key = identity.remoteKey { keys[file] = key }
        }
        return keys
    }

    /// A committed work item in the corpus style.
    @discardableResult
    func addItem(id: String, title: String, key: String? = nil, summary: String = "Something to do.") throws -> String {
        let path = "\(workPath)/\(id)-\(Slug.make(title)).md"
        try write(path, EngineSandbox.workItem(id: id, title: title, key: key, summary: summary))
        return path
    }

    static func workItem(id: String, title: String, key: String? = nil, status: String = "ready",
                         summary: String = "Something to do.") -> String {
        var text = "---\nid: \"\(id)\"\ntitle: \"\(title)\"\ndate: \"2026-11-01T10:00:00+00:00\"\nauthor: Test Author\n"
        text += "kind: story\nstatus: \(status)\npriority: medium\ntags: []\n"
        if let key { text += "external_id: \(key)\n" }
        text += "---\n\n# \(id): \(title)\n\n**Kind**: Story\n**Status**: \(status.capitalized)\n**Priority**: Medium\n"
        text += "**Author**: Test Author\n\n## Summary\n\n\(summary)\n"
        return text
    }

    static func content(_ title: String, summary: String = "Remote text.", status: String = "ready") -> WorkItemContent {
        WorkItemContent(title: title, description: "## Summary\n\n\(summary)\n", status: status, priority: "medium")
    }
}
