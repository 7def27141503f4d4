import Trackers

extension TrelloTracker {
    /// The statuses `check --online` reports the lists of.
    static let usualStatuses = ["draft", "ready", "in-progress", "review", "done", "abandoned"]

    /// `check --online`: the key and token work (`GET /members/me`), the board exists and the token's member may
    /// write to it, where each usual status would go, and whether the scope label is there yet.
    public func verify(scope: DiscoveryFilter) async throws -> [String] {
        let me = try await directory.tokenMember()
        let board = try await directory.board()
        let name = TrelloResponses.oneLine(board.name)
        if board.closed == true {
            throw TrackerError.configuration("the Trello board '\(name)' (\(board.shortLink)) is closed: reopen it, or set trello.board_id to another board")
        }
        guard board.members.contains(where: { $0.id == me.id }) else {
            throw TrackerError.configuration("the token belongs to @\(me.username), who is not a member of board '\(name)' (\(board.shortLink)): add them to the board, or use a member's token")
        }
        var lines = [
            "Trello: the API key and token work (the token is @\(me.username)'s)",
            "Trello: board '\(name)' (\(board.shortLink)): \(TrelloStatusLists.open(board.lists).count) open lists, \(board.labels.count) labels, \(board.members.count) members",
        ]
        let placements = Self.usualStatuses.map { status -> String in
            if let list = mapping.statuses.list(for: status, in: board.lists) { return "\(status) → \(TrelloResponses.oneLine(list.name))" }
            return mapping.createLists ? "\(status) → (new list '\(mapping.statuses.newListName(for: status))')" : "\(status) → no list"
        }
        lines.append("Trello: statuses: " + placements.joined(separator: ", "))
        if let label = scope.projectCode {
            let present = board.labels.contains { TrelloLabelNames.fold($0.name ?? "") == TrelloLabelNames.fold(label) }
            lines.append(present ? "Trello: scope label '\(label)' is on the board"
                : "Trello: scope label '\(label)' is not on the board yet: the first card this repository creates adds it")
        }
        return lines
    }
}
