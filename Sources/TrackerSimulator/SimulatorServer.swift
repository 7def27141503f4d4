import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import NIOPosix
import Synchronization

public enum SimulatedTrackerKind: String, Sendable, CaseIterable {
    case github
}

public struct SimulatorOptions: Sendable {
    public var kind: SimulatedTrackerKind
    public var token: String
    public var port: Int
    /// Loaded at start when it exists; written (atomically) after every change.
    public var stateFile: String?
    /// Added to every tracker request (not to the admin API).
    public var latencyMs: Int
    /// Start with the demo data (`--seed-demo`).
    public var seedDemo: Bool
    /// Start with this many generated issues in `seedRepository` (benchmarks).
    public var seedCount: Int
    public var seedRepository: String

    public init(kind: SimulatedTrackerKind, token: String, port: Int = 0, stateFile: String? = nil, latencyMs: Int = 0,
                seedDemo: Bool = false, seedCount: Int = 0, seedRepository: String = "acme/bench") {
        self.kind = kind
        self.token = token
        self.port = port
        self.stateFile = stateFile
        self.latencyMs = latencyMs
        self.seedDemo = seedDemo
        self.seedCount = seedCount
        self.seedRepository = seedRepository
    }
}

/// A request as the simulated services see it.
struct SimRequest: Sendable {
    var method: String
    var path: String
    /// Query parameters in order, percent-decoded.
    var query: [(String, String)]
    var rawQuery: String?
    /// Lowercased names.
    var headers: [String: String]
    var body: Data

    func parameter(_ name: String) -> String? { query.last { $0.0 == name }?.1 }
}

struct SimResponse: Sendable {
    var status: Int
    var headers: [(String, String)] = []
    var body: Data = Data()
    /// Whether the request counted against the rate limit (a 304 does not).
    var countsAgainstLimit = true

    static func json(_ status: Int, _ object: Any, headers: [(String, String)] = []) -> SimResponse {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return SimResponse(status: status, headers: [("content-type", "application/json; charset=utf-8")] + headers, body: data)
    }
}

/// One tracker's fake API plus its admin operations. GitHub now; Jira, Linear and Trello plug in the same way.
protocol SimulatedService: Sendable {
    func handle(_ request: SimRequest, baseURL: String) async -> SimResponse
    func adminItems() async -> SimResponse
    /// Tracker-specific set-up: GitHub `{"repositories": ["o/r"], "users": ["login"]}`.
    func adminSetup(_ body: Data) async -> SimResponse
    func adminAdd(_ body: Data) async -> SimResponse
    func adminPatch(key: String, _ body: Data) async -> SimResponse
    func adminDelete(key: String) async -> SimResponse
    func reset() async
    func exportState() async -> Data
    func importState(_ data: Data) async throws
}

/// Fault injection and latency shared by every simulated tracker: `POST /_simulator/faults`.
final class FaultInjector: Sendable {
    struct Fault: Sendable {
        var pattern: String
        var status: Int?
        var headers: [(String, String)]
        var drop: Bool
        /// Drop after the request took effect (the client cannot know whether it did).
        var after: Bool
        var remaining: Int
    }

    private let faults = Mutex<[Fault]>([])
    let latencyMs: Mutex<Int>

    init(latencyMs: Int) { self.latencyMs = Mutex(latencyMs) }

    func add(_ fault: Fault) { faults.withLock { $0.append(fault) } }
    func clear() { faults.withLock { $0.removeAll() } }

    /// The first matching fault with uses left, consumed.
    func take(method: String, path: String) -> Fault? {
        faults.withLock { list in
            for i in list.indices where list[i].remaining > 0 {
                guard let regex = try? Regex(list[i].pattern) else { continue }
                let hit = ((try? regex.firstMatch(in: path)) ?? nil) != nil
                if hit {
                    list[i].remaining -= 1
                    return list[i]
                }
            }
            return nil
        }
    }
}

