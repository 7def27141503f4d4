import GitHubTracker
import JiraTracker
import LinearTracker
import Trackers
import TrelloTracker

/// The one place that names concrete trackers: adding one is a new target and one line here.
enum TrackerRegistry {
    static let all: [TrackerDescriptor] = [
        GitHubDescriptor.descriptor,
        JiraDescriptor.descriptor,
        LinearDescriptor.descriptor,
        TrelloDescriptor.descriptor,
    ]
}
