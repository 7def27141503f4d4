/// Which untracked remote items a sync should bring in as new local items (`--assignee`, `--label`, `--state`,
/// `--all`, and `work.default_project_code`).
public struct DiscoveryFilter: Sendable, Equatable {
    /// `work.default_project_code`: Jira project key, Linear team key, GitHub label, …; nil means no narrowing.
    public var projectCode: String?
    /// `--all`: ignore `projectCode`.
    public var all: Bool
    public var assignee: String?
    public var labels: [String]
    public var state: String?

    public init(projectCode: String? = nil, all: Bool = false, assignee: String? = nil, labels: [String] = [], state: String? = nil) {
        self.projectCode = projectCode
        self.all = all
        self.assignee = assignee
        self.labels = labels
        self.state = state
    }

    /// True when only the default project scope applies, so discovery can reuse the incremental read.
    public var isDefaultScope: Bool { !all && assignee == nil && labels.isEmpty && state == nil }
}
