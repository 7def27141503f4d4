/// One synced path of a prepared commit: HEAD's blob before and the committed blob after (nil: absent).
public struct StagedChange: Sendable, Equatable, Codable {
    public var path: String
    public var before: String?
    public var after: String?

    public init(path: String, before: String?, after: String?) {
        self.path = path
        self.before = before
        self.after = after
    }
}
