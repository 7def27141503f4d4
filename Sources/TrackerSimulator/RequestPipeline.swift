import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Synchronization

/// What happens to every request: admin routes go straight to the admin API; tracker requests are counted in
/// flight, get the latency, then a matching fault, then the token check, then the tracker, and end up in the
/// request log.
final class RequestPipeline: Sendable {
    private let tracker: any SimulatedTracker
    private let token: String
    private let faults: FaultInjector
    private let log: RequestLog
    private let stateFile: StateFile?
    private let admin: AdminAPI
    private let inFlight = InFlightCount()
    private let baseURL = Mutex("")

    init(tracker: any SimulatedTracker, token: String, faults: FaultInjector, log: RequestLog, stateFile: StateFile?) {
        self.tracker = tracker
        self.token = token
        self.faults = faults
        self.log = log
        self.stateFile = stateFile
        admin = AdminAPI(tracker: tracker, faults: faults, log: log, inFlight: inFlight, stateFile: stateFile)
    }

    func setBaseURL(_ url: String) { baseURL.withLock { $0 = url } }

    func respond(to request: Request, context: SimulatorContext) async throws -> Response {
        let simRequest = try await Self.simRequest(request)
        let base = baseURL.withLock { $0 }
        if simRequest.path.hasPrefix(AdminAPI.prefix) {
            return Self.response(await admin.handle(simRequest, baseURL: base))
        }
        inFlight.enter()
        defer { inFlight.leave() }
        let latency = faults.latencyMs
        if latency > 0 { try await Task.sleep(for: .milliseconds(latency)) }

        let label = tracker.requestLabel(simRequest)
        switch faults.take(method: simRequest.method, label: label, body: simRequest.body) {
        case .answer(let status, let headers, let message)?:
            return Self.response(logged(simRequest, tracker.faultResponse(status: status, headers: headers, message: message)))
        case .drop(let afterEffect)?:
            if afterEffect { _ = await serve(simRequest, baseURL: base) }
            log.append(.init(method: simRequest.method, path: label, status: 0))
            context.channel.close(promise: nil)
            throw DroppedConnection()
        case nil:
            return Self.response(logged(simRequest, await serve(simRequest, baseURL: base)))
        }
    }

    private func serve(_ request: SimRequest, baseURL: String) async -> SimResponse {
        guard tracker.presentedToken(request) == token else { return tracker.unauthorizedResponse() }
        let response = await tracker.handle(request, baseURL: baseURL)
        await stateFile?.persist(tracker)
        return response
    }

    private func logged(_ request: SimRequest, _ response: SimResponse) -> SimResponse {
        log.append(.init(method: request.method, path: tracker.requestLabel(request), status: response.status,
                         requestBody: request.body, responseBody: response.body))
        return response
    }

    private static func simRequest(_ request: Request) async throws -> SimRequest {
        var request = request
        let body = try await request.collectBody(upTo: 64 * 1024 * 1024)
        var headers: [String: String] = [:]
        for field in request.headers {
            let name = field.name.canonicalName
            headers[name] = headers[name].map { $0 + ", " + field.value } ?? field.value
        }
        return SimRequest(method: request.method.rawValue, path: request.uri.path, rawQuery: request.uri.query,
                          headers: headers, body: Data(buffer: body))
    }

    private static func response(_ response: SimResponse) -> Response {
        var fields = HTTPFields()
        for (name, value) in response.headers {
            if let name = HTTPField.Name(name) { fields.append(HTTPField(name: name, value: value)) }
        }
        return Response(status: .init(code: response.status), headers: fields,
                         body: .init(byteBuffer: ByteBuffer(bytes: response.body)))
    }
}

/// Thrown after closing the connection, so no answer is written.
struct DroppedConnection: Error {}