final class RequestLog: Sendable {
    private let entries = Mutex<[(String, String, Int)]>([])
    func append(_ method: String, _ path: String, _ status: Int) { entries.withLock { $0.append((method, path, status)) } }
    func clear() { entries.withLock { $0.removeAll() } }
    func json() -> [[String: Any]] {
        entries.withLock { $0.map { ["method": $0.0, "path": $0.1, "status": $0.2] } }
    }
}

struct SimulatorContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let channel: any Channel

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        channel = source.channel
    }
}

struct DroppedConnection: Error {}

/// The HTTP front of the simulator: admin routes, faults, latency and the request log around one tracker service.
public final class SimulatorServer: Sendable {
    private let task: Mutex<Task<Void, any Error>?>
    private let port: Int

    public var baseURL: String { "http://127.0.0.1:\(port)" }

    private init(task: Task<Void, any Error>, port: Int) {
        self.task = Mutex(task)
        self.port = port
    }

    public static func start(_ options: SimulatorOptions) async throws -> SimulatorServer {
        let service: any SimulatedService
        switch options.kind {
        case .github: service = GitHubService(token: options.token)
        }
        if let file = options.stateFile, let data = FileManager.default.contents(atPath: file) {
            try await service.importState(data)
        } else if options.seedDemo, let github = service as? GitHubService {
            await github.seedDemo()
        }
        if options.seedCount > 0, let github = service as? GitHubService {
            await github.seed(count: options.seedCount, repository: options.seedRepository)
        }
        let faults = FaultInjector(latencyMs: options.latencyMs)
        let log = RequestLog()
        let portBox = Mutex<Int?>(nil)
        let started = AsyncStream<Int>.makeStream()

        let responder = CallbackResponder<SimulatorContext> { request, context in
            var request = request
            let body = try await request.collectBody(upTo: 32 * 1024 * 1024)
            var headers: [String: String] = [:]
            for field in request.headers { headers[field.name.canonicalName] = field.value }
            let simRequest = SimRequest(
                method: request.method.rawValue, path: request.uri.path,
                query: Self.parseQuery(request.uri.query), rawQuery: request.uri.query, headers: headers,
                body: Data(buffer: body))
            let base = "http://127.0.0.1:\(portBox.withLock { $0 } ?? 0)"
            let logged = simRequest.path + (simRequest.rawQuery.map { "?" + $0 } ?? "")

            if simRequest.path.hasPrefix("/_simulator/") {
                return Self.http(await Self.admin(simRequest, service: service, faults: faults, log: log, stateFile: options.stateFile))
            }
            let latency = faults.latencyMs.withLock { $0 }
            if latency > 0 { try await Task.sleep(for: .milliseconds(latency)) }
            if let fault = faults.take(method: simRequest.method, path: logged) {
                if fault.drop {
                    if fault.after { _ = await service.handle(simRequest, baseURL: base) }
                    log.append(simRequest.method, logged, 0)
                    if let stateFile = options.stateFile { await Self.save(service, to: stateFile) }
                    context.channel.close(promise: nil)
                    throw DroppedConnection()
                }
                let status = fault.status ?? 503
                log.append(simRequest.method, logged, status)
                return Self.http(.json(status, ["message": "Simulated fault (\(status))", "documentation_url": "https://docs.github.com/rest"], headers: fault.headers))
            }
            let response = await service.handle(simRequest, baseURL: base)
            log.append(simRequest.method, logged, response.status)
            if simRequest.method != "GET", (200..<300).contains(response.status), let stateFile = options.stateFile {
                await Self.save(service, to: stateFile)
            }
            return Self.http(response)
        }

        let app = Application(
            responder: responder,
            configuration: .init(address: .hostname("127.0.0.1", port: options.port), serverName: nil),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                portBox.withLock { $0 = port }
                started.continuation.yield(port)
                started.continuation.finish()
            },
            logger: Logger(label: "tracker-simulator", factory: { _ in SwiftLogNoOpLogHandler() })
        )
        let task = Task { try await app.run() }
        var port = 0
        for await p in started.stream { port = p }
        return SimulatorServer(task: task, port: port)
    }

    public func stop() async {
        let t = task.withLock { t -> Task<Void, any Error>? in defer { t = nil }; return t }
        t?.cancel()
        _ = try? await t?.value
    }

    /// Serves until the task is cancelled (the executable waits on this).
    public func wait() async {
        let t = task.withLock { $0 }
        _ = try? await t?.value
    }

    static func http(_ r: SimResponse) -> Response {
        var headers = HTTPFields()
        for (name, value) in r.headers {
            if let n = HTTPField.Name(name) { headers.append(HTTPField(name: n, value: value)) }
        }
        return Response(status: .init(code: r.status), headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: r.body)))
    }

    static func parseQuery(_ query: String?) -> [(String, String)] {
        guard let query, !query.isEmpty else { return [] }
        return query.split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1).map {
                String($0).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String($0)
            }
            return (parts[0], parts.count > 1 ? parts[1] : "")
        }
    }

    static func save(_ service: any SimulatedService, to path: String) async {
        let data = await service.exportState()
        let temp = path + ".tmp-\(getpid())"
        if FileManager.default.createFile(atPath: temp, contents: data) { _ = rename(temp, path) }
    }

    static func admin(_ r: SimRequest, service: any SimulatedService, faults: FaultInjector, log: RequestLog,
                      stateFile: String?) async -> SimResponse {
        let rest = String(r.path.dropFirst("/_simulator/".count))
        switch (r.method, rest) {
        case ("GET", "items"): return await service.adminItems()
        case ("POST", "items"):
            let response = await service.adminAdd(r.body)
            if let stateFile { await save(service, to: stateFile) }
            return response
        case ("POST", "setup"):
            let response = await service.adminSetup(r.body)
            if let stateFile { await save(service, to: stateFile) }
            return response
        case ("GET", "requests"): return .json(200, log.json())
        case ("DELETE", "requests"):
            log.clear()
            return SimResponse(status: 204)
        case ("POST", "reset"):
            await service.reset()
            faults.clear()
            log.clear()
            if let stateFile { await save(service, to: stateFile) }
            return SimResponse(status: 204)
        case ("POST", "faults"):
            guard let spec = (try? JSONSerialization.jsonObject(with: r.body)) as? [String: Any] else {
                return .json(400, ["message": "expected a JSON object"])
            }
            if let latency = spec["latency_ms"] as? Int, spec["path"] == nil {
                faults.latencyMs.withLock { $0 = latency }
                return SimResponse(status: 204)
            }
            if let remaining = spec["ratelimit_remaining"] as? Int, let github = service as? GitHubService {
                await github.setRateLimitRemaining(remaining)
                return SimResponse(status: 204)
            }
            guard let pattern = spec["path"] as? String, (try? Regex(pattern)) != nil else {
                return .json(400, ["message": "a fault needs \"path\": a regular expression"])
            }
            let headers = (spec["headers"] as? [String: String] ?? [:]).map { ($0.key.lowercased(), $0.value) }
            faults.add(.init(pattern: pattern, status: spec["status"] as? Int, headers: headers,
                drop: spec["drop"] as? Bool ?? false, after: spec["after"] as? Bool ?? false,
                remaining: spec["count"] as? Int ?? 1))
            return SimResponse(status: 204)
        default:
            if rest.hasPrefix("items/") {
                let key = String(rest.dropFirst("items/".count)).removingPercentEncoding ?? ""
                let response: SimResponse
                switch r.method {
                case "PATCH": response = await service.adminPatch(key: key, r.body)
                case "DELETE": response = await service.adminDelete(key: key)
                case "GET":
                    return await service.adminItems()
                default: return .json(405, ["message": "method not allowed"])
                }
                if let stateFile { await save(service, to: stateFile) }
                return response
            }
            return .json(404, ["message": "no such admin route: \(r.method) \(r.path)"])
        }
    }
}

import Logging
