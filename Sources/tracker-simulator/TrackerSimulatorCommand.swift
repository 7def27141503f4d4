import ArgumentParser
import Foundation
import TrackerSimulator

@main
struct TrackerSimulatorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tracker-simulator",
        abstract: "A faithful fake tracker on 127.0.0.1 for tests, demos and benchmarks.",
        discussion: """
            Prints `listening on http://127.0.0.1:PORT` as its first line, then serves until SIGTERM or SIGINT.
            Admin API (no token): GET/POST /_simulator/items, PATCH/DELETE /_simulator/items/{key}, \
            GET/DELETE /_simulator/requests, POST /_simulator/faults, POST /_simulator/reset.
            """
    )

    @Argument(help: "Which tracker to simulate: \(SimulatedTrackerKind.allCases.map(\.rawValue).joined(separator: ", ")).")
    var tracker: String

    @Option(help: "Port on 127.0.0.1 (0 picks a free one).")
    var port = 0

    @Option(help: "The token clients must send.")
    var token: String

    @Option(help: "Load the state from this file when it exists, and save every change to it.")
    var state: String?

    @Option(name: .customLong("latency-ms"), help: "Delay added to every tracker request, in milliseconds.")
    var latencyMs = 0

    @Flag(name: .customLong("seed-demo"), help: "Start with a small demo repository (demo-org/demo-repo).")
    var seedDemo = false

    @Option(name: .customLong("seed-issues"), help: "Start with this many generated issues (benchmarks).")
    var seedIssues = 0

    @Option(name: .customLong("seed-repository"), help: "The repository --seed-issues fills.")
    var seedRepository = "acme/bench"

    func validate() throws {
        guard SimulatedTrackerKind(rawValue: tracker) != nil else {
            let known = SimulatedTrackerKind.allCases.map(\.rawValue).joined(separator: ", ")
            throw ValidationError("unknown tracker '\(tracker)': use one of \(known)")
        }
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard latencyMs >= 0, seedIssues >= 0 else { throw ValidationError("--latency-ms and --seed-issues cannot be negative") }
    }

    func run() async throws {
        let server = try await SimulatorServer.start(SimulatorOptions(
            kind: SimulatedTrackerKind(rawValue: tracker)!, token: token, port: port, stateFile: state,
            latencyMs: latencyMs, seedDemo: seedDemo, seedCount: seedIssues, seedRepository: seedRepository))
        // FileHandle writes are unbuffered: whoever waits for this first line sees it at once.
        FileHandle.standardOutput.write(Data("listening on \(server.baseURL)\n".utf8))
        let signals = SignalWatcher(server: server)
        await server.wait()
        withExtendedLifetime(signals) {}
    }
}

/// Stops the server on SIGINT or SIGTERM. Every change is already in the state file by the time it is answered,
/// so stopping needs no save.
final class SignalWatcher {
    private let sources: [any DispatchSourceSignal]

    init(server: SimulatorServer) {
        sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { Task { await server.stop() } }
            source.resume()
            return source
        }
    }
}
