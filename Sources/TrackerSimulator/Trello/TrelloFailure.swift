/// A refusal a handler throws: the answer Trello gives for it.
struct TrelloFailure: Error, Sendable {
    var response: SimResponse
}
