import Foundation
import SyncEngine
import Trackers
import WorkItems

/// Every report and error this program prints goes through here, so no secret the process loaded reaches a terminal
/// or a log in any of its forms, and an error line is one line of plain text whatever the remote said.
enum Output {
    static func report(_ text: String) {
        FileHandle.standardOutput.write(Data(Secrets.redact(text).utf8))
    }

    /// `git-sync-work-items: <message>` on standard error, control characters and line separators escaped.
    static func error(_ message: String) {
        let line = TerminalText.sanitise(Secrets.redact(message))
        FileHandle.standardError.write(Data("git-sync-work-items: \(line)\n".utf8))
    }
}
