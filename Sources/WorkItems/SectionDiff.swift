import Foundation

public enum DiffLine: Sendable, Equatable {
    case context(String)
    case removed(String)
    case added(String)
}

public struct DiffHunk: Sendable, Equatable {
    public var localStart: Int
    public var localCount: Int
    public var remoteStart: Int
    public var remoteCount: Int
    public var lines: [DiffLine]
}

/// What differs between the local and the remote version of an item, grouped the way a person reads a work item:
/// frontmatter fields, then the prose before the first `## `, then each `## ` section in document order.
public struct SectionDiff: Sendable, Equatable {
    public struct FieldChange: Sendable, Equatable {
        public var field: String
        public var local: String?
        public var remote: String?

        public init(field: String, local: String?, remote: String?) {
            self.field = field
            self.local = local
            self.remote = remote
        }
    }

    public enum Part: Sendable, Equatable {
        /// `title` is "" for the prose before the first `## `.
        case section(title: String, hunks: [DiffHunk])
        case unchangedSections([String])
    }

    public var fields: [FieldChange]
    public var parts: [Part]

    public var isEmpty: Bool { fields.isEmpty && !parts.contains { if case .section = $0 { return true } else { return false } } }

    public static func compute(local: WorkItemContent, remote: WorkItemContent, context: Int = 3) -> SectionDiff {
        let l = local.normalised(), r = remote.normalised()
        var fields: [FieldChange] = []
        func field(_ name: String, _ a: String?, _ b: String?, _ rawA: String?, _ rawB: String?) {
            if a != b { fields.append(FieldChange(field: name, local: rawA, remote: rawB)) }
        }
        field("title", l.title, r.title, local.title, remote.title)
        field("status", l.status, r.status, local.status, remote.status)
        field("priority", l.priority, r.priority, local.priority, remote.priority)
        field("kind", l.kind, r.kind, local.kind, remote.kind)
        field("tags", l.tags.joined(separator: ", "), r.tags.joined(separator: ", "),
              local.tags.joined(separator: ", "), remote.tags.joined(separator: ", "))
        field("assignee", l.assignee, r.assignee, local.assignee, remote.assignee)
        field("parent", l.parent, r.parent, local.parent, remote.parent)

        let localSections = split(MarkdownNormaliser.normalise(local.description))
        let remoteSections = split(MarkdownNormaliser.normalise(remote.description))
        var order = localSections.map(\.title)
        for s in remoteSections where !order.contains(s.title) { order.append(s.title) }

        var parts: [Part] = []
        var unchanged: [String] = []
        for title in order {
            let a = localSections.first { $0.title == title }?.lines ?? []
            let b = remoteSections.first { $0.title == title }?.lines ?? []
            if a == b {
                if !title.isEmpty { unchanged.append(title) }
                continue
            }
            parts.append(.section(title: title, hunks: hunks(LineDiff.diff(a, b), context: context)))
        }
        if !unchanged.isEmpty { parts.append(.unchangedSections(unchanged)) }
        return SectionDiff(fields: fields, parts: parts)
    }

    /// Plain text in unified-diff style: `-` lines are local, `+` lines remote.
    public func render(localLabel: String, remoteLabel: String) -> String {
        var out = "--- \(localLabel)\n+++ \(remoteLabel)\n"
        if !fields.isEmpty {
            out += "frontmatter:\n"
            for f in fields {
                out += "  \(f.field): \(f.local.map { "\"\($0)\"" } ?? "(none)") → \(f.remote.map { "\"\($0)\"" } ?? "(none)")\n"
            }
        }
        for part in parts {
            switch part {
            case .section(let title, let hunks):
                out += title.isEmpty ? "(before the first section)\n" : "## \(title)\n"
                for h in hunks {
                    out += "@@ -\(h.localStart),\(h.localCount) +\(h.remoteStart),\(h.remoteCount) @@\n"
                    for line in h.lines {
                        switch line {
                        case .context(let s): out += " " + s + "\n"
                        case .removed(let s): out += "-" + s + "\n"
                        case .added(let s): out += "+" + s + "\n"
                        }
                    }
                }
            case .unchangedSections(let titles):
                out += "unchanged: " + titles.map { "## " + $0 }.joined(separator: ", ") + "\n"
            }
        }
        return out
    }

    private struct Chunk { var title: String; var lines: [String] }

    /// Splits normalised markdown into the prose before the first `## ` (title "") and the sections.
    private static func split(_ text: String) -> [Chunk] {
        var chunks = [Chunk(title: "", lines: [])]
        var inFence = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast(text.hasSuffix("\n") ? 1 : 0) {
            let s = String(line)
            if s.hasPrefix("```") || s.hasPrefix("~~~") { inFence.toggle() }
            if !inFence && s.hasPrefix("## ") {
                chunks.append(Chunk(title: String(s.dropFirst(3)).trimmingCharacters(in: .whitespaces), lines: []))
            } else {
                chunks[chunks.count - 1].lines.append(s)
            }
        }
        for i in chunks.indices {
            while chunks[i].lines.first == "" { chunks[i].lines.removeFirst() }
            while chunks[i].lines.last == "" { chunks[i].lines.removeLast() }
        }
        if chunks[0].lines.isEmpty { chunks.removeFirst() }
        return chunks
    }

    private static func hunks(_ script: [DiffLine], context: Int) -> [DiffHunk] {
        var result: [DiffHunk] = []
        let changed = script.indices.filter { if case .context = script[$0] { return false } else { return true } }
        guard !changed.isEmpty else { return [] }
        var groups: [ClosedRange<Int>] = []
        for i in changed {
            let range = max(0, i - context)...min(script.count - 1, i + context)
            if let last = groups.last, range.lowerBound <= last.upperBound + 1 {
                groups[groups.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
            } else {
                groups.append(range)
            }
        }
        for g in groups {
            var localLine = 1, remoteLine = 1
            for line in script[..<g.lowerBound] {
                switch line {
                case .context: localLine += 1; remoteLine += 1
                case .removed: localLine += 1
                case .added: remoteLine += 1
                }
            }
            let lines = Array(script[g])
            let lc = lines.filter { if case .added = $0 { return false } else { return true } }.count
            let rc = lines.filter { if case .removed = $0 { return false } else { return true } }.count
            result.append(DiffHunk(localStart: lc == 0 ? localLine - 1 : localLine, localCount: lc,
                remoteStart: rc == 0 ? remoteLine - 1 : remoteLine, remoteCount: rc, lines: lines))
        }
        return result
    }
}

/// Line diff by longest common subsequence; removals come before additions within a change.
enum LineDiff {
    static func diff(_ a: [String], _ b: [String]) -> [DiffLine] {
        let n = a.count, m = b.count
        if n * m > 4_000_000 { return a.map(DiffLine.removed) + b.map(DiffLine.added) }
        var table = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var out: [DiffLine] = []
        var i = 0, j = 0
        while i < n || j < m {
            if i < n && j < m && a[i] == b[j] {
                out.append(.context(a[i])); i += 1; j += 1
            } else if j < m && (i == n || table[i][j + 1] > table[i + 1][j]) {
                out.append(.added(b[j])); j += 1
            } else {
                out.append(.removed(a[i])); i += 1
            }
        }
        return out
    }
}
