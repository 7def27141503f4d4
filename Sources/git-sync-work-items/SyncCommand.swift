import ArgumentParser
import Foundation
import SyncEngine
import Synchronization
import Trackers

struct SyncCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Sync work items with the configured tracker (the default command)."
    )

    @Flag(name: .customLong("push-only"), help: "Only push local changes; never write local files.")
    var pushOnly = false
    @Flag(name: .customLong("pull-only"), help: "Only pull remote changes; never write to the tracker.")
    var pullOnly = false
    @Flag(help: "Show what a sync would do and write nothing, locally or remotely.")
    var preview = false
    @Option(name: .customLong("resolve"), help: ArgumentHelp("Resolve a conflict: ID=remote|local|skip (repeatable).", valueName: "ID=CHOICE"))
    var resolve: [String] = []
    @Option(name: .customLong("forget"), help: ArgumentHelp("Stop syncing an item deleted in a commit; its remote item is left alone and never pulled again (repeatable).", valueName: "ID"))
    var forget: [String] = []
    @Option(name: .customLong("push-new"), help: "Create never-pushed local items remotely: all, none or ask.")
    var pushNew: String?
    @Option(help: "Only bring in untracked remote items assigned to this person.")
    var assignee: String?
    @Option(name: .customLong("label"), help: "Only bring in untracked remote items with this label (repeatable).")
    var labels: [String] = []
    @Option(help: "Only bring in untracked remote items in this state.")
    var state: String?
    @Flag(help: "Bring in untracked remote items from outside work.default_project_code too.")
    var all = false
    @Option(name: .customLong("max-pulls"), help: "Stop before writing if more local writes than this are needed.")
    var maxPulls = 25
    @Option(name: .customLong("max-pushes"), help: "Stop before writing if more remote writes than this are needed.")
    var maxPushes = 25
    @Option(help: "Requests to the tracker in flight at once.")
    var concurrency = TrackerHTTPClient.defaultConcurrency
    @Flag(help: "Machine-readable output: one `<id>\\t<action>\\t<state>\\t<detail>` line per item.")
    var porcelain = false
    @Flag(help: "Machine-readable output as one JSON document.")
    var json = false
    @Flag(name: .customLong("no-input"), help: "Never prompt (the default when standard input is not a terminal).")
    var noInput = false

    func validate() throws {
        if pushOnly && pullOnly { throw ValidationError("--push-only and --pull-only cannot be combined") }
        if porcelain && json { throw ValidationError("--porcelain and --json cannot be combined") }
        if maxPulls < 0 || maxPushes < 0 { throw ValidationError("--max-pulls and --max-pushes take a number of 0 or more") }
        let most = TrackerHTTPClient.maximumConcurrency
        if concurrency < 1 || concurrency > most { throw ValidationError("--concurrency takes a number from 1 to \(most)") }
        _ = try parsedResolutions()
        _ = try parsedPushNew()
    }

    func parsedResolutions() throws -> [String: ConflictChoice] {
        var out: [String: ConflictChoice] = [:]
        for spec in resolve {
            let parts = spec.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty, let choice = ConflictChoice(rawValue: parts[1]) else {
                throw ValidationError("--resolve \(spec): use ID=remote, ID=local or ID=skip")
            }
            out[parts[0]] = choice
        }
        return out
    }

    func parsedPushNew(interactive: Bool = false) throws -> PushNewPolicy {
        guard let pushNew else { return interactive ? .ask : .none }
        guard let policy = PushNewPolicy(rawValue: pushNew) else {
            throw ValidationError("--push-new \(pushNew): use all, none or ask")
        }
        return policy
    }

    func run() async throws {
        var options = SyncOptions()
        options.mode = pushOnly ? .pushOnly : pullOnly ? .pullOnly : .bidirectional
        options.preview = preview
        options.resolutions = try parsedResolutions()
        options.forget = Set(forget)
        let terminal = Terminal.current()
        let interactive = terminal.stdinIsTTY && terminal.stdoutIsTTY && !noInput && !porcelain && !json && !preview
        options.pushNew = try parsedPushNew(interactive: interactive)
        options.assignee = assignee
        options.labels = labels
        options.state = state
        options.all = all
        options.maxPulls = maxPulls
        options.maxPushes = maxPushes
        options.concurrency = concurrency

        let interrupt = InterruptFlag.install()
        let progress = ProgressPrinter(enabled: terminal.stderrIsTTY && !porcelain && !json)
        let variables = ProcessInfo.processInfo.environment
        var environment = SyncEnvironment(
            workingDirectory: nil, variables: variables, trackers: TrackerRegistry.all,
            stopRequested: { interrupt.isSet }, progress: { progress.handle($0) })
        if interactive {
            let prompter = Prompter(
                reader: LineReader(interrupted: { interrupt.isSet }), colour: terminal.stdoutColour,
                pager: Pager.resolve(environment: variables, corePager: GitConfig.value("core.pager"), enabled: true))
            environment.resolveConflicts = { conflicts, trackerName in
                progress.finish()
                if interrupt.interruptedAPrompt { return [:] }
                defer { interrupt.consumeForPrompt() }
                return prompter.resolve(conflicts, trackerName: trackerName)
            }
            environment.confirmCreates = { items, trackerName in
                progress.finish()
                if interrupt.interruptedAPrompt { return [] }
                defer { interrupt.consumeForPrompt() }
                return prompter.offerCreates(items, trackerName: trackerName)
            }
        }

        let report: SyncReport
        do {
            report = try await SyncSession.run(options, environment: environment)
        } catch {
            progress.finish()
            throw error.reported()
        }
        progress.finish()
        let output: String
        if porcelain {
            output = PorcelainRenderer.render(report)
        } else if json {
            output = JSONReportRenderer.render(report)
        } else {
            output = HumanRenderer(colour: terminal.stdoutColour).render(report)
        }
        Output.report(output)
        var code = report.exitCode
        if interrupt.interruptedAPrompt && [0, 4].contains(code) { code = 130 }
        if code != 0 { throw ExitCode(code) }
    }
}

/// Set by the first Ctrl-C: the run finishes the items in flight, commits what it did and exits 130. A second
/// Ctrl-C exits at once (the journal lets the next run finish the job).
final class InterruptFlag: Sendable {
    private let flag = Mutex(false)
    private let seenDuringPrompt = Mutex(false)
    var isSet: Bool { flag.withLock { $0 } }
    var interruptedAPrompt: Bool { seenDuringPrompt.withLock { $0 } }

    /// Ctrl-C at a prompt means "stop asking": what was decided is still carried out, then the run exits 130.
    func consumeForPrompt() {
        if flag.withLock({ old in defer { old = false }; return old }) { seenDuringPrompt.withLock { $0 = true } }
    }

    static func install() -> InterruptFlag {
        let f = InterruptFlag()
        signal(SIGINT, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler {
            if f.flag.withLock({ old in defer { old = true }; return old }) { Foundation.exit(130) }
            FileHandle.standardError.write(Data("\nstopping after the items in flight (Ctrl-C again to stop now)…\n".utf8))
        }
        source.resume()
        // The handler must live as long as the process.
        _ = Unmanaged.passRetained(source as AnyObject)
        return f
    }
}
