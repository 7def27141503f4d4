import Foundation
import XCTest

/// "Given a sync is interrupted partway through, when the user re-runs, then it resumes safely without duplicating
/// remote-only items as local items or applying conflicting writes twice" — the process is killed for real.
final class ResumeTests: XCTestCase {
    func testKilledAtSeveralPointsThenRerunCreatesNoDuplicatesAndLosesNothing() async throws {
        for delay in [0.15, 0.5, 0.9, 1.4] {
            let sim = try await Simulator.start(latencyMs: 60)
            let repo = try ScratchRepo(testName: name)
            try repo.configure(simulator: sim.url)
            for n in 1...6 {
                let id = String(format: "%04d", n)
                try repo.write("meta/work/\(id)-local.md", workItem(id: id, title: "Local \(n)"))
            }
            try repo.commitAll("items")
            for n in 1...6 { try await sim.addIssue(["title": "Remote \(n)", "body": "## Summary\n\nRemote \(n).\n"]) }

            let args = ["--push-new=all", "--concurrency", "2"]
            killSync(repo, args: args, after: delay)
            let rerun = try repo.sync(contentsOf: args)
            XCTAssertEqual(rerun.status, 0, "delay \(delay): " + rerun.stdout + rerun.stderr)

            // Remote: exactly the six remote issues plus the six local ones, each once.
            let titles = try await sim.items().compactMap { $0["title"] as? String }.sorted()
            XCTAssertEqual(titles, ((1...6).map { "Local \($0)" } + (1...6).map { "Remote \($0)" }).sorted(), "delay \(delay)")
            // Local: each remote issue became exactly one local item, every local item has exactly one key.
            let files = repo.files(under: "meta/work")
            XCTAssertEqual(files.count, 12, "delay \(delay): \(files)")
            var keys: [String] = []
            for file in files {
                let text = repo.read("meta/work/" + file) ?? ""
                let found = text.split(separator: "\n").filter { $0.hasPrefix("external_id:") }
                XCTAssertEqual(found.count, 1, "delay \(delay): \(file)\n\(text)")
                keys += found.map(String.init)
            }
            XCTAssertEqual(Set(keys).count, 12, "delay \(delay): \(keys)")
            XCTAssertEqual(try repo.git("status", "--porcelain", "--untracked-files=all"), "", "delay \(delay)")
            let again = try repo.sync()
            XCTAssertEqual(again.status, 0)
            XCTAssertTrue(again.stdout.contains("nothing to do"), "delay \(delay): \(again.stdout)")
            await sim.stop()
        }
    }

    func testLostConnectionOnCreateIsFoundAgainNotRepeated() async throws {
        let sim = try await Simulator.start()
        let repo = try ScratchRepo(testName: name)
        try repo.configure(simulator: sim.url)
        try repo.write("meta/work/0001-local.md", workItem(id: "0001", title: "Created once"))
        try repo.commitAll("items")
        // The create reaches the tracker but the answer never comes back.
        try await sim.fault(["path": "^/repos/acme/widgets/issues$", "drop": true, "count": 1, "after": true])
        let first = try repo.sync("--push-new=all")
        XCTAssertEqual(first.status, 71, first.stdout + first.stderr)
        let second = try repo.sync("--push-new=all")
        XCTAssertEqual(second.status, 0, second.stdout + second.stderr)
        let items = try await sim.items()
        XCTAssertEqual(items.count, 1, "\(items.map { $0["title"] ?? "" })")
        XCTAssertTrue(repo.read("meta/work/0001-local.md")!.contains("external_id: acme/widgets#1"))
        await sim.stop()
    }
}
