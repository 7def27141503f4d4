import Foundation
import TrackerSimulator
import TrackerTesting

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A simulator in process (GitHub unless started with `startJira` or `startLinear`), with a small client for its admin API.
final class Simulator {
    let server: SimulatorServer
    var url: String { server.baseURL }

    private init(server: SimulatorServer) { self.server = server }

    static func start(latencyMs: Int = 0) async throws -> Simulator {
        let sim = Simulator(server: try await SimulatorServer.start(SimulatorOptions(kind: .github, token: E2E.token, latencyMs: latencyMs)))
        _ = try await sim.admin("POST", "/_simulator/setup", ["repositories": ["acme/widgets"]])
        return sim
    }

    /// The Jira simulator with projects ENG and OPS, users Ana and Ben, and a user time zone that is not UTC.
    static func startJira(latencyMs: Int = 0) async throws -> Simulator {
        let sim = Simulator(server: try await SimulatorServer.start(SimulatorOptions(kind: .jira, token: E2E.token, latencyMs: latencyMs)))
        _ = try await sim.admin("POST", "/_simulator/setup", [
            "projects": [["key": "ENG", "name": "Engineering"], ["key": "OPS", "name": "Operations"]],
            "users": [["accountId": "acc-ana", "displayName": "Ana Lima", "emailAddress": "ana@example.invalid"],
                      ["accountId": "acc-ben", "displayName": "Ben Okafor", "emailAddress": "ben@example.invalid"]],
            "timeZone": "Europe/Berlin", "email": E2E.jiraEmail,
        ])
        return sim
    }

    /// The Linear simulator with teams ENG and OPS and people Ana and Ben; `seedIssues` generated issues in ENG.
    static func startLinear(latencyMs: Int = 0, seedIssues: Int = 0) async throws -> Simulator {
        let options = SimulatorOptions(kind: .linear, token: E2E.token, latencyMs: latencyMs, seedCount: seedIssues, seedProject: "ENG")
        let sim = Simulator(server: try await SimulatorServer.start(options))
        _ = try await sim.admin("POST", "/_simulator/setup", [
            "teams": [["key": "OPS", "name": "Operations"]],
            "users": [["email": "ana@example.invalid", "displayName": "Ana Lima", "name": "ana"],
                      ["email": "ben@example.invalid", "displayName": "Ben Okafor", "name": "ben"]],
        ])
        return sim
    }

    /// The Trello simulator: the board EngBoard, members simuser (the token's), ana, ben and carla; clients must send
    /// `apiKey` with the token.
    static func startTrello(apiKey: String, latencyMs: Int = 0) async throws -> Simulator {
        Simulator(server: try await SimulatorServer.start(SimulatorOptions(kind: .trello, token: E2E.token, latencyMs: latencyMs,
                                                                          apiKey: apiKey)))
    }

    func stop() async { await server.stop() }

    @discardableResult
    func addIssue(_ fields: [String: Any], repo: String = "acme/widgets") async throws -> [String: Any] {
        var body = fields
        body["repository"] = repo
        return try await admin("POST", "/_simulator/items", body) as? [String: Any] ?? [:]
    }

    func items() async throws -> [[String: Any]] {
        try await admin("GET", "/_simulator/items", nil) as? [[String: Any]] ?? []
    }

    func item(_ key: String) async throws -> [String: Any]? {
        try await items().first { $0["key"] as? String == key }
    }

    @discardableResult
    func patch(_ key: String, _ fields: [String: Any]) async throws -> [String: Any] {
        let encoded = key.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? key
        return try await admin("PATCH", "/_simulator/items/\(encoded)", fields) as? [String: Any] ?? [:]
    }

    func delete(_ key: String) async throws {
        let encoded = key.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? key
        _ = try await admin("DELETE", "/_simulator/items/\(encoded)", nil)
    }

    /// Lets simulated time pass: updated stamps, rate-limit windows and JQL dates follow; nothing sleeps.
    func advanceClock(seconds: Double) async throws {
        _ = try await admin("POST", "/_simulator/clock", ["advance_seconds": seconds])
    }

    func requests() async throws -> [(method: String, path: String, status: Int)] {
        let list = try await admin("GET", "/_simulator/requests", nil) as? [[String: Any]] ?? []
        return list.map { ($0["method"] as? String ?? "", $0["path"] as? String ?? "", $0["status"] as? Int ?? 0) }
    }

    /// Each request's parsed body, in order (kept only while the simulator records bodies: setup's `record_bodies`).
    func requestBodies() async throws -> [(path: String, body: [String: Any]?)] {
        let list = try await admin("GET", "/_simulator/requests?bodies=1", nil) as? [[String: Any]] ?? []
        return list.map { ($0["path"] as? String ?? "", $0["request_body"] as? [String: Any]) }
    }

    func clearRequests() async throws { _ = try await admin("DELETE", "/_simulator/requests", nil) }

    func fault(_ spec: [String: Any]) async throws { _ = try await admin("POST", "/_simulator/faults", spec) }

    /// Tracker requests being answered now, and the most at once since the request log was cleared.
    func inFlight() async throws -> (now: Int, most: Int) {
        let counts = try await admin("GET", "/_simulator/in-flight", nil) as? [String: Int] ?? [:]
        return (counts["now"] ?? -1, counts["most"] ?? -1)
    }

    func clearFaults() async throws { _ = try await admin("DELETE", "/_simulator/faults", nil) }

    func admin(_ method: String, _ path: String, _ body: [String: Any]?) async throws -> Any? {
        let answer = try await SimulatorAdminClient(baseURL: url).send(method, path, body)
        guard answer.succeeded else {
            throw NSError(domain: "simulator", code: answer.status,
                userInfo: [NSLocalizedDescriptionKey: "\(method) \(path): \(answer.status) \(answer.text)"])
        }
        return answer.json
    }
}
