import Trackers

/// The create marker, as it travels in a card's description: a markdown link reference definition,
/// `[//]: # (git-sync-work-items:<marker>)`, which markdown renders as nothing.
///
/// Trello has no field a plain REST token can write that its users never see (plugin data needs a Power-Up, custom
/// fields need one enabled on the board), so the marker goes where a create carries it atomically — the
/// description sent with `POST /cards` — and is taken out again by the `PUT` that confirms the create. The
/// `updateCard` action of that `PUT` keeps the old description in Trello's history, which is how `findCreated` still
/// finds a confirmed create; a create whose answer was lost is found by the marker still in its description, which
/// the next write of that card takes out.
enum TrelloCreateMarker {
    static let prefix = "[//]: # (git-sync-work-items:"

    static func line(_ marker: SyncMarker) -> String { prefix + marker.value + ")" }

    /// `description` with the marker after a blank line.
    static func append(_ marker: SyncMarker, to description: String) -> String {
        let body = description.trimmingTrailingNewlines()
        return body.isEmpty ? line(marker) : body + "\n\n" + line(marker)
    }

    /// The marker in `description`, if a line holds one.
    static func find(in description: String) -> SyncMarker? {
        guard description.contains(prefix) else { return nil }
        for line in description.split(separator: "\n", omittingEmptySubsequences: true) {
            if let marker = marker(inLine: line) { return marker }
        }
        return nil
    }

    /// `description` without marker lines (and without the blank line `append` put before one).
    static func strip(from description: String) -> String {
        guard description.contains(prefix) else { return description }
        let lines = description.split(separator: "\n", omittingEmptySubsequences: false)
        var kept = lines.filter { marker(inLine: $0) == nil }
        if kept.count < lines.count { while kept.last?.trimmingCharacters(in: .whitespaces).isEmpty == true { kept.removeLast() } }
        return kept.joined(separator: "\n")
    }

    private static func marker(inLine line: Substring) -> SyncMarker? {
        let text = line.trimmingCharacters(in: .whitespaces)
        guard text.hasPrefix(prefix), text.hasSuffix(")") else { return nil }
        let value = text.dropFirst(prefix.count).dropLast()
        guard !value.isEmpty, value.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) else { return nil }
        return SyncMarker(String(value))
    }
}

extension String {
    func trimmingTrailingNewlines() -> String {
        var out = self
        while out.last == "\n" || out.last == "\r" || out.last == "\r\n" { out.removeLast() }
        return out
    }
}
