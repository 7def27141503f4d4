import Foundation
import Trackers
import WorkItems

/// Everything the planner decides from. No I/O: the same input always gives the same plan, so `--preview` and a
/// real sync can never disagree.
public struct PlanInput: Sendable {
    /// Parsed local items: everything that may have something to do.
    public var localItems: [LocalItem]
    /// Tracked items unchanged on both sides, never parsed; they count as unchanged.
    public var settledItems: [SettledItem]
    /// Remote items read this run (changed tracked items, discovery candidates, fetched items).
    public var remoteItems: [RemoteItem]
    public var baseline: Baseline
    public var mode: SyncMode
    /// Conflict resolutions by local id or remote key (`--resolve`).
    public var resolutions: [String: ConflictChoice]
    /// Never-pushed local ids to create remotely (from `--push-new` or the prompt).
    public var acceptedCreates: Set<String>
    /// Keys of untracked remote items that match the discovery filter.
    public var discoveryKeys: Set<String>
    /// Local id → remote item for creates an interrupted run sent and that were found.
    public var foundCreates: [String: RemoteItem]
    public var representable: @Sendable (WorkItemContent) -> WorkItemContent
    /// Ids a new local item must not take (every file's id, readable or not).
    public var reservedIDs: Set<String>
    public var idPattern: IdPattern
    public var projectCode: String?
    public var workPath: String
    /// Tracked items whose files were deleted in a commit: reported, and their keys never pulled as new items.
    public var deletedItems: [DeletedItem]
    /// Remote keys of items the user told the sync to forget: left alone, never pulled as new items.
    public var forgottenKeys: Set<String>

    public init(
        localItems: [LocalItem], settledItems: [SettledItem] = [], remoteItems: [RemoteItem], baseline: Baseline, mode: SyncMode,
        resolutions: [String: ConflictChoice] = [:], acceptedCreates: Set<String> = [], discoveryKeys: Set<String> = [],
        foundCreates: [String: RemoteItem] = [:], representable: @escaping @Sendable (WorkItemContent) -> WorkItemContent,
        reservedIDs: Set<String> = [], idPattern: IdPattern, projectCode: String?, workPath: String,
        deletedItems: [DeletedItem] = [], forgottenKeys: Set<String> = []
    ) {
        self.localItems = localItems
        self.settledItems = settledItems
        self.remoteItems = remoteItems
        self.baseline = baseline
        self.mode = mode
        self.resolutions = resolutions
        self.acceptedCreates = acceptedCreates
        self.discoveryKeys = discoveryKeys
        self.foundCreates = foundCreates
        self.representable = representable
        self.reservedIDs = reservedIDs
        self.idPattern = idPattern
        self.projectCode = projectCode
        self.workPath = workPath
        self.deletedItems = deletedItems
        self.forgottenKeys = forgottenKeys
    }
}

public enum Planner {
    public enum Side: Sendable, Equatable, CaseIterable { case unchanged, changed }

    /// The decision table for a tracked item (DESIGN.md: keep it as plain as accelerator's `decide`).
    public static func decide(
        local: Side, remote: Side, converged: Bool, mode: SyncMode, dirty: Bool, resolution: ConflictChoice?
    ) -> (PlanAction, ReasonCode?)? {
        let decision: (PlanAction, ReasonCode?)?
        switch (local, remote) {
        case (.unchanged, .unchanged):
            return nil
        case (.changed, .unchanged):
            decision = mode == .pullOnly ? (.skip, .pullOnly) : (.push, nil)
        case (.unchanged, .changed):
            decision = mode == .pushOnly ? (.skip, .pushOnly) : (.pull, nil)
        case (.changed, .changed):
            if converged { return (.record, nil) }
            switch resolution {
            case nil: return (.conflict, .conflict)
            case .skip: return (.skip, .resolvedSkip)
            case .remote: decision = mode == .pushOnly ? (.skip, .pushOnly) : (.pull, .resolvedRemote)
            case .local: decision = mode == .pullOnly ? (.skip, .pullOnly) : (.push, .resolvedLocal)
            }
        }
        if dirty, let d = decision, d.0 == .push || d.0 == .pull { return (.skip, .dirty) }
        return decision
    }

