import Foundation

public struct CredentialError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

/// Finds a tracker token in DESIGN.md's order; the first match wins:
/// `ACCELERATOR_<TRACKER>_TOKEN`, `ACCELERATOR_<TRACKER>_TOKEN_CMD`, `token` then `token_cmd` in the personal file,
/// `token` in the team file only when there is no personal file, `GH_TOKEN`/`GITHUB_TOKEN` for GitHub, and last
/// `git credential fill` for the tracker's host. A `token_cmd` in the committed team file is refused.
public struct CredentialChain: Sendable {
    public typealias CommandRunner = @Sendable (_ executable: String, _ arguments: [String], _ stdin: String, _ environment: [String: String]) -> (status: Int32, stdout: String)

    public var environment: [String: String]
    public var runCommand: CommandRunner

    public init(environment: [String: String], runCommand: @escaping CommandRunner = CredentialChain.runProcess) {
        self.environment = environment
        self.runCommand = runCommand
    }

    /// `jira` → `JIRA`, `github-issues` → `GITHUB`: the tracker's config prefix and env name.
    public static func configPrefix(for integration: String) -> String {
        integration == "github-issues" ? "github" : integration
    }

    public func token(integration: String, configuration: Configuration, host: String?) throws(CredentialError) -> String? {
        let prefix = Self.configPrefix(for: integration)
        let envName = "ACCELERATOR_\(prefix.uppercased())_TOKEN"
        if let token = nonEmpty(environment[envName]) { return token }
        if let command = nonEmpty(environment[envName + "_CMD"]) {
            return try runTokenCommand(command, origin: "$\(envName)_CMD")
        }
        if let command = nonEmpty(configuration.team[prefix + ".token_cmd"]) {
            _ = command
            let file = configuration.teamPath ?? "the team configuration"
            let local = file.replacingOccurrences(of: ".md", with: ".local.md")
            throw CredentialError(message: "\(prefix).token_cmd in \(file) is refused: a committed file must not run commands; move it to \(local)")
        }
        if let token = nonEmpty(configuration.personal[prefix + ".token"]) { return token }
        if let command = nonEmpty(configuration.personal[prefix + ".token_cmd"]) {
            return try runTokenCommand(command, origin: "\(prefix).token_cmd in \(configuration.personalPath ?? "the personal configuration")")
        }
        if configuration.personalPath == nil, let token = nonEmpty(configuration.team[prefix + ".token"]) { return token }
        if prefix == "github" {
            if let token = nonEmpty(environment["GH_TOKEN"]) ?? nonEmpty(environment["GITHUB_TOKEN"]) { return token }
        }
        if let host { return gitCredential(host: host) }
        return nil
    }

    private func runTokenCommand(_ command: String, origin: String) throws(CredentialError) -> String {
        let result = runCommand("/bin/sh", ["-c", command], "", environment)
        guard result.status == 0, let token = nonEmpty(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw CredentialError(message: "\(origin) failed (exit \(result.status)) or printed nothing: run it by hand to check it prints the token")
        }
        return token
    }

    private func gitCredential(host: String) -> String? {
        var env = environment
        env["GIT_TERMINAL_PROMPT"] = "0"
        let result = runCommand("/usr/bin/env", ["git", "credential", "fill"], "protocol=https\nhost=\(host)\n\n", env)
        guard result.status == 0 else { return nil }
        for line in result.stdout.split(separator: "\n") where line.hasPrefix("password=") {
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
