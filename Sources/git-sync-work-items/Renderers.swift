import Foundation
import SyncEngine
import WorkItems

/// `--porcelain`: `<id>\t<action>\t<state>\t<detail>` per item, a stable interface. `detail` is the reason code when
/// there is one (`conflict`, `dirty`, `not-pushed`, …), else the remote key, else `-`. Files that could not be read
/// come last as `<path>\terror\tblocked\t<path:line: message>`.
enum PorcelainRenderer {
    static func render(_ report: SyncReport) -> String {
        var out = ""
        for o in report.outcomes {
            let detail = o.reasonCode ?? o.key ?? "-"
            out += [o.id, o.action.rawValue, o.state.rawValue, clean(detail)].joined(separator: "\t") + "\n"
        }
        for p in report.problems {
            out += [p.path, "error", "blocked", clean(p.description)].joined(separator: "\t") + "\n"
        }
        return out
    }

    private static func clean(_ s: String) -> String {
        TerminalText.sanitise(s).replacingOccurrences(of: "\t", with: " ")
    }
}

/// `--json`: one document, a stable interface (keys never renamed; new keys may be added).
enum JSONReportRenderer {
    static func render(_ report: SyncReport) -> String {
        var root: [String: Any] = [
            "integration": report.integration,
            "tracker": report.trackerName,
            "mode": report.mode.rawValue,
            "preview": report.preview,
            "exit_code": Int(report.exitCode),
            "unchanged": report.unchangedCount,
            "remote_requests": report.requestCount,
            "interrupted": report.interrupted,
        ]
        root["commit"] = report.commit ?? NSNull()
        root["refusal"] = report.refusal ?? NSNull()
        root["items"] = report.outcomes.map { o -> [String: Any] in
            var item: [String: Any] = ["id": o.id, "path": o.path, "title": o.title, "action": o.action.rawValue,
                "state": o.state.rawValue]
            item["key"] = o.key ?? NSNull()
            item["reason"] = o.reasonCode ?? NSNull()
            item["message"] = o.message ?? NSNull()
            if let diff = o.diff {
                item["diff"] = [
                    "fields": diff.fields.map { ["field": $0.field, "local": $0.local ?? NSNull(), "remote": $0.remote ?? NSNull()] as [String: Any] },
                    "text": diff.render(localLabel: "local", remoteLabel: "remote"),
                ] as [String: Any]
            }
            return item
        }
        root["problems"] = report.problems.map { p -> [String: Any] in
            ["path": p.path, "line": p.line ?? NSNull(), "message": p.message]
        }
        let data = (try? JSONSerialization.data(withJSONObject: root, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

/// Output for people: items grouped by what happens to them, then a one-line summary.
struct HumanRenderer {
    var colour: Bool

    private func paint(_ s: String, _ code: String) -> String { colour ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }

    func render(_ report: SyncReport) -> String {
        var out = ""
        if let note = report.headNote { out += paint("note: ", "33") + note + "\n" }
        let groups: [(String, (ItemOutcome) -> Bool, String?)] = [
            (report.preview ? "Would pull" : "Pulled", { $0.action == .pull }, nil),
            (report.preview ? "Would add locally" : "Added locally", { $0.action == .new }, nil),
            (report.preview ? "Would push" : "Pushed", { $0.action == .push }, nil),
            (report.preview ? "Would create on \(report.trackerName)" : "Created on \(report.trackerName)", { $0.action == .create || $0.action == .adopt }, nil),
            (report.preview ? "Would record as in sync" : "Recorded as in sync", { $0.action == .record }, nil),
            ("Conflicts (changed on both sides)", { $0.action == .conflict },
             "resolve with --resolve ID=remote (take theirs), ID=local (push yours) or ID=skip"),
            ("Uncommitted edits (commit or stash them, then sync again)", { $0.reason == .dirty }, nil),
            ("Never pushed", { $0.reason == .notPushed || $0.reason == .declined },
             "create them with --push-new=all (or --push-new=ask)"),
            ("Skipped", { $0.action == .skip && ![.dirty, .notPushed, .declined].contains($0.reason) }, nil),
        ]
        for (title, belongs, hint) in groups {
            let members = report.outcomes.filter(belongs)
            guard !members.isEmpty else { continue }
            out += paint("\(title) (\(members.count)):", "1") + "\n"
            for o in members {
                var line = "  \(o.id)  \(o.key.map(TerminalText.sanitise) ?? "-")  \(TerminalText.sanitise(o.title))"
                if o.action == .new { line += "  → \(o.path)" }
                switch o.state {
                case .failed: line += "  " + paint("failed: " + TerminalText.sanitise(o.message ?? ""), "31")
                case .notRun: line += "  (not run)"
                case .done: if let note = o.message { line += "  " + paint("note: " + TerminalText.sanitise(note), "33") }
                case .blocked, .skipped: if let detail = o.message { line += "  " + TerminalText.sanitise(detail) }
                default: break
                }
                if let reason = o.reason, o.action == .skip, ![.dirty, .notPushed, .declined].contains(reason) {
                    line += "  [\(reason.rawValue)]"
                }
                out += line + "\n"
                if let diff = o.diff {
                    out += renderDiff(diff).split(separator: "\n").map { "    " + $0 }.joined(separator: "\n") + "\n"
                }
            }
            if let hint { out += "  " + paint(hint, "2") + "\n" }
        }
        if !report.problems.isEmpty {
            out += paint("Files that could not be read (\(report.problems.count)):", "1") + "\n"
            for p in report.problems { out += "  " + TerminalText.sanitise(p.description) + "\n" }
        }
        if let refusal = report.refusal { out += paint(refusal, "31") + "\n" }
        out += summary(report) + "\n"
        return out
    }

    private func renderDiff(_ diff: SectionDiff) -> String {
        let text = TerminalText.sanitiseKeepingNewlines(diff.render(localLabel: "local", remoteLabel: "remote (default)"))
        guard colour else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            if line.hasPrefix("+") { return paint(String(line), "32") }
            if line.hasPrefix("-") { return paint(String(line), "31") }
            if line.hasPrefix("@@") { return paint(String(line), "36") }
            return String(line)
        }.joined(separator: "\n")
    }

    private func summary(_ report: SyncReport) -> String {
        let done = report.outcomes.filter { $0.state == (report.preview ? .planned : .done) }
        func n(_ a: PlanAction) -> Int { done.filter { $0.action == a }.count }
        var parts: [String] = []
        if n(.pull) > 0 { parts.append("\(n(.pull)) pulled") }
        if n(.new) > 0 { parts.append("\(n(.new)) added") }
        if n(.push) > 0 { parts.append("\(n(.push)) pushed") }
        if n(.create) + n(.adopt) > 0 { parts.append("\(n(.create) + n(.adopt)) created") }
        let conflicts = report.outcomes.filter { $0.action == .conflict }.count
        if conflicts > 0 { parts.append("\(conflicts) conflict\(conflicts == 1 ? "" : "s")") }
        let failed = report.outcomes.filter { $0.state == .failed }.count
        if failed > 0 { parts.append("\(failed) failed") }
        let dirty = report.outcomes.filter { $0.reason == .dirty }.count
        if dirty > 0 { parts.append("\(dirty) with uncommitted edits") }
        parts.append("\(report.unchangedCount) unchanged")
        var line = (report.preview ? "Preview, nothing written: " : "") + parts.joined(separator: ", ")
        if parts.count == 1 && report.outcomes.isEmpty && report.problems.isEmpty { line = (report.preview ? "Preview: " : "") + "nothing to do (\(report.unchangedCount) items in sync with \(report.trackerName))" }
        if let commit = report.commit { line += "; committed \(commit.prefix(7)) (git show \(commit.prefix(7)))" }
        if report.interrupted { line += "; interrupted: run again to finish" }
        return line + "."
    }
}

extension TerminalText {
    static func sanitiseKeepingNewlines(_ s: String) -> String {
        s.split(separator: "\n", omittingEmptySubsequences: false).map { sanitise(String($0)) }.joined(separator: "\n")
    }
}
