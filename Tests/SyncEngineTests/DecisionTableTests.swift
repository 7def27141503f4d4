import Foundation
import XCTest
@testable import SyncEngine

/// The decision table is checked row by row against a golden file written from the seed story (all 192 rows).
final class DecisionTableTests: XCTestCase {
    func testEveryRowMatchesTheGoldenTable() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/decide-table.txt")
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("#") }
        XCTAssertEqual(lines.count, 2 * 2 * 2 * 3 * 2 * 4)
        for line in lines {
            let halves = line.components(separatedBy: " -> ")
            let input = halves[0].split(separator: " ").map(String.init)
            let expected = halves[1].split(separator: " ").map(String.init)
            let side: (String) -> Planner.Side = { $0 == "changed" ? .changed : .unchanged }
            let result = Planner.decide(
                local: side(input[0]), remote: side(input[1]), converged: input[2] == "yes",
                mode: SyncMode(rawValue: input[3])!, dirty: input[4] == "yes",
                resolution: input[5] == "none" ? nil : ConflictChoice(rawValue: input[5])!)
            let actual = result.map { "\($0.0.rawValue) \($0.1?.rawValue ?? "-")" } ?? "nothing -"
            XCTAssertEqual(actual, expected.joined(separator: " "), "row: \(line)")
        }
    }
}
