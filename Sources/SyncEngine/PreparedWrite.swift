import Trackers
import WorkItems

/// A work item file ready to be written: its document, its bytes and the baseline entry it settles (whose
/// `localBlob` is the bytes' blob id), with the tracker key the journal records.
struct PreparedWrite: Sendable {
    let document: WorkItemDocument
    let bytes: [UInt8]
    let entry: BaselineEntry
    let key: String
}
