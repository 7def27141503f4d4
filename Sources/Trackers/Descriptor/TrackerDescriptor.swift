import Foundation

/// Everything the engine and the executable know about one tracker. Each tracker target provides one; the
/// executable's registry lists them, and nothing else names a tracker.
public struct TrackerDescriptor: Sendable {
    /// The `work.integration` value: `github-issues`, `jira`, `linear`, `trello`.
    public let integration: String
    /// For people: "GitHub Issues", "Jira".
    public let displayName: String
    /// Prefix of its configuration keys (`github` for `github.repo`) and of its environment variables
    /// (`ACCELERATOR_GITHUB_TOKEN`).
    public let configPrefix: String
    /// The configuration keys under `configPrefix` it reads, so `check` can point out a misspelt one.
    public let configKeys: [TrackerConfigKey]
    /// Environment variables that may hold the token, tried after the accelerator's own sources (`GH_TOKEN`).
    public let tokenEnvironment: [String]
    /// Environment variables that supply a setting the configuration leaves out (`trello.key` ← `TRELLO_API_KEY`).
    public let settingEnvironment: [String: [String]]
    /// The host `git credential fill` is asked about, from the settings (`jira.site`, `github.api_url`).
    public let credentialHost: @Sendable (TrackerSettings) -> String?
    /// What its remote keys look like.
    public let keySyntax: RemoteKeySyntax
    /// Builds a client from settings that carry the resolved token.
    public let make: TrackerFactory

    public init(
        integration: String, displayName: String, configPrefix: String, configKeys: [TrackerConfigKey],
        tokenEnvironment: [String] = [], settingEnvironment: [String: [String]] = [:],
        credentialHost: @escaping @Sendable (TrackerSettings) -> String?, keySyntax: RemoteKeySyntax,
        make: @escaping TrackerFactory
    ) {
        self.integration = integration
        self.displayName = displayName
        self.configPrefix = configPrefix
        self.configKeys = configKeys
        self.tokenEnvironment = tokenEnvironment
        self.settingEnvironment = settingEnvironment
        self.credentialHost = credentialHost
        self.keySyntax = keySyntax
        self.make = make
    }

    /// `ACCELERATOR_GITHUB_TOKEN`: the first place the credential chain looks.
    public var tokenVariable: String { "ACCELERATOR_\(configPrefix.uppercased())_TOKEN" }

    /// The host of `<prefix>.api_url` when one is configured (Enterprise, Data Center, the simulator), else `fallback`.
    public static func apiHost(_ settings: TrackerSettings, prefix: String, fallback: String?) -> String? {
        if let api = settings.value(prefix + ".api_url"), let host = URL(string: api)?.host { return host }
        return fallback
    }

    /// Whether `key` (a full dotted name such as `jira.site`) is one this tracker reads.
    public func reads(_ key: String) -> Bool {
        configKeys.contains { $0.matches(key, prefix: configPrefix) }
    }
}
