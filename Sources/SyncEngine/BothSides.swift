import Foundation

/// What one run read: the baseline (with what an interrupted run finished), the local items, the remote side and
/// the tracked items whose files are gone.
struct BothSides {
    var baseline: Baseline
    var loaded: LoadedItems
    var remote: RemoteSnapshot
    var missing: DeletedItemFinder.Result
    /// Forgotten items whose files are back in HEAD: tracked again.
    var restored: [String]
    /// When the remote read started: the next run reads changes from here (minus the overlap).
    var readStarted: Date
}
