import Foundation
import XCTest

/// A test with a fresh simulator (GitHub unless a subclass says otherwise) and a scratch repository configured for it.
class SimulatorTestCase: XCTestCase {
    var sim: Simulator!
    var repo: ScratchRepo!

    override func setUp() async throws {
        sim = try await startSimulator()
        repo = try ScratchRepo(testName: name)
        try configure(repo, for: sim)
    }

    /// Which tracker the test runs against; subclasses for other trackers override these two.
    func startSimulator() async throws -> Simulator { try await Simulator.start() }
    func configure(_ repo: ScratchRepo, for sim: Simulator) throws { try repo.configure(simulator: sim.url) }

    /// Local items pushed by a first sync, so both sides and the baseline agree; the request log is cleared.
    /// Returns id → remote key.
    func establish(_ items: [(id: String, title: String)]) async throws -> [String: String] {
        for item in items {
            try repo.write("meta/work/\(item.id)-item.md", workItem(id: item.id, title: item.title,
                extraSections: "\n## Requirements\n\n- First requirement\n- Second requirement\n"))
        }
        try repo.commitAll("Work items")
        let first = try repo.sync("--push-new=all")
        XCTAssertEqual(first.status, 0, first.stdout + first.stderr)
        var keys: [String: String] = [:]
        for item in items {
            keys[item.id] = try XCTUnwrap(repo.externalID(of: "meta/work/\(item.id)-item.md"), "\(item.id) has no key")
        }
        try await sim.clearRequests()
        return keys
    }

    /// `count` GitHub issues ("Issue n", a summary each), then a first pull of them into a repository with one commit.
    func pullNewIssues(_ count: Int) async throws {
        for n in 1...count { _ = try await sim.addIssue(["title": "Issue \(n)", "body": "## Summary\n\nItem \(n).\n"]) }
        try repo.write("meta/work/.keep", "")
        try repo.commitAll("init")
        let first = try repo.sync("--max-pulls=1000")
        XCTAssertEqual(first.status, 0, first.stdout + first.stderr)
    }

    override func tearDown() async throws {
        await sim?.stop()
        repo = nil
    }
}
