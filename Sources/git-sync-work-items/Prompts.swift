import Foundation
import SyncEngine
import WorkItems

/// Reads one answer line from standard input, giving up when Ctrl-C was pressed or input ended.
struct LineReader: Sendable {
    let interrupted: @Sendable () -> Bool

    enum Answer: Equatable { case line(String), endOfInput, interrupted }

    func read() -> Answer {
        var bytes: [UInt8] = []
        while true {
            if interrupted() { return .interrupted }
            var fds = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
            let ready = poll(&fds, 1, 100)
            if ready == 0 { continue }
            if ready < 0 { if errno == EINTR { continue }; return .endOfInput }
            var byte: UInt8 = 0
            let n = Foundation.read(0, &byte, 1)
            if n <= 0 { return bytes.isEmpty ? .endOfInput : .line(String(decoding: bytes, as: UTF8.self)) }
            if byte == UInt8(ascii: "\n") { return .line(String(decoding: bytes, as: UTF8.self)) }
            bytes.append(byte)
        }
    }
}

/// The human loop of issue 4: one prompt per conflict, then the offer to push never-pushed items.
final class Prompter: Sendable {
    private let reader: LineReader
    private let colour: Bool
    private let pager: Pager

    init(reader: LineReader, colour: Bool, pager: Pager) {
        self.reader = reader
        self.colour = colour
        self.pager = pager
    }

    private func say(_ s: String) { FileHandle.standardOutput.write(Data(s.utf8)) }
    private func bold(_ s: String) -> String { colour ? "\u{1B}[1m\(s)\u{1B}[0m" : s }

    /// Asks about each conflict; stops asking (leaving the rest unresolved) at end of input, `q` or Ctrl-C.
    func resolve(_ conflicts: [PlannedItem], trackerName: String) -> [String: ConflictChoice] {
        var choices: [String: ConflictChoice] = [:]
        for (index, item) in conflicts.enumerated() {
            let title = TerminalText.sanitise(item.title)
            say("\n" + bold("Conflict \(index + 1)/\(conflicts.count): \(item.id) \(item.key ?? "") \"\(title)\"") + " changed on both sides.\n")
            showDiff(item)
            ask: while true {
                say("Take [r]emote (default, overwrites the local file), keep [l]ocal (push it), [s]kip, [d]iff, [f]ull files, [q]uit, [?] help: ")
                switch reader.read() {
                case .endOfInput, .interrupted:
                    say("\nstopped: \(conflicts.count - index) conflict(s) left unresolved\n")
                    return choices
                case .line(let raw):
                    switch raw.trimmingCharacters(in: .whitespaces).lowercased() {
                    case "", "r", "remote": choices[item.id] = .remote; break ask
                    case "l", "local": choices[item.id] = .local; break ask
                    case "s", "skip": choices[item.id] = .skip; break ask
                    case "d", "diff": showDiff(item)
                    case "f", "full": showFull(item)
                    case "q", "quit":
                        say("stopped: \(conflicts.count - index) conflict(s) left unresolved\n")
                        return choices
                    case "?", "h", "help":
                        say("""
                            r  take the remote version: the local file is rewritten from \(trackerName) (the default)
                            l  keep the local version and push it to \(trackerName) (logged as an override)
                            s  leave this item alone for now
                            d  show the section diff again;  f  show both whole files
                            q  stop asking; conflicts not yet answered stay unresolved

                            """)
                    default:
                        say("'\(TerminalText.sanitise(raw))' is not an answer: type r, l, s, d, f, q or ?\n")
                    }
                }
            }
        }
        return choices
    }

    /// `Push 0213 "Title" to GitHub Issues as an issue? [y/N/a/d/q]`.
    func offerCreates(_ items: [PlannedItem], trackerName: String) -> Set<String> {
        var accepted = Set<String>()
        var all: Bool?
        for item in items {
            if let all { if all { accepted.insert(item.id) }; continue }
            ask: while true {
                say("Push \(item.id) \"\(TerminalText.sanitise(item.title))\" to \(trackerName) as \(item.remoteNoun ?? "an item")? [y/N/a/d/q] ")
                switch reader.read() {
                case .endOfInput, .interrupted: return accepted
                case .line(let raw):
                    switch raw.trimmingCharacters(in: .whitespaces).lowercased() {
                    case "y", "yes": accepted.insert(item.id); break ask
                    case "", "n", "no": break ask
                    case "a", "all": all = true; accepted.insert(item.id); break ask
                    case "d", "none": all = false; break ask
                    case "q", "quit": return accepted
                    default: say("y: push it, n: not now (default), a: this and all remaining, d: none of the remaining, q: stop asking\n")
                    }
                }
            }
        }
        return accepted
    }

    private func showDiff(_ item: PlannedItem) {
        guard let diff = item.diff else { return }
        pager.show(DiffPainter(colour: colour).paint(diff.render(localLabel: "local", remoteLabel: "remote (default)")))
    }

    private func showFull(_ item: PlannedItem) {
        let local = item.local?.document.text ?? ""
        var remoteText = "# \(item.remote?.content.title ?? "")\n\n" + (item.remote?.content.description ?? "")
        remoteText = TerminalText.sanitiseKeepingNewlines(remoteText)
        pager.show(bold("── local: \(item.path)") + "\n" + TerminalText.sanitiseKeepingNewlines(local) + "\n"
            + bold("── remote: \(item.key ?? "")") + "\n" + remoteText + "\n")
    }
}

struct DiffPainter {
    var colour: Bool

    func paint(_ text: String) -> String {
        let clean = TerminalText.sanitiseKeepingNewlines(text)
        guard colour else { return clean }
        return clean.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            if line.hasPrefix("+") { return "\u{1B}[32m\(line)\u{1B}[0m" }
            if line.hasPrefix("-") { return "\u{1B}[31m\(line)\u{1B}[0m" }
            if line.hasPrefix("@@") { return "\u{1B}[36m\(line)\u{1B}[0m" }
            return String(line)
        }.joined(separator: "\n")
    }
}

/// Long text goes through a pager the way git chooses one: `GIT_PAGER`, `core.pager`, `PAGER`, then `less` with
/// `LESS=FRX` when unset; short text, or no terminal, is printed directly.
struct Pager: Sendable {
    var command: String?
    var terminalRows: Int

    static func resolve(environment: [String: String], corePager: String?, enabled: Bool) -> Pager {
        var rows = 24
        var size = winsize()
        if ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 0 { rows = Int(size.ws_row) }
        guard enabled else { return Pager(command: nil, terminalRows: rows) }
        let command = environment["GIT_PAGER"] ?? corePager ?? environment["PAGER"] ?? "less"
        return Pager(command: command == "cat" || command.isEmpty ? nil : command, terminalRows: rows)
    }

    func show(_ text: String) {
        let body = text.hasSuffix("\n") ? text : text + "\n"
        let lines = body.reduce(0) { $0 + ($1 == "\n" ? 1 : 0) }
        guard let command, lines >= terminalRows - 2 else {
            FileHandle.standardOutput.write(Data(body.utf8))
            return
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        var env = ProcessInfo.processInfo.environment
        if env["LESS"] == nil { env["LESS"] = "FRX" }
        if env["LV"] == nil { env["LV"] = "-c" }
        process.environment = env
        let pipe = Pipe()
        process.standardInput = pipe
        do { try process.run() } catch {
            FileHandle.standardOutput.write(Data(body.utf8))
            return
        }
        pipe.fileHandleForWriting.write(Data(body.utf8))
        try? pipe.fileHandleForWriting.close()
        process.waitUntilExit()
    }
}
