import WorkItems

/// The sync commit's message: a subject that says what the commit holds, one line per item, then a
/// `Sync-Resolved:` trailer per conflict decision whose `sync.log` line the commit adds.
struct CommitMessage {
    static let subjectPrefix = "sync-work-items:"

    /// One item the commit records, from this run or finished for an interrupted one.
    struct Line: Equatable {
        var action: PlanAction
        var id: String
        var key: String?
        var title: String
        var recovered: Bool
    }

    var lines: [Line] = []
    var forgotten: [(id: String, key: String)] = []
    var trailers: [String] = []
    var decisionsLogged = false

    func text(tracker: String) -> String {
        func count(_ actions: [PlanAction]) -> Int { lines.filter { actions.contains($0.action) }.count }
        var parts: [String] = []
        if count([.pull]) > 0 { parts.append("\(count([.pull])) pulled") }
        if count([.new]) > 0 { parts.append("\(count([.new])) new") }
        if count([.push]) > 0 { parts.append("\(count([.push])) pushed") }
        if count([.create, .adopt]) > 0 { parts.append("\(count([.create, .adopt])) created") }
        if !forgotten.isEmpty { parts.append("\(forgotten.count) forgotten") }
        if parts.isEmpty { parts.append(decisionsLogged ? "record conflict decisions" : "update baseline") }
        var out = ["\(Self.subjectPrefix) \(parts.joined(separator: ", ")) (\(TerminalText.sanitise(tracker)))", ""]
        for line in lines where line.action != .record {
            var text = "\(line.action.rawValue) \(line.id) \(line.key ?? "") \(TerminalText.sanitise(line.title))"
            if line.recovered { text += " (finished after an interrupted run)" }
            out.append(text)
        }
        for item in forgotten { out.append("forget \(item.id) \(TerminalText.sanitise(item.key))") }
        if !trailers.isEmpty {
            out.append("")
            out += trailers
        }
        return out.joined(separator: "\n") + "\n"
    }
}
