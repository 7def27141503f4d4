import Synchronization

/// What this run's reads learnt about cards, for decisions made later in the run without another request: whether
/// a card is archived or on another board (a push must not bring it back), whether its description still holds a
/// create marker (the next description write takes it out), and its labels (for `matches`).
final class TrelloSeenCards: Sendable {
    struct Seen: Sendable {
        var closed: Bool
        var onBoard: Bool
        var hasMarker: Bool
        var inScope: Bool
        var labelIDs: [String]
    }

    private let cards = Mutex<[String: Seen]>([:])

    func record(_ card: TrelloCard, on board: TrelloBoard, inScope: Bool) {
        let seen = Seen(closed: card.closed, onBoard: card.idBoard == board.id,
                        hasMarker: TrelloCreateMarker.find(in: card.desc) != nil, inScope: inScope, labelIDs: card.idLabels)
        cards.withLock { $0[card.shortLink] = seen }
    }

    subscript(shortLink: String) -> Seen? { cards.withLock { $0[shortLink] } }
}
