import Trackers
import WorkItems

/// A work item file ready to be written: its document, its bytes, the baseline entry it settles (whose
/// `localBlob` is the bytes' blob id) and the journal line that announces the write.
struct PreparedWrite: Sendable {
    let document: WorkItemDocument
    let bytes: [UInt8]
    let entry: BaselineEntry
    let journal: JournalLine
}
