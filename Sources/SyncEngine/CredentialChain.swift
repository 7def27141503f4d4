import Foundation
import Trackers

public struct CredentialError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

/// Finds a tracker token in DESIGN.md's order; the first match wins:
/// `ACCELERATOR_<TRACKER>_TOKEN`, `ACCELERATOR_<TRACKER>_TOKEN_CMD`, `token` then `token_cmd` in the personal file,
/// `token` in the team file only when there is no personal file, the tracker's own variables (`GH_TOKEN`,
/// `LINEAR_API_KEY`, …), and last `git credential fill` for the tracker's host. A `token_cmd` in the committed team
/// file is refused. A token is checked as it is loaded: one holding a line break, a space or a control character is
/// an error naming where it came from, never the value. Every token found is registered with `Secrets`.
public struct CredentialChain: Sendable {
    public typealias CommandRunner = @Sendable (_ executable: String, _ arguments: [String], _ stdin: String, _ environment: [String: String]) -> (status: Int32, stdout: String)

    public var environment: [String: String]
    public var runCommand: CommandRunner

    public init(environment: [String: String], runCommand: @escaping CommandRunner = CredentialChain.runProcess) {
        self.environment = environment
        self.runCommand = runCommand
    }

    public func token(for tracker: TrackerDescriptor, configuration: Configuration, host: String?) throws(CredentialError) -> String? {
        try token(prefix: tracker.configPrefix, aliases: tracker.tokenEnvironment, configuration: configuration, host: host)
    }

    public func token(prefix: String, aliases: [String] = [], configuration: Configuration, host: String?) throws(CredentialError) -> String? {
        guard let (token, source) = try find(prefix: prefix, aliases: aliases, configuration: configuration, host: host) else { return nil }
        Secrets.register(token)
        try Self.validate(token, source: source)
        return token
    }

    private func find(prefix: String, aliases: [String], configuration: Configuration, host: String?) throws(CredentialError) -> (String, String)? {
        let envName = "ACCELERATOR_\(prefix.uppercased())_TOKEN"
        if let token = nonEmpty(environment[envName]) { return (token, "$\(envName)") }
        if let command = nonEmpty(environment[envName + "_CMD"]) {
            return (try runTokenCommand(command, origin: "$\(envName)_CMD"), "the output of $\(envName)_CMD")
        }
        if nonEmpty(configuration.team[prefix + ".token_cmd"]) != nil {
            let file = configuration.teamPath ?? "the team configuration"
            let local = file.replacingOccurrences(of: ".md", with: ".local.md")
            throw CredentialError(message: "\(prefix).token_cmd in \(file) is refused: a committed file must not run commands; move it to \(local)")
        }
        let personalFile = configuration.personalPath ?? "the personal configuration"
        if let token = nonEmpty(configuration.personal[prefix + ".token"]) { return (token, "\(prefix).token in \(personalFile)") }
        if let command = nonEmpty(configuration.personal[prefix + ".token_cmd"]) {
            let origin = "\(prefix).token_cmd in \(personalFile)"
            return (try runTokenCommand(command, origin: origin), "the output of \(origin)")
        }
        if configuration.personalPath == nil, let token = nonEmpty(configuration.team[prefix + ".token"]) {
            return (token, "\(prefix).token in \(configuration.teamPath ?? "the team configuration")")
        }
        for alias in aliases { if let token = nonEmpty(environment[alias]) { return (token, "$\(alias)") } }
        if let host, let token = gitCredential(host: host) { return (token, "git credential fill for \(host)") }
        return nil
    }

    /// A token is one run of printable, non-space characters: anything else would be sent as a broken header.
    static func validate(_ token: String, source: String) throws(CredentialError) {
        let bad = token.unicodeScalars.first { $0.properties.isWhitespace || $0.properties.generalCategory == .control
            || $0.properties.generalCategory == .format }
        guard let bad else { return }
        let what: String
        switch bad {
        case "\n", "\r", "\u{0085}", "\u{2028}", "\u{2029}": what = "a line break"
        case _ where bad.properties.isWhitespace: what = "a space"
        default: what = "a control character"
        }
        throw CredentialError(message: "the token from \(source) contains \(what): remove it (the token is not shown)")
    }

    /// Like the shell's `$(…)`, trailing line breaks (and spaces) of a command's output are not part of the token.
    private func runTokenCommand(_ command: String, origin: String) throws(CredentialError) -> String {
        let result = runCommand("/bin/sh", ["-c", command], "", environment)
        let output = String(result.stdout.reversed().drop { $0.isWhitespace || $0.isNewline }.reversed())
        guard result.status == 0, !output.isEmpty else {
            throw CredentialError(message: "\(origin) failed (exit \(result.status)) or printed nothing: run it by hand to check it prints the token")
        }
        return output
    }

    private func gitCredential(host: String) -> String? {
        var env = environment
        env["GIT_TERMINAL_PROMPT"] = "0"
        let result = runCommand("/usr/bin/env", ["git", "credential", "fill"], "protocol=https\nhost=\(host)\n\n", env)
        guard result.status == 0 else { return nil }
        for line in result.stdout.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }) where line.hasPrefix("password=") {
            return nonEmpty(String(line.dropFirst("password=".count)))
        }
        return nil
    }

    private func nonEmpty(_ s: String?) -> String? {
        guard let s, !s.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        return s
    }

    public static let runProcess: CommandRunner = { executable, arguments, stdin, environment in
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return (127, "") }
        input.fileHandleForWriting.write(Data(stdin.utf8))
        try? input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
