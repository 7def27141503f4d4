import Foundation

/// The token user's time zone as the last run was told it, kept in the tracker's cache folder: JQL date literals
/// are read in that zone, and a read that starts from this guess need not wait for `GET /rest/api/3/myself` first —
/// it asks at the same time and repeats the search only when the zone changed. Kept for the same site and account
/// only.
struct JiraZoneCache: Sendable {
    static let fileName = "jira-time-zone.json"

    private struct Entry: Codable {
        var account: String
        var timeZone: String
    }

    let file: URL?
    /// Site and email: another account (or site) has its own zone.
    let account: String

    func load() -> TimeZone? {
        guard let file, let data = FileManager.default.contents(atPath: file.path),
            let entry = try? JSONDecoder().decode(Entry.self, from: data), entry.account == account
        else { return nil }
        return TimeZone(identifier: entry.timeZone)
    }

    /// Written atomically when it changed; a cache that cannot be written is simply not kept.
    func store(_ zone: TimeZone) {
        guard let file, load()?.identifier != zone.identifier,
            let data = try? JSONEncoder().encode(Entry(account: account, timeZone: zone.identifier))
        else { return }
        let folder = file.deletingLastPathComponent().path
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let temporary = file.path + ".tmp-\(getpid())"
        if FileManager.default.createFile(atPath: temporary, contents: data), rename(temporary, file.path) != 0 {
            unlink(temporary)
        }
    }
}
