/// What a run tells whoever watches it (a terminal's progress line).
public enum ProgressEvent: Sendable, Equatable {
    /// Reading the tracker: `items` have arrived so far.
    case reading(items: Int)
    /// The read is complete.
    case read(items: Int)
    /// Writing starts: `total` items to apply.
    case executing(total: Int)
    /// `done` of `total` items applied.
    case executed(Int, Int)
}
