import Foundation
import JSON

/// `/1/lists`, `/1/labels`, `/1/members` and `/1/batch`.
extension TrelloSimulator {
    static let colors: Set<String> = ["green", "yellow", "orange", "red", "purple", "blue", "sky", "lime", "pink", "black"]

    func lists(_ call: TrelloCall) throws(TrelloFailure) -> SimResponse {
        guard let id = call.part(1) else {
            guard call.method == "POST", let boardID = call.parameters.text("idBoard") else { throw TrelloErrors.invalidValue("idBoard") }
            return try createList(boardID: store.boards[try board(boardID)].id, call)
        }
        guard TrelloObjectIDs.isObjectID(id) else { throw TrelloErrors.invalidID }
        guard let list = store.list(id) else { throw TrelloErrors.notFound }
        _ = try board(list.boardID)
        switch (call.method, call.part(2)) {
        case ("GET", nil): return listAnswer(list.id, call)
        case ("PUT", nil):
            let name = call.parameters.text("name")
            try Self.checkLength(name, field: "name")
            if let name, name.isEmpty { throw TrelloErrors.invalidValue("name") }
            var closed: Bool?
            if let value = call.parameters.bool("closed") {
                guard let value else { throw TrelloErrors.invalidValue("closed") }
                closed = value
            }
            store.renameList(list.id, to: name, closed: closed, by: store.tokenMemberID, at: now())
            return listAnswer(list.id, call)
        case ("GET", "cards"):
            let renderer = renderer(call.site)
            let cards = store.cards.filter { $0.listID == list.id && !$0.closed }.sorted { $0.pos < $1.pos }
            let fields = TrelloFieldSelection(call.parameters.text("fields"))
            let labels = Dictionary(store.labels(on: list.boardID).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            return Self.json { json in json.array { json in for card in cards { renderer.card(card, fields: fields, labels: labels, to: &json) } } }
        default: throw TrelloErrors.noRoute
        }
    }

    func createList(boardID: String, _ call: TrelloCall) throws(TrelloFailure) -> SimResponse {
        guard let name = call.parameters.text("name"), !name.isEmpty else { throw TrelloErrors.invalidValue("name") }
        try Self.checkLength(name, field: "name")
        let lists = store.lists(on: boardID)
        var pos: Double?
        switch call.parameters.text("pos") ?? "top" {
        case "top": pos = (lists.map(\.pos).min() ?? 32_768) / 2
        case "bottom": pos = nil
        case let text:
            guard let value = Double(text), value >= 0 else { throw TrelloErrors.invalidValue("pos") }
            pos = value
        }
        let list = store.addList(name: name, boardID: boardID, pos: pos, at: store.tick(now: now()), by: store.tokenMemberID)
        return listAnswer(list.id, call)
    }

    private func listAnswer(_ id: String, _ call: TrelloCall) -> SimResponse {
        let renderer = renderer(call.site)
        let list = store.list(id)!
        return Self.json { json in renderer.list(list, fields: TrelloFieldSelection(nil), to: &json) }
    }

    func labels(_ call: TrelloCall) throws(TrelloFailure) -> SimResponse {
        guard let id = call.part(1) else {
            guard call.method == "POST", let boardID = call.parameters.text("idBoard") else { throw TrelloErrors.invalidValue("idBoard") }
            return try createLabel(boardID: store.boards[try board(boardID)].id, call)
        }
        guard TrelloObjectIDs.isObjectID(id) else { throw TrelloErrors.invalidID }
        guard let label = store.label(id) else { throw TrelloErrors.notFound }
        _ = try board(label.boardID)
        switch call.method {
        case "GET": return labelAnswer(label.id, call)
        case "PUT":
            let name = call.parameters.text("name")
            try Self.checkLength(name, field: "name")
            store.changeLabel(label.id, name: name, color: try color(call.parameters.text("color")))
            return labelAnswer(label.id, call)
        case "DELETE":
            store.deleteLabel(label.id)
            return Self.json { json in json.object { _ in } }
        default: throw TrelloErrors.noRoute
        }
    }

    /// `name` and `color` (a colour name, or `null` for none) are both required, as Trello has them.
    func createLabel(boardID: String, _ call: TrelloCall) throws(TrelloFailure) -> SimResponse {
        guard let name = call.parameters.text("name") else { throw TrelloErrors.invalidValue("name") }
        try Self.checkLength(name, field: "name")
        guard let color = try color(call.parameters.text("color")) else { throw TrelloErrors.invalidValue("color") }
        let label = store.addLabel(name: name, color: color, boardID: boardID, at: store.tick(now: now()))
        return labelAnswer(label.id, call)
    }

    /// nil: not given; `.some(nil)`: `null`.
    private func color(_ text: String?) throws(TrelloFailure) -> String?? {
        guard let text else { return nil }
        if text == "null" || text.isEmpty { return .some(nil) }
        guard Self.colors.contains(text) else { throw TrelloErrors.invalidValue("color") }
        return .some(text)
    }

    private func labelAnswer(_ id: String, _ call: TrelloCall) -> SimResponse {
        let renderer = renderer(call.site)
        let label = store.label(id)!
        return Self.json { json in renderer.label(label, to: &json) }
    }

    /// `GET /members/{id, username or me}`.
    func members(_ call: TrelloCall) throws(TrelloFailure) -> SimResponse {
        guard let reference = call.part(1), call.part(2) == nil else { throw TrelloErrors.noRoute }
        guard let member = reference == "me" ? store.tokenMember : store.member(reference: reference) else { throw TrelloErrors.notFound }
        let renderer = renderer(call.site)
        let fields = TrelloFieldSelection(call.parameters.text("fields"))
        return Self.json { json in renderer.member(member, fields: fields, to: &json) }
    }

    /// `GET /batch?urls=/route,/route`: up to ten GET routes (without `/1`), each answered as `{"200": body}` or
    /// `{"<status>": message}`. One request as far as the rate limit goes.
    func batch(_ call: TrelloCall) -> SimResponse {
        let routes = (call.parameters.text("urls") ?? "").split(separator: ",").map(String.init)
        guard !routes.isEmpty else { return TrelloErrors.text(400, "invalid value for urls") }
        guard routes.count <= 10 else { return TrelloErrors.text(400, "Too many urls, maximum is 10") }
        var answers: [(Int, [UInt8])] = []
        for entry in routes {
            let pieces = entry.split(separator: "?", maxSplits: 1).map(String.init)
            let request = SimRequest(method: "GET", path: "/1" + (pieces.first ?? ""), rawQuery: pieces.count > 1 ? pieces[1] : nil,
                                     headers: [:], body: Data())
            let response: SimResponse
            do { response = try route(request, site: call.site) } catch { response = error.response }
            answers.append((response.status, Array(response.body)))
        }
        return Self.json { json in
            json.array { json in
                for (status, body) in answers {
                    json.object { json in
                        json.key(String(status))
                        if status == 200 { json.raw(body) } else { json.string(String(decoding: body, as: UTF8.self)) }
                    }
                }
            }
        }
    }
}
