import Foundation

/// The tracker-neutral projection of a work item: exactly the fields that sync, in the local vocabulary.
///
/// Trackers map to and from this; the engine compares, hashes and diffs it. `description` is the markdown body
/// from the first `## ` heading on (the H1 and the `**Kind**:` block are views of frontmatter and never sync).
public struct WorkItemContent: Sendable, Hashable, Codable {
    public var title: String
    public var description: String
    /// Local status vocabulary: `draft`, `ready`, `in-progress`, `done`, `abandoned`, or whatever the team uses.
    public var status: String?
    /// `high`, `medium`, `low` (local vocabulary).
    public var priority: String?
    /// `story`, `bug`, `task`, `epic`, `spike` (local vocabulary).
    public var kind: String?
    public var tags: [String]
    /// Login, email or display name, as the tracker's mapping understands it.
    public var assignee: String?
    /// The parent's remote key (the engine translates local `work-item:NNNN` references).
    public var parent: String?

    public init(
        title: String, description: String, status: String? = nil, priority: String? = nil, kind: String? = nil,
        tags: [String] = [], assignee: String? = nil, parent: String? = nil
    ) {
        self.title = title
        self.description = description
        self.status = status
        self.priority = priority
        self.kind = kind
        self.tags = tags
        self.assignee = assignee
        self.parent = parent
    }
}

extension WorkItemContent {
    /// Equal contents compare equal here even when line ends, trailing spaces, blank-line runs at the ends,
    /// tag order or letter case of enumerated fields differ.
    public func normalised() -> WorkItemContent {
        WorkItemContent(
            title: Self.collapseSpace(title),
            description: MarkdownNormaliser.normalise(description),
            status: Self.normaliseToken(status),
            priority: Self.normaliseToken(priority),
            kind: Self.normaliseToken(kind),
            tags: Array(Set(tags.map { $0.trimmingWhitespace() }.filter { !$0.isEmpty })).sorted(),
            assignee: Self.emptyToNil(assignee?.trimmingWhitespace()),
            parent: Self.emptyToNil(parent?.trimmingWhitespace())
        )
    }

    /// SHA-256 (hex) of the normalised content in a fixed field order: the `local_hash`/`remote_hash` of the baseline.
    public func contentHash() -> String {
        let n = normalised()
        var canonical = ""
        for (name, value) in [
            ("title", n.title), ("status", n.status ?? ""), ("priority", n.priority ?? ""), ("kind", n.kind ?? ""),
            ("tags", n.tags.joined(separator: "\u{1F}")), ("assignee", n.assignee ?? ""), ("parent", n.parent ?? ""),
            ("description", n.description),
        ] {
            canonical += name + "\u{1E}" + value + "\u{1D}"
        }
        return SHA256.hex(of: Array(canonical.utf8))
    }

    private static func collapseSpace(_ s: String) -> String {
        s.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }).joined(separator: " ")
    }

    private static func normaliseToken(_ s: String?) -> String? {
        emptyToNil(s?.trimmingWhitespace().lowercased())
    }

    private static func emptyToNil(_ s: String?) -> String? {
        guard let s, !s.isEmpty else { return nil }
        return s
    }
}
