/// Where HEAD points. `name` is the branch's short name (`main`, not `refs/heads/main`); commits are hex ids.
public enum HeadState: Sendable, Equatable {
    case branch(name: String, commit: String)
    case detached(commit: String)

    public var commit: String {
        switch self {
        case .branch(_, let commit), .detached(let commit): commit
        }
    }
}

/// A commit identity (name and email), without a time.
public struct Signature: Sendable, Equatable {
    public var name: String
    public var email: String

    public init(name: String, email: String) {
        self.name = name
        self.email = email
    }
}

/// The commit a sync made: its id and the paths whose content it changed, sorted.
public struct SyncCommit: Sendable, Equatable {
    public var id: String
    public var paths: [String]

    public init(id: String, paths: [String]) {
        self.id = id
        self.paths = paths
    }
}
