/// The board every Trello simulator starts with, and the demo and benchmark cards on it.
enum TrelloDemoData {
    /// 2024-01-02T00:00:00Z: the board, its lists, labels and members are this old, so a fresh simulator is the
    /// same every time (same ids, same shortLinks).
    static let origin: Int64 = 1_704_153_600_000
    static let boardShortLink = "EngBoard"
    static let boardName = "Engineering"
    static let listNames = ["Backlog", "To Do", "Doing", "Review", "Done"]
    /// A new board's six labels: colours without names.
    static let colors = ["green", "yellow", "orange", "red", "purple", "blue"]

    /// Sim User (the token's member), Ana, Ben and Carla on the Engineering board.
    static func standard() -> TrelloStore {
        var store = TrelloStore(members: [], tokenMemberID: "")
        var ids: [String] = []
        for (username, fullName) in [("simuser", "Sim User"), ("ana", "Ana Alves"), ("ben", "Ben Brooks"), ("carla", "Carla Cruz")] {
            ids.append(store.upsertMember(username: username, fullName: fullName, at: origin).id)
        }
        store.tokenMemberID = ids[0]
        let board = store.addBoard(name: boardName, shortLink: boardShortLink, memberIDs: ids, at: origin)
        for name in listNames { store.addList(name: name, boardID: store.boards[board].id, at: origin) }
        for color in colors { store.addLabel(name: "", color: color, boardID: store.boards[board].id, at: origin) }
        store.clock = origin
        store.revision = 0
        return store
    }

    /// A colleague, so that what the admin API and the seeds do is not the token's own doing.
    static func colleague(in store: TrelloStore) -> String {
        store.members.first { $0.id != store.tokenMemberID }?.id ?? store.tokenMemberID
    }

    static func seedDemo(into store: inout TrelloStore, now: Int64) {
        guard let board = store.boards.first else { return }
        let by = colleague(in: store)
        var time = now - 3_600_000
        func label(_ name: String, _ color: String) -> String {
            store.labels(on: board.id).first { $0.name.lowercased() == name.lowercased() }?.id
                ?? store.addLabel(name: name, color: color, boardID: board.id, at: time).id
        }
        func list(_ name: String) -> String { store.lists(on: board.id).first { $0.name == name }!.id }
        func member(_ username: String) -> String { store.member(reference: username)!.id }
        let cards: [(String, String, String, [String], [String])] = [
            ("Checkout fails for saved cards", "## Summary\n\nPaying with a saved card shows an error.\n\n## Steps\n\n1. Save a card\n2. Pay with it\n",
             "Doing", [label("kind: bug", "purple"), label("priority: high", "red"), label("payments", "green")], [member("ana")]),
            ("Export invoices as CSV", "## Summary\n\nFinance wants a CSV export of invoices.\n\n## Requirements\n\n- one row per invoice\n- totals in cents\n",
             "To Do", [label("kind: story", "purple"), label("priority: medium", "orange")], [member("ben")]),
            ("Upgrade the TLS library", "## Summary\n\nThe current version is out of support.\n", "Backlog", [label("kind: task", "purple")], []),
            ("Dark mode for the dashboard", "## Summary\n\nUsers ask for a dark theme.\n", "Review",
             [label("kind: story", "purple"), label("frontend", "sky")], [member("carla")]),
            ("Rotate the signing keys", "## Summary\n\nDone last quarter.\n", "Done", [label("kind: task", "purple")], [member("ana")]),
        ]
        for (name, desc, listName, labels, members) in cards {
            time += 60_000
            store.addCard(name: name, desc: desc, listID: list(listName), labelIDs: labels, memberIDs: members, pos: nil, by: by, at: time)
        }
        store.clock = max(store.clock, time)
    }

    /// `count` generated cards spread over the lists, a second apart and ending ten minutes ago (out of reach of a
    /// sync's overlap, so a sync right after the first one has nothing to read), some with labels and members, as a
    /// benchmark board.
    static func seedGenerated(count: Int, into store: inout TrelloStore, now: Int64) {
        guard let board = store.boards.first, count > 0 else { return }
        let by = colleague(in: store)
        let lists = store.lists(on: board.id)
        let high = store.addLabel(name: "priority: high", color: "red", boardID: board.id, at: origin).id
        let bug = store.addLabel(name: "kind: bug", color: "purple", boardID: board.id, at: origin).id
        let ana = store.member(reference: "ana")?.id
        var time = now - Int64(count) * 1000 - 600_000
        for number in 1...count {
            time += 1000
            var labels: [String] = []
            if number % 5 == 0 { labels.append(high) }
            if number % 7 == 0 { labels.append(bug) }
            store.addCard(name: "Generated card \(number)",
                          desc: "## Summary\n\nCard \(number), generated for benchmarks.\n\n## Requirements\n\n- one\n- two\n",
                          listID: lists[number % lists.count].id, labelIDs: labels,
                          memberIDs: number % 4 == 0 ? ana.map { [$0] } ?? [] : [], pos: Double(number) * 16_384, by: by, at: time)
        }
        store.clock = max(store.clock, time)
    }
}
