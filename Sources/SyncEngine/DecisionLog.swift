import Foundation

/// `<paths.integrations>/<tracker>/sync.log`: one line per conflict decision (time, item, key, choice, who), appended
/// and committed with the sync, so overrides stay on record. Appending is idempotent: a decision whose line the file
/// already has (a run killed after writing the log) is not written twice.
struct DecisionLog {
    let root: String
    let path: String
    let writer: WorkFileWriter

    /// Appends the lines the file lacks. Returns whether the file changed.
    func append(_ decisions: [Decision]) throws -> Bool {
        let full = root + "/" + path
        var text = FileManager.default.contents(atPath: full).map { String(decoding: $0, as: UTF8.self) } ?? ""
        let present = Set(text.split(separator: "\n").map(String.init))
        var seen = Set<String>()
        let missing = decisions.map(\.logLine).filter { !present.contains($0) && seen.insert($0).inserted }
        guard !missing.isEmpty else { return false }
        if !text.isEmpty && !text.hasSuffix("\n") { text += "\n" }
        text += missing.joined(separator: "\n") + "\n"
        try writer.write(Array(text.utf8), to: path)
        return true
    }

    /// The decisions whose lines are not in `committedText` (HEAD's version of the log): the commit that adds them
    /// carries their trailers.
    static func uncommitted(_ decisions: [Decision], committedText: String?) -> [Decision] {
        let committed = Set((committedText ?? "").split(separator: "\n").map(String.init))
        var seen = Set<String>()
        return decisions.filter { !committed.contains($0.logLine) && seen.insert($0.logLine).inserted }
    }
}
