import Foundation
import TrackerSimulator
import XCTest

/// A Linear simulator per test, talked to with plain URLSession the way a Linear client does: `POST /graphql` with
/// the API key as the whole `Authorization` value.
class LinearTestCase: XCTestCase {
    let token = "lin_api_linear-test-key"
    private(set) var server: SimulatorServer!
    private(set) var http: SimulatorHTTP!

    /// Overridden by tests that need a different start.
    var options: SimulatorOptions { SimulatorOptions(kind: .linear, token: token) }

    override func setUp() async throws {
        server = try await SimulatorServer.start(options)
        http = SimulatorHTTP(baseURL: server.baseURL, token: token)
    }

    override func tearDown() async throws {
        await server?.stop()
    }

    /// A GraphQL request; `authorization` nil sends the key bare.
    @discardableResult
    func graphql(_ query: String, _ variables: [String: Any]? = nil, operationName: String? = nil,
                 authorization: String? = nil) async throws -> HTTPAnswer {
        var body: [String: Any] = ["query": query]
        if let variables { body["variables"] = variables }
        if let operationName { body["operationName"] = operationName }
        return try await http.api("POST", "/graphql", body, authorization: .some(authorization ?? token))
    }

    /// `data` of a successful answer (status 200, no `errors`).
    func data(_ query: String, _ variables: [String: Any]? = nil, file: StaticString = #filePath, line: UInt = #line) async throws -> [String: Any] {
        let answer = try await graphql(query, variables)
        XCTAssertEqual(answer.status, 200, String(decoding: answer.body, as: UTF8.self), file: file, line: line)
        XCTAssertNil(answer.object["errors"], String(decoding: answer.body, as: UTF8.self), file: file, line: line)
        return try XCTUnwrap(answer.object["data"] as? [String: Any], String(decoding: answer.body, as: UTF8.self), file: file, line: line)
    }

    /// The answer's `errors[].message`s.
    func messages(_ answer: HTTPAnswer) -> [String] {
        (answer.object["errors"] as? [[String: Any]] ?? []).compactMap { $0["message"] as? String }
    }

    /// The first error's `extensions`.
    func extensions(_ answer: HTTPAnswer) -> [String: Any] {
        ((answer.object["errors"] as? [[String: Any]])?.first?["extensions"] as? [String: Any]) ?? [:]
    }

    /// Adds an issue through the admin API, in the neutral shape; returns the item (with `key` and `id`).
    @discardableResult
    func addItem(_ fields: [String: Any]) async throws -> [String: Any] {
        let answer = try await http.admin("POST", "/_simulator/items", fields)
        XCTAssertEqual(answer.status, 201, String(decoding: answer.body, as: UTF8.self))
        return answer.object
    }

    func item(_ key: String) async throws -> [String: Any] {
        let items = try await http.admin("GET", "/_simulator/items").array
        return try XCTUnwrap(items.first { $0["key"] as? String == key || $0["id"] as? String == key }, "no item \(key)")
    }

    /// The id of the team with this key.
    func teamID(_ key: String = "ENG") async throws -> String {
        let teams = try await data("{ teams { nodes { id key } } }")["teams"] as? [String: Any]
        let nodes = teams?["nodes"] as? [[String: Any]] ?? []
        return try XCTUnwrap(nodes.first { $0["key"] as? String == key }?["id"] as? String, "no team \(key)")
    }

    /// Workflow state name → id for a team.
    func stateIDs(_ team: String = "ENG") async throws -> [String: String] {
        let id = try await teamID(team)
        let answer = try await data("query($id: String!) { team(id: $id) { states { nodes { id name } } } }", ["id": id])
        let nodes = ((answer["team"] as? [String: Any])?["states"] as? [String: Any])?["nodes"] as? [[String: Any]] ?? []
        return Dictionary(nodes.map { ($0["name"] as? String ?? "", $0["id"] as? String ?? "") }, uniquingKeysWith: { a, _ in a })
    }

    /// Label name → id, workspace and team labels.
    func labelIDs() async throws -> [String: String] {
        let answer = try await data("{ issueLabels(first: 250) { nodes { id name } } }")
        let nodes = (answer["issueLabels"] as? [String: Any])?["nodes"] as? [[String: Any]] ?? []
        return Dictionary(nodes.map { ($0["name"] as? String ?? "", $0["id"] as? String ?? "") }, uniquingKeysWith: { a, _ in a })
    }

    static func nodes(_ connection: Any?) -> [[String: Any]] { (connection as? [String: Any])?["nodes"] as? [[String: Any]] ?? [] }

    static func pageInfo(_ connection: Any?) -> [String: Any] { (connection as? [String: Any])?["pageInfo"] as? [String: Any] ?? [:] }
}
