import Foundation
import Trackers
import WorkItems

public enum SyncMode: String, Sendable, CaseIterable { case bidirectional, pushOnly = "push-only", pullOnly = "pull-only" }

public enum ConflictChoice: String, Sendable, CaseIterable { case remote, local, skip }

public enum PushNewPolicy: String, Sendable, CaseIterable { case all, none, ask }

/// A work item as read from HEAD (or, for a file an interrupted run wrote, from the working tree).
public struct LocalItem: Sendable {
    public var id: String
    public var path: String
    public var document: WorkItemDocument
    public var blobID: String
    public var identity: WorkItemIdentity
    public var isDirty: Bool
    /// The local projection; `parent` is the raw frontmatter value (`work-item:0045`).
    public var content: WorkItemContent
    /// The content as it was at the last sync (read from the baseline's blob), when the file changed since; a push
    /// then sends only what differs from it.
    public var syncedContent: WorkItemContent? = nil

    public var remoteKey: String? { identity.remoteKey }
}

/// What the plan does with one item. The raw values are the stable `--porcelain`/`--json` action names.
public enum PlanAction: String, Sendable, Equatable, CaseIterable {
    /// Local changes go to the tracker.
    case push
    /// Remote changes come into the local file.
    case pull
    /// A never-pushed local item is created remotely; its key is written back.
    case create
    /// An untracked remote item becomes a new local item.
    case new
    /// A create an interrupted run sent is found remotely; its key is written back.
    case adopt
    /// Both sides already agree; only the baseline is brought up to date.
    case record
    /// Both sides changed differently and nothing says which wins.
    case conflict
    /// Nothing is done, for `reason`.
    case skip
}

/// Stable, greppable reason codes for `--porcelain` and `--json`.
public enum ReasonCode: String, Sendable, Equatable, CaseIterable {
    case conflict
    case dirty
    case pullOnly = "mode-pull-only"
    case pushOnly = "mode-push-only"
    case notPushed = "not-pushed"
    case declined
    case resolvedRemote = "resolved-remote"
    case resolvedLocal = "resolved-local"
    case resolvedSkip = "resolved-skip"
    case remoteMissing = "remote-missing"
    case duplicateKey = "duplicate-key"
    /// A tracked item deleted (or replaced by a link) in a commit: never pulled again; restore it or `--forget` it.
    case deletedLocally = "deleted-locally"
}

public struct PlannedItem: Sendable {
    public var id: String
    public var key: String?
    public var path: String
    public var title: String
    public var action: PlanAction
    public var reason: ReasonCode?
    /// The remote item as read (pull, new, adopt, record, conflict).
    public var remote: RemoteItem?
    /// The local item (absent for `new`).
    @OutOfLine public var local: LocalItem? = nil
    /// For `pull`: the content to write (remote values merged over what the tracker cannot express).
    /// For `push`/`create`: the content to send (parent translated to a remote key).
    public var content: WorkItemContent?
    /// The key the item had before it moved remotely (a Linear issue to another team): the file gets `key` written.
    public var movedFrom: String?
    /// For `push`: what the tracker holds as far as this run knows (read now, else as last synced), so the tracker
    /// can send only the fields that changed.
    @OutOfLine public var previous: WorkItemContent? = nil
    /// For conflicts: what differs, section by section (`-` local, `+` remote).
    public var diff: SectionDiff?
    /// For never-pushed items: what the tracker would call it ("an issue", "a Story").
    public var remoteNoun: String?
    /// One line for people about a skipped item (what to do about it).
    public var detail: String?

    /// Whether the item has a remote change that this run leaves unapplied (so the baseline clock must not move).
    public var leavesRemoteChange: Bool {
        switch action {
        case .conflict: return true
        case .skip: return reason == .dirty || reason == .pushOnly || reason == .resolvedSkip
        default: return false
        }
    }

    /// Whether a human must act (exit 4).
    public var needsHuman: Bool { action == .conflict || [.dirty, .duplicateKey, .deletedLocally].contains(reason) }
}

public struct Plan: Sendable {
    public var items: [PlannedItem]
    public var unchangedCount: Int

    public var pullCount: Int { items.filter { [.pull, .new, .adopt].contains($0.action) }.count }
    public var pushCount: Int { items.filter { [.push, .create].contains($0.action) }.count }
}
