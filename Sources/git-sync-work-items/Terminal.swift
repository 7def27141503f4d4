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

/// Progress on stderr, only on a TTY, only for runs that last over a second: counts, rate and time left, redrawn in
/// place (see `ProgressMeter`).
final class ProgressPrinter: Sendable {
    private let enabled: Bool
    private let meter: Mutex<ProgressMeter>
    private let shown = Mutex(false)

    init(enabled: Bool) {
        self.enabled = enabled
        meter = Mutex(ProgressMeter(start: Date()))
    }

    func handle(_ event: ProgressEvent) {
        guard enabled, let text = meter.withLock({ $0.line(for: event, at: Date()) }) else { return }
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
