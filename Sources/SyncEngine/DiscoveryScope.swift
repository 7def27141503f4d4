import Trackers

/// Whether a run may discover untracked items incrementally: only when the last run that moved the watermark
/// looked at least as widely, so every older candidate was already seen (and pulled). Otherwise discovery reads in
/// full, and the new filters are recorded in `last-sync.json` for the next run.
enum DiscoveryScope {
    /// A run's filters: its options over the configured default project.
    static func filter(_ options: SyncOptions, projectCode: String?) -> DiscoveryFilter {
        DiscoveryFilter(projectCode: projectCode, all: options.all, assignee: options.assignee, labels: options.labels,
            state: options.state)
    }

    /// The filters of the last run; a baseline written before they were recorded always used the default scope.
    static func recorded(in baseline: Baseline, projectCode: String?) -> DiscoveryFilter {
        baseline.discovery ?? DiscoveryFilter(projectCode: projectCode)
    }

    /// Whether every item `current` matches also matched `recorded`.
    static func covers(_ recorded: DiscoveryFilter, _ current: DiscoveryFilter) -> Bool {
        let wide = normalised(recorded)
        if wide == normalised(current) { return true }
        return wide.all && wide.assignee == nil && wide.labels.isEmpty && wide.state == nil
    }

    /// The same filter however it was spelt: label order and case, `--state all`, a project `--all` ignores.
    static func normalised(_ filter: DiscoveryFilter) -> DiscoveryFilter {
        let state = filter.state?.lowercased()
        return DiscoveryFilter(projectCode: filter.all ? nil : filter.projectCode?.lowercased(), all: filter.all,
            assignee: filter.assignee?.lowercased(), labels: Array(Set(filter.labels.map { $0.lowercased() })).sorted(),
            state: state == "all" ? nil : state)
    }
}
