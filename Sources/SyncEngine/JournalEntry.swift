import GitStore

/// One line of the journal (see `Journal`).
public struct JournalEntry: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable {
        /// A remote create is about to be sent with this marker.
        case createIntent = "create-intent"
        /// The item's remote side is done (update, create, or found converged); `baseline` is its new entry.
        case remoteDone = "remote-done"
        /// A file is about to be written (atomically) with blob `blob`; `baseline` is the item's new entry.
        case localWrite = "local-write"
        /// A conflict decision (`choice`) is about to be carried out by the write that follows it.
        case decision
        /// The sync commit `commit` on `parent` is about to be made visible (index, then `reference`).
        case commit
    }

    public var kind: Kind
    public var id: String
    public var path: String?
    public var blob: String?
    public var key: String?
    public var marker: String?
    public var time: String?
    public var remoteUpdatedAt: String?
    public var remoteHash: String?
    public var localHash: String?
    public var localBlob: String?
    public var remoteID: String?
    /// For `local-write`: the plan action (`pull`, `new`, …) and the item's title, for the commit message of a
    /// run that finishes this one.
    public var action: String?
    public var title: String?
    /// For `decision`: `local` or `remote`, who decided, and (for `local`) the hash of what is sent as the tracker
    /// can hold it, to recognise the push on the remote side if the run dies before it is answered.
    public var choice: String?
    public var who: String?
    public var sentHash: String?
    /// For `commit`.
    public var commit: String?
    public var parent: String?
    public var reference: String?
    public var changes: [StagedChange]?

    public init(kind: Kind, id: String, path: String? = nil, blob: String? = nil, key: String? = nil, marker: String? = nil,
                time: String? = nil, baseline: BaselineEntry? = nil) {
        self.kind = kind
        self.id = id
        self.path = path
        self.blob = blob
        self.key = key
        self.marker = marker
        self.time = time
        self.remoteUpdatedAt = baseline?.remoteUpdatedAt
        self.remoteHash = baseline?.remoteHash
        self.localHash = baseline?.localHash
        self.localBlob = baseline?.localBlob
        self.remoteID = baseline?.remoteID
    }

    public var baseline: BaselineEntry? {
        guard remoteUpdatedAt != nil || remoteHash != nil || localHash != nil || localBlob != nil else { return nil }
        return BaselineEntry(remoteUpdatedAt: remoteUpdatedAt, remoteHash: remoteHash, localHash: localHash, localBlob: localBlob,
            remoteID: remoteID)
    }

    static func decision(_ decision: Decision, sentHash: String?) -> JournalEntry {
        var entry = JournalEntry(kind: .decision, id: decision.id, key: decision.key, time: decision.time)
        entry.choice = decision.choice.rawValue
        entry.who = decision.who
        entry.sentHash = sentHash
        return entry
    }

    static func commit(_ prepared: PreparedSyncCommit) -> JournalEntry {
        var entry = JournalEntry(kind: .commit, id: "")
        entry.commit = prepared.id
        entry.parent = prepared.parent
        entry.reference = prepared.reference
        entry.changes = prepared.changes
        return entry
    }

    enum CodingKeys: String, CodingKey {
        case kind = "type", id, path, blob, key, marker, time, action, title, choice, who, commit, parent, reference, changes
        case remoteUpdatedAt = "remote_updated_at", remoteHash = "remote_hash", localHash = "local_hash", localBlob = "local_blob"
        case remoteID = "remote_id"
        case sentHash = "sent_hash"
    }
}
