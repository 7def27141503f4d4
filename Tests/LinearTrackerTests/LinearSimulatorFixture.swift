import Foundation
import TrackerSimulator
import TrackerTesting
import Trackers
import XCTest
@testable import LinearTracker

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A Linear simulator in process, its admin API, and clients configured for it.
class LinearClientTestCase: XCTestCase {
    let token = "lin_api_client-test-key"
    private(set) var server: SimulatorServer!

    var simulatorToken: String { token }

    override func setUp() async throws {
        server = try await SimulatorServer.start(SimulatorOptions(kind: .linear, token: simulatorToken))
        try await admin("POST", "/_simulator/setup", [
            "teams": [["key": "OPS", "name": "Operations"]],
            "users": [["email": "ana@example.com", "displayName": "Ana Lima", "name": "ana"],
                      ["email": "ben@example.com", "displayName": "Ben Okafor", "name": "ben"]],
            "record_bodies": true,
        ])
    }

    override func tearDown() async throws { await server?.stop() }

    func client(_ values: [String: String] = [:], token: String? = nil, sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }) throws -> LinearTracker {
        var all = ["work.default_project_code": "ENG", "linear.api_url": server.baseURL]
        all.merge(values) { _, new in new }
        return try LinearTracker(settings: TrackerSettings(integration: "linear", values: all, token: token ?? self.token, originURL: nil,
                                                          cacheDirectory: nil), pacer: LinearPacer(sleep: sleep), sleep: sleep)
    }

    @discardableResult
    func admin(_ method: String, _ path: String, _ body: Any? = nil) async throws -> Any? {
        let answer = try await SimulatorAdminClient(baseURL: server.baseURL).send(method, path, body)
        XCTAssertTrue(answer.succeeded, "\(method) \(path): \(answer.status) \(answer.text)")
        return answer.json
    }

    @discardableResult
    func add(_ item: [String: Any]) async throws -> [String: Any] {
        try await admin("POST", "/_simulator/items", item) as? [String: Any] ?? [:]
    }

    func items() async throws -> [[String: Any]] { try await admin("GET", "/_simulator/items") as? [[String: Any]] ?? [] }

    func item(_ key: String) async throws -> [String: Any] {
        let match = try await items().first { $0["key"] as? String == key || $0["id"] as? String == key }
        return try XCTUnwrap(match, "no issue \(key)")
    }

    /// Every request so far: operation label and, when recorded, the variables sent.
    func requests() async throws -> [(operation: String, status: Int, variables: [String: Any])] {
        let log = try await admin("GET", "/_simulator/requests?bodies=1") as? [[String: Any]] ?? []
        return log.map { entry in
            let path = entry["path"] as? String ?? ""
            let operation = path.split(separator: "#").dropFirst().first.map(String.init) ?? path
            let variables = (entry["request_body"] as? [String: Any])?["variables"] as? [String: Any] ?? [:]
            return (operation, entry["status"] as? Int ?? 0, variables)
        }
    }

    func clearRequests() async throws { try await admin("DELETE", "/_simulator/requests") }

    /// `input` of every `IssueUpdate` sent.
    func updateInputs() async throws -> [[String: Any]] {
        try await requests().filter { $0.operation == "mutation:IssueUpdate" }.compactMap { $0.variables["input"] as? [String: Any] }
    }
}
