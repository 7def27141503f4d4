import Foundation
import Trackers
import WorkItems

/// Trello over its REST API: one board, cards in lists. Keys are the cards' 8-character shortLinks; a card's list is
/// its status; priority, kind and tags are board labels; the assignee is the card's first member.
public struct TrelloTracker: Tracker {
    public let integrationName = "trello"
    public let displayName = "Trello"

    /// Trello refuses a `desc` (or `name`) longer than this, counted as JavaScript counts: in UTF-16 code units.
    static let textLimit = 16_384

    let api: TrelloAPI
    let directory: TrelloBoardDirectory
    let reader: TrelloCardReader
    let mapping: TrelloMapping
    let seen = TrelloSeenCards()
    let descriptions = RemoteMarkdownSpellings()

    public init(settings: TrackerSettings) throws(TrackerError) {
        try self.init(settings: settings, pacer: TrelloAPI.pacer())
    }

    /// `pacer` and `sleep` are the run's pacing and retry waits (tests loosen and record them).
    init(settings: TrackerSettings, pacer: RequestPacer,
         sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }) throws(TrackerError) {
        guard let key = settings.value("trello.key") else {
            throw .configuration("no Trello API key: set trello.key in .accelerator/config.md (or TRELLO_API_KEY); trello.com/power-ups/admin shows it")
        }
        guard let token = settings.token else {
            throw .configuration("no Trello token: set ACCELERATOR_TRELLO_TOKEN (or TRELLO_TOKEN), or trello.token in .accelerator/config.local.md")
        }
        guard let board = settings.value("trello.board_id") else {
            throw .configuration("no Trello board: set trello.board_id in .accelerator/config.md to the 8-character code in the board's URL (trello.com/b/<code>/…)")
        }
        guard TrelloKeys.isBoardReference(board) else {
            throw .configuration("trello.board_id is '\(TrelloResponses.oneLine(board))': use the 8-character code in the board's URL (trello.com/b/<code>/…) or its 24-digit id")
        }
        guard Self.fitsAHeader(key) else {
            throw .configuration("trello.key holds a space, quote or control character: paste the key exactly as Trello shows it")
        }
        guard Self.fitsAHeader(token) else {
            throw .configuration("the Trello token holds a quote or control character: paste it exactly as Trello shows it")
        }
        api = TrelloAPI(apiURL: settings.value("trello.api_url") ?? "https://api.trello.com", key: key, token: token,
                        concurrency: settings.writeConcurrency, pacer: pacer, sleep: sleep)
        directory = TrelloBoardDirectory(api: api, reference: board)
        reader = TrelloCardReader(api: api)
        mapping = TrelloMapping(settings: settings)
    }

    private static func fitsAHeader(_ secret: String) -> Bool {
        !secret.unicodeScalars.contains { $0 == "\"" || $0 == "\\" || $0 == " " || $0.value < 0x20 || $0.value == 0x7F }
    }

    public func itemNoun(for content: WorkItemContent) -> String { "a card" }

    public func representable(_ content: WorkItemContent) -> WorkItemContent {
        var out = mapping.representable(content, on: directory.snapshot)
        out.description = descriptions.representable(content.description)
        return out
    }

    public func matches(_ item: RemoteItem, filter: DiscoveryFilter) -> Bool {
        let card = seen[item.key]
        if card?.closed == true { return false }
        if !filter.all, filter.projectCode != nil, card?.inScope != true { return false }
        let names = labelNames(of: item, seen: card)
        if !filter.labels.allSatisfy({ names.contains(TrelloLabelNames.fold($0)) }) { return false }
        if let who = filter.assignee, !isSamePerson(who, as: item.content.assignee) { return false }
        if let state = filter.state?.trimmingCharacters(in: .whitespaces).lowercased(), state != "all" {
            let status = item.content.status ?? ""
            switch state {
            case "open": if ["done", "abandoned"].contains(status) { return false }
            case "closed": if !["done", "abandoned"].contains(status) { return false }
            default: if status != state && status != mapping.statuses.status(ofList: state) { return false }
            }
        }
        return true
    }

    /// Folded names of every label on the card (tags, priority, kind, scope), from this run's read.
    private func labelNames(of item: RemoteItem, seen card: TrelloSeenCards.Seen?) -> Set<String> {
        guard let card, let board = directory.snapshot else { return Set(item.content.tags.map(TrelloLabelNames.fold)) }
        return Set(card.labelIDs.compactMap { id in board.labels.first { $0.id == id }?.name }.map(TrelloLabelNames.fold))
    }

    private func isSamePerson(_ name: String, as username: String?) -> Bool {
        guard let username else { return false }
        if ["me", "@me"].contains(name.lowercased()), let me = directory.tokenMemberIfKnown { return me.username == username }
        let members = directory.snapshot?.members ?? []
        return TrelloMapping.member(named: name, in: members)?.username == username || name.lowercased() == username.lowercased()
    }

    // MARK: Reading

    public func read(_ request: RemoteReadRequest) async throws -> RemoteReadResult {
        let before = api.requestCount
        let cards: [TrelloCard]
        if let since = request.since, let discoverySince = request.discoverySince {
            // The board and its activity side by side, one round trip: the activity's route takes the board as
            // configured. The board's answer comes first, so a wrong board is reported as one.
            async let activity = reader.actions(onBoard: directory.reference, types: TrelloCardReader.cardActionTypes,
                                                since: min(since, discoverySince))
            let board = try await directory.board()
            try await readTokenMemberIfNamed(request.discovery)
            cards = try await changedCards(on: board, actions: try await activity, known: request.knownUpdatedAt)
        } else {
            let board = try await directory.board()
            try await readTokenMemberIfNamed(request.discovery)
            cards = try await reader.allCards(of: board)
        }
        let items = remoteItems(cards, on: try await directory.board(knowing: cards), tracked: request.trackedKeys)
        return RemoteReadResult(items: items, requestCount: api.requestCount - before)
    }

    /// `assignee: me` names the token's member, read before any card is matched.
    private func readTokenMemberIfNamed(_ discovery: DiscoveryFilter) async throws {
        if let who = discovery.assignee, ["me", "@me"].contains(who.lowercased()) { _ = try await directory.tokenMember() }
    }

    /// The cards the board's activity names, read in bulk; the whole board when that is cheaper. A
    /// card the repository holds as of a time no earlier than each of its actions is not read again: the read
    /// overlaps the last one, and what it would return is what the baseline holds.
    private func changedCards(on board: TrelloBoard, actions: [TrelloAction], known: KnownUpdates) async throws -> [TrelloCard] {
        var ids: [String] = []
        var listed = Set<String>()
        for action in actions where !Self.isKnown(action, known) {
            if let id = action.cardID, listed.insert(id).inserted { ids.append(id) }
        }
        guard !ids.isEmpty else { return [] }
        if ids.count > TrelloCardReader.batchReadLimit { return try await reader.allCards(of: board) }
        return try await reader.cards(ids)
    }

    /// Whether the action happened no later than the card's last activity the repository holds. Every action on a
    /// card is judged alone: one later action anywhere in the window reads the card.
    private static func isKnown(_ action: TrelloAction, _ known: KnownUpdates) -> Bool {
        guard let shortLink = action.cardShortLink, let held = known[shortLink], let date = action.date else { return false }
        return TrelloTime.isNoLater(date, than: held) ?? false
    }

    /// Cards of this board, as remote items: open ones, and archived ones the repository tracks (so their changes
    /// still come in; archived cards are never pulled as new items and never brought back).
    func remoteItems(_ cards: [TrelloCard], on board: TrelloBoard, tracked: Set<String>) -> [RemoteItem] {
        var items: [RemoteItem] = []
        for card in cards {
            seen.record(card, on: board, inScope: mapping.isInScope(card, on: board))
            guard card.idBoard == board.id, !card.closed || tracked.contains(card.shortLink) else { continue }
            items.append(remoteItem(card, on: board))
        }
        return items
    }

    func remoteItem(_ card: TrelloCard, on board: TrelloBoard, notices: [String] = []) -> RemoteItem {
        let content = mapping.content(of: card, on: board)
        descriptions.note(content.description)
        return RemoteItem(key: card.shortLink, updatedAt: card.dateLastActivity, createdAt: TrelloTime.created(fromID: card.id),
                          url: card.url, content: content, marker: TrelloCreateMarker.find(in: card.desc), notices: notices)
    }

    public func fetch(keys: [String]) async throws -> [RemoteItem] {
        let valid = keys.filter(TrelloKeys.isShortLink)
        guard !valid.isEmpty else { return [] }
        let cards = try await reader.cards(valid)
        return remoteItems(cards, on: try await directory.board(knowing: cards), tracked: Set(valid))
    }

    /// The card a create with `marker` made: named by the `updateCard` that took the marker out of its description
    /// (a create that was confirmed), or holding the marker still (one whose answer was lost).
    public func findCreated(marker: SyncMarker, createdAfter: Date) async throws -> RemoteItem? {
        let board = try await directory.board()
        let actions = try await reader.actions(onBoard: board.id, types: ["createCard", "updateCard"], since: createdAfter)
        let confirmed = actions.first { $0.type == "updateCard" && $0.previousDesc.flatMap(TrelloCreateMarker.find) == marker }
        let candidates = confirmed.flatMap(\.cardID).map { [$0] } ?? actions.filter { $0.type == "createCard" }.compactMap(\.cardID)
        for card in try await reader.cards(candidates) where card.idBoard == board.id {
            guard confirmed != nil || TrelloCreateMarker.find(in: card.desc) == marker else { continue }
            let board = try await directory.board(knowing: [card])
            seen.record(card, on: board, inScope: mapping.isInScope(card, on: board))
            var item = remoteItem(card, on: board)
            item.marker = marker
            return item
        }
        return nil
    }
}
