import Foundation
import SyncEngine

/// What the terminal allows: colour only on a TTY and never with `NO_COLOR` (or `TERM=dumb`).
struct Terminal {
    var stdoutIsTTY: Bool
    var stderrIsTTY: Bool
    var stdinIsTTY: Bool
    var noColor: Bool

    var colorUI: String?

    static func current(_ env: [String: String] = ProcessInfo.processInfo.environment) -> Terminal {
        Terminal(stdoutIsTTY: isatty(1) == 1, stderrIsTTY: isatty(2) == 1, stdinIsTTY: isatty(0) == 1,
            noColor: env["NO_COLOR"] != nil || env["TERM"] == "dumb",
            colorUI: (GitConfig.value("color.sync-work-items") ?? GitConfig.value("color.ui"))?.lowercased())
    }

    /// git's rule: `color.ui` never/false turns colour off, always/true forces it; `NO_COLOR` always wins.
    var stdoutColour: Bool {
        if noColor { return false }
        switch colorUI {
        case "never", "false": return false
        case "always": return true
        default: return stdoutIsTTY
        }
    }
}

/// Progress on stderr, only for runs that last over a second, only on a TTY.
final class ProgressPrinter: Sendable {
    private let enabled: Bool
    private let start = Date()
    private let shown = Mutex(false)

    init(enabled: Bool) { self.enabled = enabled }

    func handle(_ event: ProgressEvent) {
        guard enabled, Date().timeIntervalSince(start) > 1 else { return }
        let text: String
        switch event {
        case .reading: text = "reading remote changes…"
        case .read(let n): text = "read \(n) remote items"
        case .executed(let done, let total): text = "syncing \(done)/\(total)"
        }
        shown.withLock { $0 = true }
        FileHandle.standardError.write(Data("\r\u{1B}[K\(text)".utf8))
    }

    func finish() {
        if shown.withLock({ $0 }) { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}

import Synchronization

/// Reads one git config value for presentation choices (pager, colour) through the repository's libgit2 view.
enum GitConfig {
    static func value(_ key: String) -> String? {
        (try? GitRepository.open())?.configValue(key)
    }
}

import GitStore
