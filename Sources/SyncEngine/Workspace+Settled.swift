import Foundation
import GitStore

extension Workspace {
    /// The path of `SettledStamp`'s file, beside the journal.
    var settledStampPath: String { repository.gitDir + "/sync-work-items/settled" }

    /// The stamp, when the local side is as the run that wrote it left it: the same fingerprint, HEAD's work folder
    /// and baseline the stamp's, and nothing uncommitted (or untracked) in the work and state folders.
    func settledStamp(filters options: SyncOptions) -> SettledStamp? {
        guard let stamp = settledStampWritten(filters: options), localSideMatches(stamp, refreshingIndex: true) else { return nil }
        return stamp
    }

    /// The stamp the last settled run wrote, when this run's settings and filters are the ones it was written with.
    func settledStampWritten(filters options: SyncOptions) -> SettledStamp? {
        guard let data = FileManager.default.contents(atPath: settledStampPath), let stamp = SettledStamp(decoding: Array(data)),
              stamp.fingerprint == settledFingerprint(filters: options)
        else { return nil }
        return stamp
    }

    /// HEAD's work folder and baseline are the stamp's, and nothing is uncommitted (or untracked) in the work and
    /// state folders: at 100,000 items the last is a walk of the working tree as long as `git status`.
    /// `refreshingIndex`: as `GitRepository.dirtyPaths`.
    func localSideMatches(_ stamp: SettledStamp, refreshingIndex: Bool) -> Bool {
        guard (try? repository.headTreeID(of: config.workPath)) == stamp.workTree,
              (try? repository.blobID(at: baselinePath)) == stamp.baselineBlob,
              let dirty = try? repository.dirtyPaths(under: [config.workPath, stateFolder], refreshingIndex: refreshingIndex)
        else { return false }
        return dirty.isEmpty
    }

    /// A hash of what a run depends on besides HEAD, the working tree and the remote: the settings the tracker is
    /// made from (passwords in URLs left out), the origin remote, and the discovery filters. The mode and
    /// `--push-new` are not in it: over a settled state with nothing changed they change nothing.
    func settledFingerprint(filters options: SyncOptions) -> String {
        var lines = [SettledStamp.header, "integration=\(integration)", "origin=\(repository.remoteURL("origin") ?? "")"]
        var values = config.values
        for (key, value) in settingValues(for: descriptor) { values[key] = value }
        for (key, value) in values.sorted(by: { $0.key < $1.key }) {
            lines.append("setting \(key)=\(key.hasSuffix("_url") ? Self.withoutPassword(value) : value)")
        }
        lines += ["all=\(options.all)", "assignee=\(options.assignee ?? "")", "state=\(options.state ?? "")"]
        lines += options.labels.map { "label=\($0)" }
        return GitRepository.blobID(of: Array(lines.joined(separator: "\n").utf8))
    }

    private static func withoutPassword(_ url: String) -> String {
        guard var components = URLComponents(string: url), components.password != nil else { return url }
        components.password = nil
        return components.string ?? ""
    }
}
