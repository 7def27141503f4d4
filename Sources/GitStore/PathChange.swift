/// One requested path: HEAD's entry before, the working tree's after (nil: deleted), and the stat data that
/// goes into its index entry.
struct PathChange {
    let path: String
    let before: TreeEntryState?
    let after: TreeEntryState?
    let stat: WorkingFile?

    var changesTree: Bool { before != after }
    var staged: StagedChange { StagedChange(path: path, before: before?.hex, after: after?.hex) }
}
