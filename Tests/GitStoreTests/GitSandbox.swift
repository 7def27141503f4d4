import Foundation
import XCTest

@testable import GitStore

/// A temporary folder with a HOME of its own and a repository in `repo`, driven by the `git` command line with
/// no global or system configuration leaking in.
final class GitSandbox {
    let root: String
    let home: String
    let repo: String

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("GitStoreTests-\(UUID().uuidString)")
            .resolvingSymlinksInPath().path
        home = root + "/home"
        repo = root + "/repo"
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: repo, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(atPath: root) }

    /// Runs git in `directory` (default: the repository), failing the test on a non-zero exit; returns stdout.
    @discardableResult
    func git(_ arguments: String..., in directory: String? = nil, environment: [String: String] = [:],
             file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let result = try run(arguments, in: directory ?? repo, environment: environment)
        XCTAssertEqual(result.status, 0, "git \(arguments.joined(separator: " ")): \(result.error)", file: file, line: line)
        return result.output
    }

    /// Runs git and returns its exit status and output, whatever the status.
    func run(_ arguments: [String], in directory: String, environment: [String: String] = [:]) throws
        -> (status: Int32, output: String, error: String)
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var childEnvironment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("GIT_") && $0.key != "EMAIL" }
        childEnvironment["HOME"] = home
        childEnvironment["XDG_CONFIG_HOME"] = home + "/.config"
        childEnvironment["GIT_CONFIG_NOSYSTEM"] = "1"
        childEnvironment["GIT_AUTHOR_NAME"] = "Setup Author"
        childEnvironment["GIT_AUTHOR_EMAIL"] = "setup@example.com"
        childEnvironment["GIT_COMMITTER_NAME"] = "Setup Committer"
        childEnvironment["GIT_COMMITTER_EMAIL"] = "setup@example.com"
        childEnvironment["LC_ALL"] = "C"
        childEnvironment["GIT_EDITOR"] = "true"
        childEnvironment.merge(environment) { $1 }
        process.environment = childEnvironment
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

    /// A fresh repository on `main` with a local identity, so libgit2 can commit without environment variables.
    func initialiseRepository() throws {
        try git("init", "-q", "-b", "main")
        try git("config", "user.name", "Config Person")
        try git("config", "user.email", "config@example.com")
    }

    func write(_ path: String, _ contents: String, in base: String? = nil) throws {
        let url = URL(fileURLWithPath: (base ?? repo) + "/" + path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(contents.utf8).write(to: url)
    }

    func read(_ path: String) throws -> String {
        try String(contentsOfFile: repo + "/" + path, encoding: .utf8)
    }

    func delete(_ path: String, in base: String? = nil) throws {
        try FileManager.default.removeItem(atPath: (base ?? repo) + "/" + path)
    }

    /// Writes the files, then stages and commits them.
    func commitFiles(_ files: [String: String], message: String = "setup", in base: String? = nil) throws {
        for (path, contents) in files { try write(path, contents, in: base) }
        try git("add", "-A", in: base)
        try git("commit", "-q", "-m", message, in: base)
    }

    func headID(in base: String? = nil) throws -> String {
        try git("rev-parse", "HEAD", in: base).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `git status --porcelain` lines (untracked files listed one by one).
    func statusLines(in base: String? = nil) throws -> [String] {
        try git("status", "--porcelain", "--untracked-files=all", in: base).split(separator: "\n").map(String.init)
    }

    func lines(_ output: String) -> [String] {
        output.split(separator: "\n").map(String.init)
    }
}

/// Gives every test a sandbox and keeps the test process's own git configuration and environment out of it,
/// restoring both afterwards.
class GitStoreTestCase: XCTestCase {
    var sandbox: GitSandbox!
    private var savedEnvironment: [String: String?] = [:]

    override func setUpWithError() throws {
        try super.setUpWithError()
        sandbox = try GitSandbox()
        try ConfigSearchPath.override(home: sandbox.home, system: sandbox.root + "/no-system-config")
        for name in ["GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_COMMON_DIR", "GIT_CEILING_DIRECTORIES",
                     "GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_AUTHOR_DATE", "GIT_COMMITTER_NAME",
                     "GIT_COMMITTER_EMAIL", "GIT_COMMITTER_DATE", "GIT_OPTIONAL_LOCKS", "EMAIL"] {
            setEnvironment(name, nil)
        }
    }

    override func tearDownWithError() throws {
        for (name, value) in savedEnvironment {
            if let value { setenv(name, value, 1) } else { unsetenv(name) }
        }
        savedEnvironment = [:]
        try ConfigSearchPath.override(home: nil, system: nil)
        sandbox.remove()
        try super.tearDownWithError()
    }

    /// A pid that was running a moment ago and is not any more.
    func deadProcessID() throws -> pid_t {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    /// Sets (or unsets) a variable of this process until the end of the test.
    func setEnvironment(_ name: String, _ value: String?) {
        if savedEnvironment[name] == nil {
            savedEnvironment[name] = .some(getenv(name).map { String(cString: $0) })
        }
        if let value { setenv(name, value, 1) } else { unsetenv(name) }
    }

    func assertGitError<T>(_ code: GitError.Code, containing text: String, file: StaticString = #filePath,
                           line: UInt = #line, _ body: () throws(GitError) -> T) {
        do {
            _ = try body()
            XCTFail("expected a \(code) error", file: file, line: line)
        } catch {
            XCTAssertEqual(error.code, code, error.message, file: file, line: line)
            XCTAssertTrue(error.message.contains(text), "message was: \(error.message)", file: file, line: line)
            XCTAssertFalse(error.message.contains("\n"), "message is not one line: \(error.message)", file: file, line: line)
        }
    }
}
