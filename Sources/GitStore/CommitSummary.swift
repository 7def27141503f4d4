/// A commit's id, subject line and first parent.
public struct CommitSummary: Sendable, Equatable {
    public var id: String
    public var subject: String
    public var parent: String?
}
