import Foundation
import XCTest

extension ScratchRepo {
    /// `work.integration: linear`, team ENG, the simulator as `linear.api_url`, the key in ACCELERATOR_LINEAR_TOKEN.
    func configureLinear(simulator: String, team: String = "ENG", extra: String = "", linearExtra: String = "") throws {
        try write(".accelerator/config.md", """
            ---
            work:
              integration: linear
              default_project_code: \(team)
            \(extra)linear:
              api_url: \(simulator)
            \(linearExtra)---
            Team configuration.

            """)
        environment["ACCELERATOR_LINEAR_TOKEN"] = E2E.token
    }
}

extension Simulator {

    /// Adds an issue as a person in Linear would, in the neutral shape; returns its key.
    @discardableResult
    func addLinearIssue(_ fields: [String: Any]) async throws -> String {
        let created = try await admin("POST", "/_simulator/items", fields) as? [String: Any]
        return try XCTUnwrap(created?["key"] as? String)
    }

    /// Operations the client ran (`query:Issues`, `mutation:IssueUpdate`, …), in order.
    func linearOperations() async throws -> [String] {
        try await requests().map { $0.path.split(separator: "#").dropFirst().first.map(String.init) ?? $0.path }
    }

    /// The mutations among them: what changed something in Linear.
    func linearWrites() async throws -> [String] {
        try await linearOperations().filter { $0.hasPrefix("mutation:") }
    }
}

/// A fresh Linear simulator and a scratch repository configured for it.
class LinearTestCase: SimulatorTestCase {
    override func startSimulator() async throws -> Simulator { try await Simulator.startLinear() }
    override func configure(_ repo: ScratchRepo, for sim: Simulator) throws { try repo.configureLinear(simulator: sim.url) }

    func editLocally(_ id: String, _ from: String, _ to: String) throws {
        let path = "meta/work/\(id)-item.md"
        let text = try XCTUnwrap(repo.read(path))
        XCTAssertTrue(text.contains(from), text)
        try repo.write(path, text.replacingOccurrences(of: from, with: to))
    }

    func externalID(_ id: String) throws -> String {
        let name = try XCTUnwrap(repo.files(under: "meta/work").first { $0.hasPrefix(id + "-") })
        return try XCTUnwrap(repo.externalID(of: "meta/work/" + name), "\(name) has no key")
    }
}
