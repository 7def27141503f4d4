import Foundation
import Trackers

/// Jira Cloud as the registry knows it.
public enum JiraDescriptor {
    public static let descriptor = TrackerDescriptor(
        integration: "jira", displayName: "Jira", configPrefix: "jira",
        configKeys: TrackerConfigKey.common + [
            TrackerConfigKey("site", "your <site>.atlassian.net name, or an https URL"),
            TrackerConfigKey("email", "the account email the API token belongs to"),
            TrackerConfigKey("status_map.*", "local status → Jira status name"),
            TrackerConfigKey("priority_map.*", "local priority → Jira priority name"),
            TrackerConfigKey("kind_map.*", "local kind → Jira issue type"),
        ],
        credentialHost: { settings in
            TrackerDescriptor.apiHost(settings, prefix: "jira",
                fallback: settings.value("jira.site").flatMap(JiraTracker.siteURL).flatMap { URL(string: $0)?.host })
        },
        keySyntax: .projectAndNumber,
        make: { settings in try JiraTracker(settings: settings) })
}
