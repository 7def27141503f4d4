/// A sync commit whose commit object exists but that nothing points at yet: neither the index nor HEAD has changed.
/// The caller journals it, then `finishSyncCommit` makes it real the way `git commit` does (index first, then ref).
public struct PreparedSyncCommit {
    public let id: String
    public let parent: String
    /// `refs/heads/<branch>`, or `HEAD` when detached.
    public let reference: String
    /// Only the paths whose tree entry changes.
    public var changes: [StagedChange] { pathChanges.filter(\.changesTree).map(\.staged) }
    let pathChanges: [PathChange]
    let subject: String
}
