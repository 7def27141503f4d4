import Foundation
import XCTest

extension ScratchRepo {
    /// `.accelerator/config.md` for the Trello simulator's board EngBoard; the token goes in the environment.
    func configureTrello(simulator: String, key: String, extra: String = "") throws {
        try write(".accelerator/config.md", """
            ---
            work:
              integration: trello
            \(extra)trello:
              key: \(key)
              board_id: EngBoard
              api_url: \(simulator)
            ---
            Team configuration.

            """)
        environment["ACCELERATOR_TRELLO_TOKEN"] = E2E.token
    }
}

/// A Trello simulator per test (the key `TrelloTestCase.key`), and a repository configured for its board.
class TrelloTestCase: SimulatorTestCase {
    static let key = "0123456789abcdef0123456789abcdef"

    override func startSimulator() async throws -> Simulator { try await Simulator.startTrello(apiKey: Self.key) }
    override func configure(_ repo: ScratchRepo, for sim: Simulator) throws {
        try repo.configureTrello(simulator: sim.url, key: Self.key)
    }

    /// Replaces `from` with `to` in a work item and leaves it for the caller to commit.
    func editLocally(_ id: String, _ from: String, _ to: String) throws {
        let path = "meta/work/\(id)-item.md"
        let text = try XCTUnwrap(repo.read(path))
        XCTAssertTrue(text.contains(from), "\(from) not in \(path)")
        try repo.write(path, text.replacingOccurrences(of: from, with: to))
    }

    /// A card as the admin API shows it.
    func card(_ key: String) async throws -> [String: Any] {
        let found = try await sim.item(key)
        return try XCTUnwrap(found, "no card \(key)")
    }

    /// Requests that changed something in Trello.
    func trelloWrites() async throws -> [String] {
        try await sim.requests().filter { $0.method != "GET" }.map { "\($0.method) \($0.path)" }
    }

    /// The porcelain line of item `id`.
    func porcelainLine(_ output: String, id: String) -> String? {
        output.split(separator: "\n").map(String.init).first { $0.hasPrefix(id + "\t") }
    }
}
