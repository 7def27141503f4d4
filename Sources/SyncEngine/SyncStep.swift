import GitStore

/// A change a run has just made durable, on disk or remotely. Runs report them in order; a run stopped right after
/// any of them (a kill, a power cut, a test) must leave a state the next run finishes.
public enum SyncStep: Sendable, Equatable, CustomStringConvertible {
    /// A line appended to the journal under `.git/sync-work-items/` (`id` is empty for the commit's line).
    case journalAppended(kind: String, id: String)
    /// A temporary file written beside its target, not yet renamed.
    case temporaryWritten(path: String)
    /// A file renamed into place (work item, `last-sync.json`, `sync.log`).
    case fileRenamed(path: String)
    /// A remote create or update answered.
    case remoteWritten(id: String)
    /// Sync-path index entries a killed run left behind were pointed back at HEAD.
    case indexRepaired
    case commit(CommitStep)
    /// The journal replaced by what the next run still needs (usually nothing).
    case journalReplaced

    /// Stable names, for `GIT_SYNC_WORK_ITEMS_TEST_STOP_AT` and test failure messages.
    public var description: String {
        switch self {
        case .journalAppended(let kind, let id): return id.isEmpty ? "journal:\(kind)" : "journal:\(kind):\(id)"
        case .temporaryWritten(let path): return "temp:\(path)"
        case .fileRenamed(let path): return "rename:\(path)"
        case .remoteWritten(let id): return "remote:\(id)"
        case .indexRepaired: return "index-repair"
        case .commit(let step): return step.rawValue
        case .journalReplaced: return "journal-replace"
        }
    }
}
