/// Where `lastCommit(under:limit:where:)` found a blob.
public struct BlobLocation: Sendable, Equatable {
    /// Repository-relative path of the blob in `commit`.
    public var path: String
    public var commit: String
    /// The commit after `commit` on the walk (nil when `commit` is HEAD).
    public var nextCommit: String?
}
