import Foundation
import JSON
import Synchronization
import Trackers

/// The board for one run: read once (`GET /boards/{id}` with its lists, labels and members nested, one request),
/// then kept, with the lists and labels this run creates added as they are made. Concurrent writers that need the
/// same new label wait for one create instead of making two.
final class TrelloBoardDirectory: Sendable {
    private let api: TrelloAPI
    /// `trello.board_id` as configured: an id or a shortLink.
    let reference: String
    private let loading = Mutex<Task<TrelloBoard, any Error>?>(nil)
    private let current = Mutex<TrelloBoard?>(nil)
    private let creatingLabels = Mutex<[String: Task<TrelloLabel, any Error>]>([:])
    private let creatingLists = Mutex<[String: Task<TrelloList, any Error>]>([:])
    private let me = Mutex<Task<TrelloMember, any Error>?>(nil)
    private let knownMe = Mutex<TrelloMember?>(nil)

    init(api: TrelloAPI, reference: String) {
        self.api = api
        self.reference = reference
    }

    /// The board as read at the start of the run (plus what the run created).
    func board() async throws -> TrelloBoard {
        if let board = current.withLock({ $0 }) { return board }
        let task = loading.withLock { task -> Task<TrelloBoard, any Error> in
            if let task { return task }
            let api = api, reference = reference
            let started = Task { try await Self.load(api: api, reference: reference) }
            task = started
            return started
        }
        let board = try await task.value
        current.withLock { $0 = $0 ?? board }
        return current.withLock { $0 } ?? board
    }

    /// The board, read again when `cards` name a list, label or member this run has not seen (made in Trello since
    /// the board was read), so a card is never mapped without them.
    func board(knowing cards: [TrelloCard]) async throws -> TrelloBoard {
        let board = try await board()
        let lists = Set(board.lists.map(\.id)), labels = Set(board.labels.map(\.id)), members = Set(board.members.map(\.id))
        let unknown = cards.contains { card in
            !lists.contains(card.idList) || card.idLabels.contains { !labels.contains($0) } || card.idMembers.contains { !members.contains($0) }
        }
        guard unknown, cards.contains(where: { $0.idBoard == board.id }) else { return board }
        let fresh = try await Self.load(api: api, reference: reference)
        current.withLock { $0 = fresh }
        return fresh
    }

    /// The board if it was read already (for `representable` and `matches`, which cannot wait).
    var snapshot: TrelloBoard? { current.withLock { $0 } }

    private static func load(api: TrelloAPI, reference: String) async throws -> TrelloBoard {
        do {
            return try await api.get("/boards/\(TrelloAPI.encode(reference))", [
                ("fields", TrelloBoard.fields), ("lists", "all"), ("list_fields", "id,name,closed,pos"),
                ("labels", "all"), ("label_fields", "id,name,color"), ("labels_limit", "1000"),
                ("members", "all"), ("member_fields", "id,username,fullName"),
            ], reading: TrelloBoard.init)
        } catch {
            throw Self.boardProblem(error, reference: reference)
        }
    }

    /// A board that is not there, or not visible to the token, is a configuration problem, not the token's.
    private static func boardProblem(_ error: TrackerError, reference: String) -> TrackerError {
        switch error {
        case .unauthorized(let message) where message.contains("no access"):
            return .configuration("the token's member has no access to the Trello board '\(reference)': add them to the board, or use a board member's token")
        case .notFound, .rejected:
            return .configuration("Trello has no board '\(reference)' that this token can see: set trello.board_id to the board's id or the 8-character code in its URL (trello.com/b/<code>/…)")
        default:
            return error
        }
    }

    /// The board's label named `name` (ignoring case), created with `color` when there is none.
    func label(named name: String, color: String) async throws -> TrelloLabel {
        let board = try await board()
        let folded = TrelloLabelNames.fold(name)
        if let existing = board.labels.first(where: { TrelloLabelNames.fold($0.name ?? "") == folded }) { return existing }
        let task = creatingLabels.withLock { pending -> Task<TrelloLabel, any Error> in
            if let task = pending[folded] { return task }
            let api = api
            let task = Task {
                try await api.send("POST", "/labels", body: ["name": .string(name), "color": .string(color), "idBoard": .string(board.id)],
                                   idempotent: false, reading: TrelloLabel.init)
            }
            pending[folded] = task
            return task
        }
        let label = try await task.value
        current.withLock { board in
            if board?.labels.contains(where: { $0.id == label.id }) == false { board?.labels.append(label) }
        }
        return label
    }

    /// A new open list named `name` at the right of the board (or the one another writer just made).
    func createList(named name: String) async throws -> TrelloList {
        let board = try await board()
        if let existing = TrelloStatusLists.open(board.lists).first(where: { TrelloStatusLists.fold($0.name) == TrelloStatusLists.fold(name) }) {
            return existing
        }
        let task = creatingLists.withLock { pending -> Task<TrelloList, any Error> in
            if let task = pending[TrelloStatusLists.fold(name)] { return task }
            let api = api
            let task = Task {
                try await api.send("POST", "/lists", body: ["name": .string(name), "idBoard": .string(board.id), "pos": "bottom"],
                                   idempotent: false, reading: TrelloList.init)
            }
            pending[TrelloStatusLists.fold(name)] = task
            return task
        }
        let list = try await task.value
        current.withLock { board in
            if board?.lists.contains(where: { $0.id == list.id }) == false { board?.lists.append(list) }
        }
        return list
    }

    /// The member the token belongs to (`GET /members/me`), asked at most once per run: Trello limits `/members`
    /// more tightly than the rest.
    func tokenMember() async throws -> TrelloMember {
        let task = me.withLock { task -> Task<TrelloMember, any Error> in
            if let task { return task }
            let api = api
            let started = Task { try await api.get("/members/me", [("fields", "id,username,fullName")], reading: TrelloMember.init) }
            task = started
            return started
        }
        let member = try await task.value
        knownMe.withLock { $0 = member }
        return member
    }

    /// The token's member, if this run asked already.
    var tokenMemberIfKnown: TrelloMember? { knownMe.withLock { $0 } }
}
