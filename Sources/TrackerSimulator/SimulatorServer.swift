import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// The simulator's HTTP front on 127.0.0.1: admin routes, latency, faults, the token check and the request log
/// around one simulated tracker.
public final class SimulatorServer: Sendable {
    /// `http://127.0.0.1:PORT`, the tracker's API root (for GitHub what `https://api.github.com` is).
    public let baseURL: String
    private let group: ServiceGroup
    private let task: Task<Void, Never>

    private init(baseURL: String, group: ServiceGroup, task: Task<Void, Never>) {
        self.baseURL = baseURL
        self.group = group
        self.task = task
    }

    /// Returns once the server is listening.
    public static func start(_ options: SimulatorOptions) async throws -> SimulatorServer {
        let tracker = try options.kind.makeTracker(options)
        let stateFile = options.stateFile.map { StateFile(path: $0) }
        await stateFile?.persist(tracker)
        let pipeline = RequestPipeline(
            tracker: tracker, token: options.token, faults: FaultInjector(latencyMs: options.latencyMs),
            log: RequestLog(recordBodies: options.recordBodies), stateFile: stateFile)

        let (started, continuation) = AsyncStream<Result<Int, any Error>>.makeStream()
        let app = Application(
            responder: CallbackResponder<SimulatorContext> { request, context in
                try await pipeline.respond(to: request, context: context)
            },
            configuration: .init(address: .hostname("127.0.0.1", port: options.port), serverName: nil),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                pipeline.setBaseURL("http://127.0.0.1:\(port)")
                continuation.yield(.success(port))
            },
            logger: Logger(label: "tracker-simulator", factory: { _ in SwiftLogNoOpLogHandler() })
        )
        let group = ServiceGroup(configuration: .init(services: [app], logger: app.logger))
        let task = Task {
            do {
                try await group.run()
            } catch {
                continuation.yield(.failure(error))
            }
            continuation.finish()
        }
        for await result in started {
            switch result {
            case .success(let port): return SimulatorServer(baseURL: "http://127.0.0.1:\(port)", group: group, task: task)
            case .failure(let error): throw error
            }
        }
        throw SimulatorStartError()
    }

    /// Shuts the server down gracefully: cancelling its task could trap in swift-nio (`Deinited NIOAsyncWriter without
    /// calling finish()`) when a client's connection was accepted but not yet served, as a request a client gave up
    /// on leaves it (apple/swift-nio#3481).
    public func stop() async {
        await group.triggerGracefulShutdown()
        await task.value
    }

    /// Serves until `stop()` or the surrounding task is cancelled.
    public func wait() async {
        await task.value
    }
}

struct SimulatorStartError: Error, CustomStringConvertible {
    var description: String { "the simulator stopped before it was listening" }
}

/// Keeps the channel at hand so a fault can close the connection without an answer.
struct SimulatorContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let channel: any Channel

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        channel = source.channel
    }
}
