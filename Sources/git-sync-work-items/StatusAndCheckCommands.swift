import ArgumentParser
import Foundation
import SyncEngine
import WorkItems

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show, offline, what changed locally since the last sync."
    )

    @Flag(help: "One `<id>\\t<state>\\t<path>` line per item: modified, unpushed, uncommitted or unsynced.")
    var porcelain = false

    func run() throws {
        let report: StatusReport
        do { report = try StatusReport.compute(environment: .fromProcess()) } catch { throw error.reported() }
        var out = ""
        if porcelain {
            for e in report.entries { out += "\(e.id)\t\(e.state.rawValue)\t\(e.path)\n" }
            for p in report.problems { out += "\(p.path)\terror\t\(TerminalText.sanitise(p.description))\n" }
        } else {
            let headings: [(StatusReport.State, String)] = [
                (.modified, "Changed locally since the last sync"), (.unsynced, "Not synced yet"),
                (.unpushed, "Never pushed"), (.uncommitted, "Uncommitted edits (commit them before syncing)"),
            ]
            for (state, heading) in headings {
                let members = report.entries.filter { $0.state == state }
                guard !members.isEmpty else { continue }
                out += "\(heading) (\(members.count)):\n"
                for e in members { out += "  \(e.id)  \(e.key.map(TerminalText.sanitise) ?? "-")  \(e.path)\n" }
            }
            for p in report.problems { out += "unreadable: \(TerminalText.sanitise(p.description))\n" }
            let last = report.lastSync.map { "last sync \(ISOTime.format($0))" } ?? "never synced"
            out += "\(report.unchangedCount) unchanged, \(report.entries.count) to look at (\(report.integration), \(last)).\n"
        }
        Output.report(out)
    }
}

struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check configuration, credentials and every work item; with --online, the tracker too."
    )

    @Flag(help: "Also check that the tracker answers and the credentials work.")
    var online = false

    func run() async throws {
        let (report, code) = await CheckReport.run(environment: .fromProcess(), online: online)
        var out = ""
        for p in report.problems { out += TerminalText.sanitise(p.description) + "\n" }
        for n in report.notes { out += "ok: " + n + "\n" }
        if let integration = report.integration {
            out += report.problems.isEmpty
                ? "all good: \(report.itemCount) work items, integration \(integration)\n"
                : "\(report.problems.count) problem(s) found\n"
        }
        Output.report(out)
        if code != 0 { throw ExitCode(code) }
    }
}

extension SyncEnvironment {
    /// This process's environment and the registered trackers.
    static func fromProcess() -> SyncEnvironment {
        SyncEnvironment(variables: ProcessInfo.processInfo.environment, trackers: TrackerRegistry.all)
    }
}

extension SyncFailure {
    /// Prints the one-line error and returns the exit code to throw.
    func reported() -> ExitCode {
        Output.error(message)
        return ExitCode(exitCode)
    }
}
