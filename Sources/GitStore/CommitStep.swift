/// The durable steps of finishing a sync commit, in order, for an observer that may stop the run after any of them.
public enum CommitStep: String, Sendable, Equatable {
    /// `<index>.lock` is ours.
    case indexLocked = "index-lock"
    /// The index holds the committed entries of the synced paths; HEAD has not moved yet.
    case indexWritten = "index-write"
    /// HEAD (its branch) points at the sync commit.
    case referenceMoved = "ref-move"
}
