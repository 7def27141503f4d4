import ArgumentParser
import Foundation
import TrackerSimulator

@main
struct TrackerSimulatorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tracker-simulator",
        abstract: "A faithful fake tracker on 127.0.0.1 for tests, demos and benchmarks.",
        discussion: """
            Prints `listening on http://127.0.0.1:PORT` as its first line, then serves
            until SIGTERM or SIGINT.
            GitHub: clients send `Authorization: Bearer TOKEN`; the API is at the root.
            Jira: clients send Basic base64(email:TOKEN); the API is under /rest/api/3.
            Linear: clients POST /graphql with the token as the whole Authorization value (an OAuth token, \
            lin_oauth_..., as Bearer); the request log names each request's operation (/graphql#query:Issues), and \
            fault paths match that name.
            Trello: clients send `Authorization: OAuth oauth_consumer_key="KEY", oauth_token="TOKEN"` (or key and \
            token query parameters); the API is under /1, on the board EngBoard (lists Backlog, To Do, Doing, \
            Review, Done; members simuser, ana, ben, carla).

            """ + "\n" + AdminAPIReference.text
    )

    @Argument(help: "Which tracker to simulate: \(SimulatedTrackerKind.allCases.map(\.rawValue).joined(separator: ", ")).")
    var tracker: String

    @Option(help: "Port on 127.0.0.1 (0 picks a free one).")
    var port = 0

    @Option(help: "The token clients must send (Jira: the API token part of Basic email:token).")
    var token: String

    @Option(help: "Load the state from this file when it exists, and save every change to it.")
    var state: String?

    @Option(name: .customLong("latency-ms"), help: "Delay added to every tracker request, in milliseconds.")
    var latencyMs = 0

    @Flag(name: .customLong("seed-demo"), help: "Start with a small demo data set (GitHub: demo-org/demo-repo; Jira: project ENG; Linear: team ENG; Trello: board EngBoard).")
    var seedDemo = false

    @Option(name: .customLong("seed-issues"), help: "Start with this many generated issues (benchmarks).")
    var seedIssues = 0

    @Option(name: .customLong("seed-repository"), help: "The repository --seed-issues fills (GitHub).")
    var seedRepository = "acme/bench"

    @Option(name: .customLong("seed-project"), help: "The project key --seed-issues fills (Jira; Linear: the team key).")
    var seedProject = "BENCH"

    @Option(name: .customLong("time-zone"), help: "Jira: the user's time zone, for JQL dates and timestamps (default Europe/Berlin).")
    var timeZone: String?

    @Option(help: "Jira, Linear: the email address of the token's user (default sim-user@example.com).")
    var email: String?

    @Option(name: .customLong("api-key"), help: "Trello: the API key clients must send with the token (default: any key).")
    var apiKey: String?

    @Flag(name: .customLong("record-bodies"), help: "Keep request and response bodies for GET /_simulator/requests?bodies=1.")
    var recordBodies = false

    func validate() throws {
        guard SimulatedTrackerKind(rawValue: tracker) != nil else {
            let known = SimulatedTrackerKind.allCases.map(\.rawValue).joined(separator: ", ")
            throw ValidationError("unknown tracker '\(tracker)': use one of \(known)")
        }
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard latencyMs >= 0, seedIssues >= 0 else { throw ValidationError("--latency-ms and --seed-issues cannot be negative") }
        let projectKey = /[A-Z][A-Z0-9_]{1,9}/
        guard (try? projectKey.wholeMatch(in: seedProject)) != nil else {
            throw ValidationError("--seed-project must be a Jira project key such as BENCH (uppercase letter, then 1-9 of A-Z 0-9 _)")
        }
        if let timeZone, TimeZone(identifier: timeZone) == nil {
            throw ValidationError("--time-zone must be a time zone identifier such as Europe/Berlin")
        }
    }

    func run() async throws {
        let server = try await SimulatorServer.start(SimulatorOptions(
            kind: SimulatedTrackerKind(rawValue: tracker)!, token: token, port: port, stateFile: state,
            latencyMs: latencyMs, seedDemo: seedDemo, seedCount: seedIssues, seedRepository: seedRepository,
            seedProject: seedProject, timeZone: timeZone, email: email, recordBodies: recordBodies, apiKey: apiKey))
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
