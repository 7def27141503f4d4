/// A token this tool attaches to every item it creates, so that an interrupted create is found on the next run
/// instead of being repeated. `value` is `[A-Za-z0-9-]+`; trackers store it where it survives edits
/// (Linear: the client-chosen issue id; Jira: an issue property; GitHub/Trello: a hidden marker in the body).
public struct SyncMarker: Sendable, Hashable, Codable, CustomStringConvertible {
    public let value: String
    public init(_ value: String) { self.value = value }
    public var description: String { value }
}
