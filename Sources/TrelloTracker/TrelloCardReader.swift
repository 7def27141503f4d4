import Foundation
import JSON
import Trackers

/// The reads: a whole board's cards page by page, a board's activity since an instant, and given cards in bulk.
struct TrelloCardReader: Sendable {
    let api: TrelloAPI

    /// Trello's largest page, for cards and for actions.
    static let pageSize = 1000
    /// `GET /batch` takes at most ten routes.
    static let batchSize = 10
    /// More changed cards than this are cheaper to read as the whole board (a page holds a thousand).
    static let batchReadLimit = 100

    /// The actions that change what a card syncs (name, desc, list, labels, members, archiving) or bring a card
    /// onto or off the board. Comments are left out: they change nothing that syncs.
    static let cardActionTypes = [
        "createCard", "copyCard", "convertToCardFromCheckItem", "moveCardToBoard", "emailCard", "updateCard",
        "addLabelToCard", "removeLabelFromCard", "addMemberToCard", "removeMemberFromCard", "deleteCard",
        "moveCardFromBoard",
    ]

    /// Every card of the board, archived ones included, newest first: `GET /boards/{id}/cards/all` a thousand at
    /// a time, each page asking for cards created before the oldest one so far.
    func allCards(of board: TrelloBoard) async throws -> [TrelloCard] {
        var cards: [TrelloCard] = []
        var before: String?
        while true {
            var query = [("fields", TrelloCard.fieldList), ("limit", String(Self.pageSize))]
            if let before { query.append(("before", before)) }
            let page = try await api.get("/boards/\(board.id)/cards/all", query, reading: { $0.all(TrelloCard.init) })
            cards += page
            guard page.count == Self.pageSize, let oldest = page.map(\.id).min(), oldest != before else { break }
            before = oldest
        }
        return cards
    }

    /// The actions of `types` at or after `since` on the board with this id or shortLink (Trello takes either in
    /// the route), newest first, following `before` past each full page.
    func actions(onBoard board: String, types: [String], since: Date) async throws -> [TrelloAction] {
        var actions: [TrelloAction] = []
        var before: String?
        while true {
            // A millisecond early: `since` includes its boundary even when the instant does not print exactly.
            var query = [("filter", types.joined(separator: ",")), ("since", TrelloTime.format(since.addingTimeInterval(-0.001))),
                         ("limit", String(Self.pageSize)), ("fields", "id,type,date,data"),
                         ("memberCreator", "false"), ("member", "false")]
            if let before { query.append(("before", before)) }
            let page = try await api.get("/boards/\(TrelloAPI.encode(board))/actions", query, reading: { $0.all(TrelloAction.init) })
            actions += page
            guard page.count == Self.pageSize, let oldest = page.map(\.id).min(), oldest != before else { break }
            before = oldest
        }
        return actions
    }

    /// The cards with these ids or shortLinks, ten to a `GET /batch`; cards that no longer exist are left out.
    func cards(_ references: [String]) async throws -> [TrelloCard] {
        let unique = Array(NSOrderedSet(array: references).compactMap { $0 as? String })
        let chunks = stride(from: 0, to: unique.count, by: Self.batchSize).map { Array(unique[$0..<min($0 + Self.batchSize, unique.count)]) }
        return try await withThrowingTaskGroup(of: (Int, [TrelloCard]).self) { group in
            for (index, chunk) in chunks.enumerated() {
                group.addTask { (index, try await self.batch(chunk)) }
            }
            var pages: [Int: [TrelloCard]] = [:]
            for try await (index, cards) in group { pages[index] = cards }
            return pages.keys.sorted().flatMap { pages[$0]! }
        }
    }

    /// One `GET /batch?urls=/cards/A?fields=…,/cards/B?fields=…`. Routes are separated by commas, so the commas of
    /// a route's own field list go percent-encoded, to be decoded with the rest of that route's query.
    private func batch(_ references: [String]) async throws -> [TrelloCard] {
        let fields = TrelloCard.fieldList.replacingOccurrences(of: ",", with: "%2C")
        let routes = references.map { "/cards/\(TrelloAPI.encode($0))?fields=\(fields)" }
        // Each route answers `{"200": card}`, or its own status with Trello's error; a card gone is left out.
        return try await api.get("/batch", [("urls", routes.joined(separator: ","))], reading: { answers in
            answers.array.map { $0.compactMap { answer in answer["200"].flatMap(TrelloCard.init) } }
        })
    }
}
