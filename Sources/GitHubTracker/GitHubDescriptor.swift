import Trackers

/// GitHub Issues as the registry knows it.
public enum GitHubDescriptor {
    public static let descriptor = TrackerDescriptor(
        integration: "github-issues", displayName: "GitHub Issues", configPrefix: "github",
        configKeys: TrackerConfigKey.common + [
            TrackerConfigKey("repo", "owner/name (default: parsed from the origin remote)"),
            TrackerConfigKey("status_map.*", "local status → open or closed"),
            TrackerConfigKey("open_status", "the local status an open issue gets when it is pulled new"),
        ],
        tokenEnvironment: ["GH_TOKEN", "GITHUB_TOKEN"],
        credentialHost: { TrackerDescriptor.apiHost($0, prefix: "github", fallback: "github.com") },
        keySyntax: RemoteKeySyntax(example: "acme/widgets#123") { key in GitHubTracker.split(key) != nil },
        make: { settings in try GitHubTracker(settings: settings) })
}
