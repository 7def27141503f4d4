import Foundation
import JSON
import TrackerSimulator
import XCTest

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// An in-process tracker simulator that records request and response bodies, talked to with URLSession as a
/// client would; its request log is what the vendor checkers read.
struct SimulatorSession {
    /// One answer: status and body.
    struct Answer {
        var status: Int
        var body: [UInt8]
        var json: JSONValue { (try? JSONValue(parsing: body)) ?? .null }
    }

    let server: SimulatorServer

    private static let session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.urlCache = nil
        configuration.timeoutIntervalForRequest = 20
        return URLSession(configuration: configuration)
    }()

    static func start(_ kind: SimulatedTrackerKind, token: String) async throws -> SimulatorSession {
        SimulatorSession(server: try await SimulatorServer.start(SimulatorOptions(kind: kind, token: token, recordBodies: true)))
    }

    var baseURL: String { server.baseURL }

    /// A request to the tracker API (`authorization` nil: none) or, for `/_simulator/…` paths, the admin API.
    @discardableResult
    func send(_ method: String, _ path: String, _ body: JSONValue? = nil, authorization: String?) async throws -> Answer {
        var request = URLRequest(url: try XCTUnwrap(URL(string: baseURL + path)))
        request.httpMethod = method
        if let authorization { request.setValue(authorization, forHTTPHeaderField: "Authorization") }
        if let body {
            request.httpBody = Data(body.encoded())
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let (data, response) = try await Self.session.data(for: request)
        return Answer(status: try XCTUnwrap(response as? HTTPURLResponse).statusCode, body: Array(data))
    }

    /// Every exchange so far, with bodies, as the simulator's request log gives them to the checkers.
    func exchanges() async throws -> (count: Int, bytes: [UInt8]) {
        let log = try await send("GET", "/_simulator/requests?bodies=1", authorization: nil)
        XCTAssertEqual(log.status, 200)
        return (log.json.array?.count ?? 0, log.body)
    }

    func stop() async { await server.stop() }
}
