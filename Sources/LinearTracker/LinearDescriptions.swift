import Markdown
import Synchronization
import WorkItems

/// Linear keeps descriptions as markdown but hands them back as its editor writes them (`-` bullets, `*emphasis*`,
/// renumbered lists, no trailing newline). So "the same description" is decided by `MarkdownCanonicaliser`: a text
/// that says the same as a description Linear answered with this run is represented by Linear's spelling of it. The
/// engine compares both sides through `representable`, so such a text is no change, and the file keeps its own
/// spelling.
final class LinearDescriptions: Sendable {
    private struct Answered {
        var texts: [String] = []
        var normalised: Set<String> = []
        /// Canonical form → Linear's text, built on first need (most runs never need it).
        var byCanonical: [String: String] = [:]
        var indexed = 0
    }

    private let answered = Mutex(Answered())

    func note(_ description: String) {
        answered.withLock { state in
            state.texts.append(description)
            state.normalised.insert(MarkdownNormaliser.normalise(description))
        }
    }

    /// Linear's spelling of `description` when Linear answered with a description that says the same; else the text.
    func representable(_ description: String) -> String {
        let normal = MarkdownNormaliser.normalise(description)
        let pending = answered.withLock { state -> (start: Int, texts: [String])? in
            if state.normalised.contains(normal) || state.texts.isEmpty { return nil }
            return (state.indexed, Array(state.texts[state.indexed...]))
        }
        guard let pending else { return description }
        let fresh = pending.texts.map { (MarkdownCanonicaliser.canonical($0), $0) }
        let canonical = MarkdownCanonicaliser.canonical(description)
        return answered.withLock { state in
            for (form, text) in fresh { state.byCanonical[form] = text }
            state.indexed = max(state.indexed, pending.start + fresh.count)
            return state.byCanonical[canonical] ?? description
        }
    }
}
