import ArgumentParser
import Foundation
import TrackerSimulator

@main
struct TrackerSimulatorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tracker-simulator",
        abstract: "A faithful fake tracker on 127.0.0.1 for tests, demos and benchmarks.",
        discussion: "Prints `listening on http://127.0.0.1:PORT` as its first line, then serves until SIGTERM or SIGINT. "
            + "Admin API: GET/POST /_simulator/items, PATCH/DELETE /_simulator/items/{key}, GET/DELETE /_simulator/requests, "
            + "POST /_simulator/faults, POST /_simulator/reset."
    )

    @Argument(help: "Which tracker to simulate: \(SimulatedTrackerKind.allCases.map(\.rawValue).joined(separator: ", ")).")
    var tracker: String
    @Option(help: "Port on 127.0.0.1 (0 picks a free one).")
    var port = 0
    @Option(help: "The token clients must send.")
    var token: String
    @Option(help: "Load state from this file and save every change to it.")
    var state: String?
    @Option(name: .customLong("latency-ms"), help: "Delay added to every tracker request.")
    var latencyMs = 0
    @Flag(name: .customLong("seed-demo"), help: "Start with a small demo repository (demo-org/demo-repo).")
    var seedDemo = false
    @Option(name: .customLong("seed-issues"), help: "Start with this many generated issues (benchmarks).")
    var seedIssues = 0
    @Option(name: .customLong("seed-repository"), help: "Repository for --seed-issues.")
    var seedRepository = "acme/bench"

    func run() async throws {
        guard let kind = SimulatedTrackerKind(rawValue: tracker) else {
            throw ValidationError("unknown tracker '\(tracker)': use one of \(SimulatedTrackerKind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let server = try await SimulatorServer.start(SimulatorOptions(
            kind: kind, token: token, port: port, stateFile: state, latencyMs: latencyMs, seedDemo: seedDemo,
            seedCount: seedIssues, seedRepository: seedRepository))
        // Unbuffered, so whoever waits for this first line sees it at once.
        FileHandle.standardOutput.write(Data("listening on \(server.baseURL)\n".utf8))
        for sig in [SIGINT, SIGTERM] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler { Foundation.exit(0) }
            source.resume()
            _ = Unmanaged.passRetained(source as AnyObject)
        }
        await server.wait()
    }
}
