import Foundation
import TrackerSimulator
import XCTest

final class StateFileTests: XCTestCase {
    func testTheStateSurvivesARestart() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sim-state-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("state.json").path
        let options = SimulatorOptions(kind: .github, token: "T", stateFile: file)

        let first = try await SimulatorServer.start(options)
        let before = SimulatorHTTP(baseURL: first.baseURL, token: "T")
        try await before.addItem(["title": "Added by admin", "labels": ["bug"]])
        try await before.api("POST", "/repos/acme/widgets/issues", ["title": "Created through the API"])
        let closed = try await before.api("PATCH", "/repos/acme/widgets/issues/1", ["state": "closed"])
        let itemsBefore = try await before.admin("GET", "/_simulator/items").array
        await first.stop()
        XCTAssertNotNil(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file))))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        XCTAssertEqual(leftovers, ["state.json"], "atomic writes leave no temporary files")

        let second = try await SimulatorServer.start(options)
        defer { Task { await second.stop() } }
        let after = SimulatorHTTP(baseURL: second.baseURL, token: "T")
        let itemsAfter = try await after.admin("GET", "/_simulator/items").array
        XCTAssertEqual(itemsAfter.compactMap { $0["key"] as? String }, ["acme/widgets#1", "acme/widgets#2"])
        XCTAssertEqual(itemsAfter.compactMap { $0["updated_at"] as? String }, itemsBefore.compactMap { $0["updated_at"] as? String })
        XCTAssertEqual(itemsAfter.first?["state"] as? String, "closed")
        let next = try await after.api("POST", "/repos/acme/widgets/issues", ["title": "After the restart"])
        XCTAssertEqual(next.object["number"] as? Int, 3)
        XCTAssertGreaterThan(try XCTUnwrap(next.object["updated_at"] as? String), try XCTUnwrap(closed.object["updated_at"] as? String))
        await second.stop()
    }

    func testAMissingStateFileStartsEmptyAndIsCreated() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("sim-state-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: file) }
        let server = try await SimulatorServer.start(SimulatorOptions(kind: .github, token: "T", stateFile: file))
        let http = SimulatorHTTP(baseURL: server.baseURL, token: "T")
        let items = try await http.admin("GET", "/_simulator/items").array
        await server.stop()
        XCTAssertTrue(items.isEmpty)
        XCTAssertTrue(FileManager.default.fileExists(atPath: file))
    }

    func testTheSimulatedTimeSurvivesARestart() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("sim-state-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: file) }
        for kind in SimulatedTrackerKind.allCases {
            let first = try await SimulatorServer.start(SimulatorOptions(kind: kind, token: "T", stateFile: file))
            let moved = try await SimulatorHTTP(baseURL: first.baseURL, token: "T").admin("POST", "/_simulator/clock", ["now": "2031-05-01T12:00:00Z"])
            await first.stop()
            XCTAssertEqual(moved.status, 200)
            let second = try await SimulatorServer.start(SimulatorOptions(kind: kind, token: "T", stateFile: file))
            let now = try await SimulatorHTTP(baseURL: second.baseURL, token: "T").admin("GET", "/_simulator/clock")
            await second.stop()
            XCTAssertTrue((now.object["now"] as? String ?? "").hasPrefix("2031-05-01T12:0"), "\(kind): \(now.object)")
            try FileManager.default.removeItem(atPath: file)
        }
    }
}
