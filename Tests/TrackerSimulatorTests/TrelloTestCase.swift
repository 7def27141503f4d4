import Foundation
import TrackerSimulator
import XCTest

/// A Trello simulator per test (key `K…`, token `trello-sim-token`), talked to with plain URLSession and the OAuth
/// header, as a Trello client would.
class TrelloTestCase: XCTestCase {
    let token = "trello-sim-token"
    let key = "0123456789abcdef0123456789abcdef"
    private(set) var server: SimulatorServer!
    private(set) var http: SimulatorHTTP!

    var options: SimulatorOptions { SimulatorOptions(kind: .trello, token: token, apiKey: key) }

    var oauth: String { "OAuth oauth_consumer_key=\"\(key)\", oauth_token=\"\(token)\"" }

    override func setUp() async throws {
        server = try await SimulatorServer.start(options)
        http = SimulatorHTTP(baseURL: server.baseURL, token: token)
    }

    override func tearDown() async throws {
        await server?.stop()
    }

    /// A request to `/1` + `path`, authenticated with the OAuth header; `body` goes as JSON.
    @discardableResult
    func trello(_ method: String, _ path: String, _ body: Any? = nil) async throws -> HTTPAnswer {
        try await http.api(method, "/1" + path, body, authorization: .some(oauth))
    }

    /// Sends the request and checks its status; returns the answer.
    @discardableResult
    func expect(_ status: Int, _ method: String, _ path: String, _ body: Any? = nil, _ message: String = "",
                file: StaticString = #filePath, line: UInt = #line) async throws -> HTTPAnswer {
        let answer = try await trello(method, path, body)
        XCTAssertEqual(answer.status, status, "\(method) \(path): \(answer.text) \(message)", file: file, line: line)
        return answer
    }

    /// The default board, with its lists, labels and members.
    func board() async throws -> [String: Any] {
        let answer = try await trello("GET", "/boards/EngBoard?fields=id,name,shortLink&lists=all&labels=all&members=all")
        XCTAssertEqual(answer.status, 200, answer.text)
        return answer.object
    }

    func listID(_ name: String) async throws -> String {
        let lists = try await board()["lists"] as? [[String: Any]] ?? []
        return try XCTUnwrap(lists.first { $0["name"] as? String == name }?["id"] as? String, "no list \(name)")
    }

    func memberID(_ username: String) async throws -> String {
        let members = try await board()["members"] as? [[String: Any]] ?? []
        return try XCTUnwrap(members.first { $0["username"] as? String == username }?["id"] as? String, "no member \(username)")
    }

    /// Creates a card through the API; returns it.
    @discardableResult
    func createCard(_ name: String, list: String = "To Do", extra: [String: Any] = [:]) async throws -> [String: Any] {
        var body: [String: Any] = ["name": name, "idList": try await listID(list)]
        body.merge(extra) { _, new in new }
        let answer = try await trello("POST", "/cards", body)
        XCTAssertEqual(answer.status, 200, answer.text)
        return answer.object
    }

    /// Adds a card through the admin API (as a colleague); returns its admin JSON.
    @discardableResult
    func addItem(_ item: [String: Any]) async throws -> [String: Any] {
        let answer = try await http.admin("POST", "/_simulator/items", item)
        XCTAssertEqual(answer.status, 201, answer.text)
        return answer.object
    }

    func actions(_ query: String) async throws -> [[String: Any]] {
        let board = try await self.board()
        let answer = try await trello("GET", "/boards/\(board["id"] as? String ?? "")/actions?\(query)")
        XCTAssertEqual(answer.status, 200, answer.text)
        return answer.array
    }
}
