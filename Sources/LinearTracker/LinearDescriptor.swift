import Trackers

/// Linear as the registry knows it.
public enum LinearDescriptor {
    public static let descriptor = TrackerDescriptor(
        integration: "linear", displayName: "Linear", configPrefix: "linear",
        configKeys: TrackerConfigKey.common + [
            TrackerConfigKey("team_id", "the team's id (or key) to sync with; default: work.default_project_code"),
            TrackerConfigKey("status_map.*", "local status → Linear workflow state name"),
            TrackerConfigKey("priority_map.*", "local priority → urgent, high, medium, low, none (or 0-4)"),
            TrackerConfigKey("kind_map.*", "local kind → Linear label (Bug, Feature, Improvement, …)"),
            TrackerConfigKey("create_labels", "false: never create a missing label, leave the tag out and say so"),
        ],
        tokenEnvironment: ["LINEAR_API_KEY"],
        credentialHost: { settings in TrackerDescriptor.apiHost(settings, prefix: "linear", fallback: "api.linear.app") },
        keySyntax: .projectAndNumber,
        make: { settings in try LinearTracker(settings: settings) })
}
