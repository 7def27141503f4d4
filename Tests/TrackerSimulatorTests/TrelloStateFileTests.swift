import Foundation
import TrackerSimulator
import XCTest

final class TrelloStateFileTests: XCTestCase {
    func testCardsSurviveARestartThroughTheStateFile() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("trello-state-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let options = SimulatorOptions(kind: .trello, token: "T", stateFile: path, seedDemo: true)
        let first = try await SimulatorServer.start(options)
        let http = SimulatorHTTP(baseURL: first.baseURL, token: "T")
        let before = try await http.admin("GET", "/_simulator/items").array.compactMap { $0["key"] as? String }
        XCTAssertEqual(before.count, 5, "the demo board")
        let added = try await http.admin("POST", "/_simulator/items", ["title": "After the seed"])
        await first.stop()
        let second = try await SimulatorServer.start(options)
        defer { Task { await second.stop() } }
        let after = try await SimulatorHTTP(baseURL: second.baseURL, token: "T").admin("GET", "/_simulator/items").array
        XCTAssertEqual(after.compactMap { $0["key"] as? String }.sorted(), (before + [added.object["key"] as? String ?? ""]).sorted())
        let key = try XCTUnwrap(added.object["key"] as? String)
        let changed = try await SimulatorHTTP(baseURL: second.baseURL, token: "T").admin("PATCH", "/_simulator/items/\(key)",
            ["title": "Found by its shortLink after the restart"])
        XCTAssertEqual(changed.status, 200, "the card is found by its key: the lookup indexes are rebuilt from the state file")
        let fresh = try await SimulatorServer.start(SimulatorOptions(kind: .trello, token: "T", seedCount: 25))
        let generated = try await SimulatorHTTP(baseURL: fresh.baseURL, token: "T").admin("GET", "/_simulator/items").array
        await fresh.stop()
        XCTAssertEqual(generated.count, 25)
    }
}
