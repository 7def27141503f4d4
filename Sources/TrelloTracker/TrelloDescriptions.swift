import Markdown
import Synchronization
import WorkItems

/// Trello keeps a description as the API sent it, but its card editor writes the markdown back its own way when
/// someone edits a card there (`-` for `*` bullets, escapes, renumbered lists). Such a text says the same, so it must
/// not count as a change: a local description that `MarkdownCanonicaliser` finds equal to one Trello answered with
/// this run is represented by Trello's spelling of it. The engine compares both sides through `representable`, so
/// the re-rendering is no change, and the local file keeps its own spelling.
final class TrelloDescriptions: Sendable {
    private struct Answered {
        /// Trello's texts, in the order they were read.
        var texts: [String] = []
        /// The same, normalised: a local text among them needs no canonicalising.
        var normalised: Set<String> = []
        /// Canonical form → Trello's text, for the texts indexed so far (most runs never need it).
        var byCanonical: [String: String] = [:]
        var indexed = 0
    }

    private let answered = Mutex(Answered())

    /// A description Trello answered with.
    func note(_ description: String) {
        answered.withLock { state in
            state.texts.append(description)
            state.normalised.insert(MarkdownNormaliser.normalise(description))
        }
    }

    /// Trello's spelling of `description` when it answered with one that says the same this run; else the text.
    func representable(_ description: String) -> String {
        let normal = MarkdownNormaliser.normalise(description)
        let unindexed = answered.withLock { state -> (start: Int, texts: ArraySlice<String>)? in
            state.normalised.contains(normal) || state.texts.isEmpty ? nil : (state.indexed, state.texts[state.indexed...])
        }
        guard let unindexed else { return description }
        // Canonical forms are worked out outside the lock: parsing is the expensive part.
        let fresh = unindexed.texts.map { (MarkdownCanonicaliser.canonical($0), $0) }
        let canonical = MarkdownCanonicaliser.canonical(description)
        return answered.withLock { state in
            for (form, text) in fresh where state.byCanonical[form] == nil { state.byCanonical[form] = text }
            state.indexed = max(state.indexed, unindexed.start + fresh.count)
            return state.byCanonical[canonical] ?? description
        }
    }
}
