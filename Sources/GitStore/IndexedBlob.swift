import CLibGit2

/// A blob as a tree or the index records it: id and git file mode (`0o100644`, `0o100755`, `0o120000`).
public struct IndexedBlob: Sendable, Equatable {
    public var id: String
    public var mode: UInt32

    public init(id: String, mode: UInt32) {
        self.id = id
        self.mode = mode
    }

    /// nil for the empty side of an added or deleted delta.
    init?(_ file: git_diff_file) {
        var oid = file.id
        guard file.flags & GIT_DIFF_FLAG_EXISTS.rawValue != 0, git_oid_is_zero(&oid) == 0 else { return nil }
        self.init(id: hexString(&oid), mode: UInt32(file.mode))
    }
}
