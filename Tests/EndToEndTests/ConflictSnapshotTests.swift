import Foundation
import TestFixtures
import XCTest

/// The conflict diff of a long real item (corpus 0051) with changes in several sections, as a person sees it
/// without colour. Set UPDATE_SNAPSHOTS=1 to rewrite the snapshot after a deliberate change, then review the diff.
final class ConflictSnapshotTests: XCTestCase {
    func testConflictDiffOfARealItemWithChangesInSeveralSections() async throws {
        let sim = try await Simulator.start()
        let repo = try ScratchRepo(testName: name)
        try repo.configure(simulator: sim.url)
        let corpus = Fixtures.corpus.appendingPathComponent("0051-sync-work-items-skill.md")
        // A never-pushed copy of the real item: drop its Jira key so the first sync creates it on the simulator.
        let original = try String(contentsOf: corpus, encoding: .utf8).replacingOccurrences(of: "external_id: PP-73\n", with: "")
        try repo.write("meta/work/0051-sync-work-items-skill.md", original)
        try repo.commitAll("a real item")
        let first = try repo.sync("--push-new=all")
        XCTAssertEqual(first.status, 0, first.stdout + first.stderr)
        let key = "acme/widgets#1"
        let pushed = try await sim.item(key)
        let remoteBody = try XCTUnwrap(pushed?["body"] as? String)
            .replacingOccurrences(of: "Implement `/sync-work-items`", with: "Build `/sync-work-items`")
            .replacingOccurrences(of: "## Open Questions\n", with: "## Open Questions\n\n- Should sync also run on a timer?\n")
        try await sim.patch(key, ["body": remoteBody, "labels": ["work-management", "integrations", "sync", "priority: high", "kind: story"]])
        let local = try XCTUnwrap(repo.read("meta/work/0051-sync-work-items-skill.md"))
            .replacingOccurrences(of: "on-demand sync skill", with: "on-demand sync command")
            .replacingOccurrences(of: "## Context\n", with: "## Context\n\nEdited locally before the sync.\n")
        try repo.write("meta/work/0051-sync-work-items-skill.md", local)
        try repo.commitAll("local edits")

        var env = repo.environment
        env["NO_COLOR"] = "1"
        let result = try runProcess(BuiltProducts.syncBinary, ["--preview"], in: repo.root, environment: env)
        XCTAssertEqual(result.status, 4, result.stdout + result.stderr)
        let snapshot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots/conflict-0051.txt")
        if ProcessInfo.processInfo.environment["UPDATE_SNAPSHOTS"] == "1" {
            try Data(result.stdout.utf8).write(to: snapshot)
        }
        let expected = try String(contentsOf: snapshot, encoding: .utf8)
        await sim.stop()
        XCTAssertEqual(result.stdout, expected)
    }
}
