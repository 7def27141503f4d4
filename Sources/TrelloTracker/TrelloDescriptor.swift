import Foundation
import Trackers

/// Trello as the registry knows it. The token comes from the credential chain (`ACCELERATOR_TRELLO_TOKEN`,
/// `trello.token`, `TRELLO_TOKEN`, `git credential fill`); the API key is a setting (`trello.key`, or
/// `TRELLO_API_KEY` when the configuration leaves it out).
public enum TrelloDescriptor {
    public static let descriptor = TrackerDescriptor(
        integration: "trello", displayName: "Trello", configPrefix: "trello",
        configKeys: TrackerConfigKey.common + [
            TrackerConfigKey("key", "the Trello API key the token was issued for (or TRELLO_API_KEY)"),
            TrackerConfigKey("board_id", "the board: its id or the 8-character shortLink from its URL"),
            TrackerConfigKey("status_map.*", "local status → list name on the board"),
            TrackerConfigKey("priority_labels.*", "local priority → board label name (default `priority: <value>`)"),
            TrackerConfigKey("kind_labels.*", "local kind → board label name (default `kind: <value>`)"),
            TrackerConfigKey("create_lists", "true: a status with no list gets one, added at the right of the board"),
        ],
        tokenEnvironment: ["TRELLO_TOKEN"],
        settingEnvironment: ["trello.key": ["TRELLO_API_KEY"]],
        credentialHost: { TrackerDescriptor.apiHost($0, prefix: "trello", fallback: "api.trello.com") },
        keySyntax: RemoteKeySyntax(example: "aBcD1234", matches: TrelloKeys.isShortLink),
        make: { settings in try TrelloTracker(settings: settings) })
}
