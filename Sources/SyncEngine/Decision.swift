import Foundation
import WorkItems

/// A conflict decision (`--resolve` or a prompt answer) as `sync.log` and the `Sync-Resolved:` trailer record it.
struct Decision: Sendable, Equatable {
    var id: String
    var key: String?
    var choice: ConflictChoice
    var who: String
    /// ISO 8601, when the run made it.
    var time: String

    /// The `sync.log` line: time, item, key, choice, who (tab-separated).
    var logLine: String {
        [time, id, key ?? "-", choice.rawValue, TerminalText.sanitise(who)].joined(separator: "\t")
    }

    /// Only decisions that changed something get a trailer (`skip` is logged, not trailed).
    var trailer: String? {
        choice == .skip ? nil : "Sync-Resolved: \(id) \(choice.rawValue)"
    }

    init(id: String, key: String?, choice: ConflictChoice, who: String, time: String) {
        self.id = id
        self.key = key
        self.choice = choice
        self.who = who
        self.time = time
    }

    /// From a journalled `decision` entry; nil for a malformed one.
    init?(_ entry: JournalEntry) {
        guard entry.kind == .decision, let raw = entry.choice, let choice = ConflictChoice(rawValue: raw) else { return nil }
        self.init(id: entry.id, key: entry.key, choice: choice, who: entry.who ?? "unknown", time: entry.time ?? "")
    }
}
