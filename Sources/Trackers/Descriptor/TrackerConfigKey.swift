/// One configuration key a tracker reads, named without its prefix: `repo`, `api_url`, or `status_map.*` for a
/// mapping table whose entries the user names.
public struct TrackerConfigKey: Sendable, Equatable {
    public let name: String
    /// One line for people (`check` quotes it).
    public let summary: String

    public init(_ name: String, _ summary: String) {
        self.name = name
        self.summary = summary
    }

    func matches(_ key: String, prefix: String) -> Bool {
        guard key.hasPrefix(prefix + ".") else { return false }
        let rest = key.dropFirst(prefix.count + 1)
        if name.hasSuffix(".*") { return rest.hasPrefix(name.dropLast()) || rest == name.dropLast(2) }
        return rest == name
    }

    /// Keys every tracker reads: its token sources and its API address.
    public static let common: [TrackerConfigKey] = [
        TrackerConfigKey("token", "the API token (only in config.local.md, unless there is none)"),
        TrackerConfigKey("token_cmd", "a command that prints the token (only in config.local.md)"),
        TrackerConfigKey("api_url", "the API's address (self-hosted, or the simulator)"),
    ]
}
