import Foundation
import WorkItems

/// One remote issue/card/ticket as the engine sees it: its key, its tracker-side clock and its content already
/// mapped into the local vocabulary.
public struct RemoteItem: Sendable, Equatable {
    /// Jira `PROJ-123`, Linear `ENG-42`, GitHub `owner/repo#123`, Trello the card's shortLink.
    public var key: String
    /// The tracker's id for the item that survives a change of key (Linear's issue UUID when an issue moves team,
    /// Jira's numeric id when it moves project); nil when keys never change.
    public var remoteID: String?
    /// The tracker's own updated time, verbatim. Compared as a string with the baseline's `remote_updated_at`.
    public var updatedAt: String
    public var createdAt: String?
    /// Who created it (login, display name), for the `author` of a newly pulled local item.
    public var author: String?
    /// A browser URL, for humans.
    public var url: String?
    public var content: WorkItemContent
    /// The create marker this tool left on the item when it created it (see `SyncMarker`), if any.
    public var marker: SyncMarker?
    /// What a write could not carry exactly (a tag slugged into a label, table alignment dropped), one line each.
    public var notices: [String]

    public init(
        key: String, remoteID: String? = nil, updatedAt: String, createdAt: String? = nil, author: String? = nil, url: String? = nil,
        content: WorkItemContent, marker: SyncMarker? = nil, notices: [String] = []
    ) {
        self.key = key
        self.remoteID = remoteID
        self.updatedAt = updatedAt
        self.createdAt = createdAt
        self.author = author
        self.url = url
        self.content = content
        self.marker = marker
        self.notices = notices
    }
}
