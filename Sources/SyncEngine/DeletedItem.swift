/// A tracked item whose file is gone from HEAD (deleted or moved out of the work folder in a commit, or replaced by
/// a symbolic link): safety invariant 7 reports it and never pulls it again under a new id.
public struct DeletedItem: Sendable, Equatable {
    public var id: String
    public var key: String
    /// Where the file was, when history still shows it.
    public var path: String?
    /// What happened and the two ways out (restore it, or `--forget` it).
    public var detail: String
}
