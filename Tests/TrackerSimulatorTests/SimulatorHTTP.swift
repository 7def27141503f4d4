import Foundation
import TrackerSimulator
import XCTest

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One answer, read the way a client would.
struct HTTPAnswer {
    var status: Int
    /// Lower-cased names.
    var headers: [String: String]
    var body: Data

    var json: Any? { body.isEmpty ? nil : try? JSONSerialization.jsonObject(with: body) }
    var object: [String: Any] { json as? [String: Any] ?? [:] }
    var array: [[String: Any]] { json as? [[String: Any]] ?? [] }

    /// `link` entries by relation, in header order.
    var links: [(rel: String, url: String)] {
        guard let header = headers["link"] else { return [] }
        return header.components(separatedBy: ", ").compactMap { part in
            let pieces = part.components(separatedBy: "; ")
            guard pieces.count == 2, pieces[0].hasPrefix("<"), pieces[0].hasSuffix(">"), pieces[1].hasPrefix("rel=\"") else {
                return nil
            }
            return (String(pieces[1].dropFirst(5).dropLast()), String(pieces[0].dropFirst().dropLast()))
        }
    }

    func link(_ rel: String) -> String? { links.first { $0.rel == rel }?.url }
}

/// Talks to a simulator with plain URLSession (never the project's client), without any response cache so
/// that a 304 arrives as a 304.
struct SimulatorHTTP {
    let baseURL: String
    let token: String

    private static let session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.timeoutIntervalForRequest = 20
        return URLSession(configuration: configuration)
    }()

    /// A tracker request with `Authorization: Bearer <token>` unless `authorization` says otherwise.
    @discardableResult
    func api(_ method: String, _ path: String, _ body: Any? = nil, authorization: String?? = .none,
             headers: [String: String] = [:]) async throws -> HTTPAnswer {
        let auth: String? = switch authorization {
        case .none: "Bearer \(token)"
        case .some(let value): value
        }
        return try await send(method, path, body: body.map(Self.encode), authorization: auth, headers: headers)
    }

    /// An admin request (no token).
    @discardableResult
    func admin(_ method: String, _ path: String, _ body: Any? = nil) async throws -> HTTPAnswer {
        try await send(method, path, body: body.map(Self.encode), authorization: nil, headers: [:])
    }

    func send(_ method: String, _ path: String, body: Data?, authorization: String?,
              headers: [String: String]) async throws -> HTTPAnswer {
        let url = try XCTUnwrap(URL(string: path.hasPrefix("http") ? path : baseURL + path))
        var request = URLRequest(url: url)
        request.httpMethod = method
        if let authorization { request.setValue(authorization, forHTTPHeaderField: "Authorization") }
        if let body {
            request.httpBody = body
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = try await Self.session.data(for: request)
        let http = try XCTUnwrap(response as? HTTPURLResponse)
        var lowered: [String: String] = [:]
        for (name, value) in http.allHeaderFields {
            lowered[String(describing: name).lowercased()] = String(describing: value)
        }
        return HTTPAnswer(status: http.statusCode, headers: lowered, body: data)
    }

    /// Adds an item through the admin API and returns its JSON (with `key`).
    @discardableResult
    func addItem(_ fields: [String: Any], repository: String = "acme/widgets") async throws -> [String: Any] {
        var fields = fields
        fields["repository"] = repository
        let answer = try await admin("POST", "/_simulator/items", fields)
        XCTAssertEqual(answer.status, 201, String(decoding: answer.body, as: UTF8.self))
        return answer.object
    }

    func requestLog() async throws -> [(method: String, path: String, status: Int)] {
        try await admin("GET", "/_simulator/requests").array.map {
            ($0["method"] as? String ?? "", $0["path"] as? String ?? "", $0["status"] as? Int ?? -1)
        }
    }

    static func encode(_ body: Any) -> Data {
        (try? JSONSerialization.data(withJSONObject: body)) ?? Data()
    }
}

/// A simulator per test, with `acme/widgets` set up.
class SimulatorTestCase: XCTestCase {
    let token = "sim-test-token"
    private(set) var server: SimulatorServer!
    private(set) var http: SimulatorHTTP!

    /// Overridden by tests that need a different start.
    var options: SimulatorOptions { SimulatorOptions(kind: .github, token: token) }

    override func setUp() async throws {
        server = try await SimulatorServer.start(options)
        http = SimulatorHTTP(baseURL: server.baseURL, token: token)
        try await http.admin("POST", "/_simulator/setup", ["repositories": ["acme/widgets"]])
    }

    override func tearDown() async throws {
        await server?.stop()
    }

    func addIssues(_ count: Int, pullRequestEvery: Int = 0) async throws {
        for i in 1...count {
            try await http.addItem(["title": "Issue \(i)", "pull_request": pullRequestEvery > 0 && i % pullRequestEvery == 0])
        }
    }

    func numbers(_ answer: HTTPAnswer) -> [Int] { answer.array.compactMap { $0["number"] as? Int } }
    func titles(_ answer: HTTPAnswer) -> [String] { answer.array.compactMap { $0["title"] as? String } }
}