    public static func plan(_ input: PlanInput) -> Plan {
        let links = ParentLinks(localItems: input.localItems, settled: input.settledItems)
        let remoteByKey = Dictionary(input.remoteItems.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        let moves = Moves(localItems: input.localItems, remoteItems: input.remoteItems, baseline: input.baseline)
        var keyOwners: [String: [String]] = [:]
        for item in input.localItems { if let key = item.remoteKey { keyOwners[key, default: []].append(item.id) } }
        for item in input.settledItems { keyOwners[item.key, default: []].append(item.id) }
        let adoptedKeys = Set(input.foundCreates.values.map(\.key))
        // Keys whose local file is gone on purpose: a remote change to them is never a new local item.
        let leftAlone = input.forgottenKeys.union(input.deletedItems.map(\.key))

        var planned: [PlannedItem] = []
        var unchanged = input.settledItems.count

        for item in input.localItems {
            guard let key = item.remoteKey else {
                if let p = planNeverPushed(item, input: input, links: links) { planned.append(p) }
                continue
            }
            if keyOwners[key]!.count > 1 {
                planned.append(PlannedItem(id: item.id, key: key, path: item.path, title: item.content.title,
                    action: .skip, reason: .duplicateKey, local: item))
                continue
            }
            let moved = moves.remote(for: item, key: key)
            if var p = planTracked(item, key: key, remote: remoteByKey[key] ?? moved, input: input, links: links) {
                if let moved { moves.apply(moved, to: &p, input: input, links: links) }
                planned.append(p)
            } else if let moved {
                var p = PlannedItem(id: item.id, key: key, path: item.path, title: item.content.title, action: .skip,
                    remote: moved, local: item)
                moves.apply(moved, to: &p, input: input, links: links)
                planned.append(p)
            } else {
                unchanged += 1
            }
        }

        for deleted in input.deletedItems {
            var p = PlannedItem(id: deleted.id, key: deleted.key, path: deleted.path ?? "", title: "", action: .skip,
                reason: .deletedLocally, remote: remoteByKey[deleted.key])
            p.title = p.remote?.content.title ?? ""
            p.detail = deleted.detail
            planned.append(p)
        }

        // Only a run that brings in new items needs the set of every id in use.
        if input.mode != .pushOnly && !input.discoveryKeys.isEmpty {
            var allocator = IdAllocator(
                pattern: input.idPattern, projectCode: input.projectCode,
                usedIDs: Set(input.localItems.map(\.id)).union(input.settledItems.map(\.id)).union(input.baseline.items.keys)
                    .union(input.reservedIDs))
            // One growth to the final size, not doubling: at 10,000 new items the doubling held two large buffers.
            planned.reserveCapacity(planned.count + min(input.discoveryKeys.count, input.remoteItems.count))
            for remote in input.remoteItems.sorted(by: Self.creationOrder)
            where keyOwners[remote.key] == nil && !adoptedKeys.contains(remote.key) && !leftAlone.contains(remote.key)
                && !moves.claimedKeys.contains(remote.key)
                && input.discoveryKeys.contains(remote.key) {
                let id = allocator.next()
                let content = links.fromRemote(remote.content)
                let path = input.workPath + "/" + id + "-" + Slug.make(remote.content.title) + ".md"
                planned.append(PlannedItem(id: id, key: remote.key, path: path, title: remote.content.title,
                    action: .new, remote: remote, content: content))
            }
        }
        return Plan(items: planned, unchangedCount: unchanged)
    }

    private static func planNeverPushed(_ item: LocalItem, input: PlanInput, links: ParentLinks) -> PlannedItem? {
        var p = PlannedItem(id: item.id, key: nil, path: item.path, title: item.content.title, action: .skip, local: item)
        if let found = input.foundCreates[item.id] {
            p.key = found.key
            p.remote = found
            if item.isDirty { p.reason = .dirty } else { p.action = .adopt }
            return p
        }
        if input.mode == .pullOnly { return nil }
        if input.acceptedCreates.contains(item.id) {
            if item.isDirty { p.reason = .dirty } else {
                p.action = .create
                p.content = links.toRemote(item.content)
            }
        } else {
            p.reason = .notPushed
        }
        return p
    }

    private static func planTracked(
        _ item: LocalItem, key: String, remote: RemoteItem?, input: PlanInput, links: ParentLinks
    ) -> PlannedItem? {
        let entry = input.baseline.items[item.id]
        let outbound = links.toRemote(item.content)
        let converged = remote.map { input.representable(outbound).normalised() == input.representable($0.content).normalised() } ?? false

        let localSide: Side
        if let entry, entry.localBlob == item.blobID {
            localSide = .unchanged
        } else if let hash = entry?.localHash {
            localSide = item.content.contentHash() == hash ? .unchanged : .changed
        } else if remote != nil {
            // No record of the local side (first sync, or an older baseline): only agreement proves "unchanged".
            localSide = converged ? .unchanged : .changed
        } else {
            localSide = .unchanged
        }

        let remoteSide: Side
        if let remote {
            if let entry, entry.remoteUpdatedAt == remote.updatedAt {
                remoteSide = .unchanged
            } else if let hash = entry?.remoteHash {
                remoteSide = remote.content.contentHash() == hash ? .unchanged : .changed
            } else {
                remoteSide = converged ? .unchanged : .changed
            }
        } else {
            remoteSide = .unchanged
        }
        // A push cut short between its requests left the tracker part of the way to the local version: the push
        // finishes, it is no conflict.
        let partlyPushed = localSide == .changed && remoteSide == .changed && !converged
            && remote.map { r in
                item.syncedContent.map { synced in
                    holdsPartOfLocalEdit(r.content, local: outbound, synced: links.toRemote(synced), representable: input.representable)
                } ?? false
            } ?? false

        var p = PlannedItem(id: item.id, key: key, path: item.path, title: item.content.title, action: .skip,
            remote: remote, local: item)
        if entry == nil && remote == nil {
            p.reason = .remoteMissing
            return p
        }
        // Agreeing sides whose baseline is stale or missing: bring the baseline up to date without writing.
        if let remote, converged, entry?.remoteUpdatedAt != remote.updatedAt || entry?.localBlob != item.blobID {
            p.action = .record
            return p
        }
        let resolution = input.resolutions[item.id] ?? input.resolutions[key]
        guard let (action, reason) = decide(local: localSide, remote: partlyPushed ? .unchanged : remoteSide,
            converged: converged, mode: input.mode, dirty: item.isDirty, resolution: resolution)
        else { return nil }
        p.action = action
        p.reason = reason
        switch action {
        case .push:
            p.content = outbound
            // Unchanged remotely, the tracker still holds what was synced last: only the local edits since then go.
            // Changed remotely (a conflict settled for local), everything that differs from it goes.
            let synced = item.syncedContent.map(links.toRemote)
            p.previous = remoteSide == .unchanged ? synced ?? remote?.content : remote?.content
        case .pull:
            p.content = mergePull(local: item.content, remote: remote!.content, links: links, representable: input.representable)
            p.title = p.content?.title ?? p.title
        case .conflict:
            // Against what taking the remote version would write, so fields the tracker cannot hold are no difference.
            p.diff = SectionDiff.compute(local: item.content,
                remote: mergePull(local: item.content, remote: remote!.content, links: links, representable: input.representable))
        default:
            break
        }
        return p
    }

    /// Whether every field of `remote` is either what was synced last or already the local value (as the tracker
    /// holds them): the remote moved only toward the local version, so the only edit in it is the local one.
    static func holdsPartOfLocalEdit(
        _ remote: WorkItemContent, local: WorkItemContent, synced: WorkItemContent,
        representable: (WorkItemContent) -> WorkItemContent
    ) -> Bool {
        let r = representable(remote).normalised(), l = representable(local).normalised()
        let s = representable(synced).normalised()
        func agrees<Value: Equatable>(_ field: KeyPath<WorkItemContent, Value>) -> Bool {
            r[keyPath: field] == s[keyPath: field] || r[keyPath: field] == l[keyPath: field]
        }
        return agrees(\.title) && agrees(\.description) && agrees(\.status) && agrees(\.priority) && agrees(\.kind)
            && agrees(\.tags) && agrees(\.assignee) && agrees(\.parent)
    }

    /// Remote values win, except where the remote value is just the tracker's coarse picture of the local one
    /// (GitHub's `open` for a local `in-progress`): then the local value stays.
    static func mergePull(
        local: WorkItemContent, remote: WorkItemContent, links: ParentLinks,
        representable: (WorkItemContent) -> WorkItemContent
    ) -> WorkItemContent {
        let projected = representable(links.toRemote(local)).normalised()
        let incoming = links.fromRemote(remote, keeping: local.parent)
        let r = representable(remote).normalised()
        var merged = local
        if projected.title != r.title { merged.title = incoming.title }
        if projected.description != r.description { merged.description = incoming.description }
        if projected.status != r.status { merged.status = incoming.status }
        if projected.priority != r.priority { merged.priority = incoming.priority }
        if projected.kind != r.kind { merged.kind = incoming.kind }
        if projected.tags != r.tags { merged.tags = incoming.tags }
        if projected.assignee != r.assignee { merged.assignee = incoming.assignee }
        if projected.parent != r.parent { merged.parent = incoming.parent }
        return merged
    }

    static func creationOrder(_ a: RemoteItem, _ b: RemoteItem) -> Bool {
        let ca = a.createdAt ?? "", cb = b.createdAt ?? ""
        return ca != cb ? ca < cb : a.key.localizedStandardCompare(b.key) == .orderedAscending
    }
}

/// Translates `parent` between local references (`work-item:0045`) and remote keys.
///
/// The maps are built the first time a link is translated: a run that pulls and pushes nothing (a no-op over
/// 10,000 items) never builds them.
final class ParentLinks {
    static let prefix = "work-item:"
    private let localItems: [LocalItem]
    private let settled: [SettledItem]
    private lazy var maps: (keyByLocalID: [String: String], localIDByKey: [String: String]) = {
        var keyByLocalID: [String: String] = [:]
        var localIDByKey: [String: String] = [:]
        for item in localItems {
            guard let key = item.remoteKey else { continue }
            keyByLocalID[item.id] = key
            localIDByKey[key] = item.id
        }
        for item in settled {
            keyByLocalID[item.id] = item.key
            localIDByKey[item.key] = item.id
        }
        return (keyByLocalID, localIDByKey)
    }()

