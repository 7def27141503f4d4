/// What a sync commit decides once about how working-tree files become blobs and modes.
struct WorkingTreeReading {
    let filters: ContentFilters
    /// `core.filemode`: whether the executable bit on disk is to be believed.
    let trustFileMode: Bool
}
