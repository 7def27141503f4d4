import Foundation

/// `/_simulator/…`: the same admin routes and the same neutral item shape for every simulated tracker
/// (documented in `AdminAPIReference`, which `tracker-simulator --help` prints). No token; loopback only.
struct AdminAPI: Sendable {
    static let prefix = "/_simulator/"

    let tracker: any SimulatedTracker
    let faults: FaultInjector
    let log: RequestLog
    let inFlight: InFlightCount
    let stateFile: StateFile?

    func handle(_ request: SimRequest, baseURL: String) async -> SimResponse {
        let route = String(request.path.dropFirst(Self.prefix.count))
        switch (request.method, route) {
        case ("GET", "items"):
            return await tracker.adminListItems(baseURL: baseURL)
        case ("POST", "items"):
            return await changing(tracker.adminAddItem(request.body, baseURL: baseURL))
        case ("POST", "setup"):
            if let record = JSONScalar.boolean(Self.object(request.body)?["record_bodies"]) { log.setRecordsBodies(record) }
            return await changing(tracker.adminSetup(request.body))
        case ("GET", "requests"):
            let bodies = request.query.contains { $0.name == "bodies" && !["", "0", "false"].contains($0.value) }
            return .json(200, log.json(bodies: bodies))
        case ("DELETE", "requests"):
            log.clear()
            inFlight.restart()
            return .empty(204)
        case ("GET", "in-flight"):
            let counts = inFlight.counts
            return .json(200, ["now": counts.now, "most": counts.most])
        case ("POST", "faults"):
            return await addFaults(request.body)
        case ("DELETE", "faults"):
            faults.clearFaults()
            return .empty(204)
        case ("GET", "clock"):
            return Self.clockAnswer(await tracker.clock(nil))
        case ("POST", "clock"):
            return await moveClock(request.body)
        case ("POST", "reset"):
            await tracker.reset()
            faults.reset()
            log.clear()
            inFlight.restart()
            return await changing(.empty(204))
        case (let method, _) where route.hasPrefix("items/"):
            let encoded = route.dropFirst("items/".count)
            let key = encoded.removingPercentEncoding ?? String(encoded)
            switch method {
            case "PATCH": return await changing(tracker.adminChangeItem(key: key, request.body, baseURL: baseURL))
            case "DELETE": return await changing(tracker.adminDeleteItem(key: key))
            default: return Self.error(405, "\(method) is not allowed on \(request.path)")
            }
        default:
            return Self.error(404, "no admin route \(request.method) \(request.path)")
        }
    }

    /// Saves the state file (when there is one) before the answer goes out, so an answer always means "on disk".
    private func changing(_ response: SimResponse) async -> SimResponse {
        await stateFile?.persist(tracker)
        return response
    }

    private static func object(_ body: Data) -> [String: Any]? {
        (try? JSONSerialization.jsonObject(with: body)) as? [String: Any]
    }

    private func addFaults(_ body: Data) async -> SimResponse {
        guard let spec = Self.object(body) else {
            return Self.error(400, "expected a JSON object")
        }
        if let latency = spec["latency_ms"] as? Int { faults.setLatency(latency) }
        if let remaining = spec["ratelimit_remaining"] as? Int {
            await tracker.setRequestBudget(remaining: remaining, resetInSeconds: spec["ratelimit_reset_seconds"] as? Int)
        }
        guard let pattern = spec["path"] else {
            let understood = spec["latency_ms"] is Int || spec["ratelimit_remaining"] is Int
            return understood ? .empty(204)
                : Self.error(400, "a fault needs \"path\" (a regular expression), or set \"latency_ms\" or \"ratelimit_remaining\"")
        }
        guard let source = pattern as? String, FaultInjector.isValidPattern(source) else {
            return Self.error(400, "\"path\" must be a regular expression")
        }
        let count = spec["count"] as? Int ?? 1
        guard count > 0 else { return Self.error(400, "\"count\" must be at least 1") }
        let action: FaultInjector.Fault.Action
        if JSONScalar.boolean(spec["drop"]) == true {
            action = .drop(afterEffect: JSONScalar.boolean(spec["after"]) ?? false)
        } else {
            let status = spec["status"] as? Int ?? 503
            guard (100...599).contains(status) else { return Self.error(400, "\"status\" must be an HTTP status") }
            let headers = (spec["headers"] as? [String: Any] ?? [:]).map { ($0.key.lowercased(), "\($0.value)") }
            let message = spec["message"] as? String
            action = .answer(status: status, headers: headers.sorted { $0.0 < $1.0 }, message: message)
        }
        if let method = spec["method"], !(method is String) { return Self.error(400, "\"method\" must be a string") }
        if let body = spec["body"], !((body as? String).map(FaultInjector.isValidPattern) ?? false) {
            return Self.error(400, "\"body\" must be a regular expression")
        }
        faults.add(.init(pattern: source, method: (spec["method"] as? String)?.uppercased(), bodyPattern: spec["body"] as? String,
                         action: action, remaining: count))
        return .empty(204)
    }

    private func moveClock(_ body: Data) async -> SimResponse {
        let spec = Self.object(body)
        let move: ClockMove
        if let seconds = JSONScalar.number(spec?["advance_seconds"])?.doubleValue {
            move = .advance(seconds: seconds)
        } else if let text = spec?["now"] as? String, let date = Self.parseInstant(text) {
            move = .set(date)
        } else {
            return Self.error(400, "expected {\"advance_seconds\": N} or {\"now\": \"2026-11-25T10:00:00Z\"}")
        }
        let now = await tracker.clock(move)
        return await changing(Self.clockAnswer(now))
    }

    private static func clockAnswer(_ now: Date) -> SimResponse {
        .json(200, ["now": instantFormat(fractional: true).string(from: now)])
    }

    private static func parseInstant(_ text: String) -> Date? {
        instantFormat(fractional: true).date(from: text) ?? instantFormat(fractional: false).date(from: text)
    }

    private static func instantFormat(fractional: Bool) -> ISO8601DateFormatter {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = fractional ? [.withInternetDateTime, .withFractionalSeconds] : [.withInternetDateTime]
        return formatter
    }

    private static func error(_ status: Int, _ message: String) -> SimResponse {
        .json(status, ["message": message])
    }
}