    var keyByLocalID: [String: String] { maps.keyByLocalID }
    var localIDByKey: [String: String] { maps.localIDByKey }

    init(localItems: [LocalItem], settled: [SettledItem] = []) {
        self.localItems = localItems
        self.settled = settled
    }

    func toRemote(_ content: WorkItemContent) -> WorkItemContent {
        var out = content
        if let parent = content.parent {
            let id = parent.hasPrefix(Self.prefix) ? String(parent.dropFirst(Self.prefix.count)) : parent
            out.parent = keyByLocalID[id]
        }
        return out
    }

    /// Remote parent keys become local references; an unknown key keeps the local value when it points to the
    /// same place, else is dropped rather than written as a dangling reference.
    func fromRemote(_ content: WorkItemContent, keeping localParent: String? = nil) -> WorkItemContent {
        var out = content
        if let key = content.parent {
            out.parent = localIDByKey[key].map { Self.prefix + $0 } ?? localParent
        }
        return out
    }
}

/// Hands out local ids for new items: the next free number under `work.id_pattern`.
struct IdAllocator {
    let pattern: IdPattern
    let projectCode: String?
    var usedIDs: Set<String>
    var nextNumber: Int

    init(pattern: IdPattern, projectCode: String?, usedIDs: Set<String>) {
        self.pattern = pattern
        self.projectCode = projectCode
        self.usedIDs = usedIDs
        nextNumber = (usedIDs.compactMap { pattern.number(in: $0) }.max() ?? 0) + 1
    }

    mutating func next() -> String {
        while true {
            let id = pattern.format(number: nextNumber, project: projectCode)
            nextNumber += 1
            if usedIDs.insert(id).inserted { return id }
        }
    }
}
