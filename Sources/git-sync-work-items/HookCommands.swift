import ArgumentParser
import Foundation
import GitStore

struct InstallHookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "install-hook",
        abstract: "Install the pre-push hook that previews a sync on every push (chains to an existing hook)."
    )

    @Flag(help: "Rewrite the hook even if it is already installed.")
    var force = false

    func run() throws {
        try withRepository { repository in
            print(try HookInstaller(repository: repository).install(script: PrePushHookScript.text, force: force))
        }
    }
}

struct UninstallHookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "uninstall-hook",
        abstract: "Remove the pre-push hook and restore the one it chained to."
    )

    func run() throws {
        try withRepository { repository in
            print(try HookInstaller(repository: repository).uninstall())
        }
    }
}

/// Opens the repository git would, or exits with a one-line error (2 outside a repository, like git's usage errors).
func withRepository(_ body: (GitRepository) throws -> Void) throws {
    do {
        try body(try GitRepository.open())
    } catch let error as GitError {
        Output.error(error.message)
        throw ExitCode(error.code == .notARepository || error.code == .bareRepository ? 2 : 1)
    }
}
