import ArgumentParser
import Foundation
import SyncEngine

@main
struct GitSyncWorkItems: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "git-sync-work-items",
        abstract: "Reconcile markdown work items in git with Jira, Linear, Trello or GitHub Issues.",
        discussion: """
            Run as `git sync-work-items`. Pushes what changed locally, pulls what changed remotely, stops on items \
            that changed on both sides, and records what it pulled as one git commit (review it with `git show`).
            Exit codes: 0 done, 1 internal error, 2 usage, 4 items need you (conflicts, uncommitted edits, bad files), \
            5 refused (too many changes), 70 remote failure safe to retry, 71 remote write with unknown outcome, \
            73 no integration configured, 74 credentials or tracker configuration missing.
            """,
        version: "git-sync-work-items version \(ToolVersion.current)",
        subcommands: [SyncCommand.self, StatusCommand.self, CheckCommand.self, InstallHookCommand.self, UninstallHookCommand.self, ConvertCommand.self],
        defaultSubcommand: SyncCommand.self
    )

    /// ArgumentParser exits 64 on usage errors; git tools (and DESIGN.md) use 2.
    static func main() async {
        MallocTuning.apply()
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((message + "\n").utf8))
                Foundation.exit(2)
            }
            if code == .failure {
                Output.error(message)
                Foundation.exit(1)
            }
            self.exit(withError: error)
        }
    }
}
