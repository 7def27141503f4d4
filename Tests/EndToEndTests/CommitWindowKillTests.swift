import Foundation
import Testing

extension Conformance {
    /// Issue 13: the built binary killed (SIGKILL, through its debug-build hook `GIT_SYNC_WORK_ITEMS_TEST_STOP_AT`)
    /// at the journalled decision, the resolved push, the journalled commit, the index lock, the index write, the ref
    /// move, the journal's rewrite and the temp file and rename of each state file and of a pulled file, during a run
    /// that pulls, pushes and carries out a `--resolve` decision. After the kill and one more run of the same command:
    /// `git status` is clean, the index equals HEAD for every sync path, the decision is in `sync.log` and in exactly
    /// one commit trailer, an unrelated commit deletes nothing, and a further sync has nothing to do. For every
    /// tracker: the scenario changes the remote only through the harness.
    @Suite struct CommitWindowKills {
        private static let command = ["--resolve", "0001=local", "--no-input"]

        @Test(arguments: allHarnesses)
        func killedAtEveryCommitWindowThenRerunConverges(_ tracker: TrackerUnderTest) async throws {
            for window in ["journal:decision:0001", "remote:0001", "journal:commit", "index-lock", "index-write", "ref-move",
                           "journal-replace", "temp:STATE/sync.log", "rename:STATE/sync.log",
                           "temp:STATE/last-sync.json", "rename:STATE/last-sync.json"] {
                try await withHarness(tracker) { harness in try await killedRunConverges(harness, at: window) }
            }
        }

        /// Killed while writing the pulled file itself, before and after its rename.
        @Test(arguments: allHarnesses)
        func killedAtTheRenameOfAPulledFileThenRerunConverges(_ tracker: TrackerUnderTest) async throws {
            for window in ["temp:meta/work/0002-item.md", "rename:meta/work/0002-item.md"] {
                try await withHarness(tracker) { harness in try await killedRunConverges(harness, at: window) }
            }
        }

        /// A lock a running git command holds is never taken: the run stops with exit 4 before writing anything.
        @Test(arguments: allHarnesses)
        func aLiveIndexLockStopsTheRunWithExitFour(_ tracker: TrackerUnderTest) async throws {
            try await withHarness(tracker) { harness in
                let scene = try Scene(harness)
                _ = try await prepare(scene)
                try scene.repo.write(".git/index.lock", "")
                let before = try scene.repo.snapshot()

                let run = try scene.repo.sync(contentsOf: Self.command)

                #expect(run.status == 4, "\(run.output)")
                #expect(run.stderr.contains("another git process is using the index"), "\(run.stderr)")
                #expect(try scene.repo.snapshot() == before, "nothing may be written while another process holds the index")
            }
        }

        /// Two items pushed and in sync, then: 0001 changed on both sides (resolved with `--resolve 0001=local`),
        /// 0002 changed remotely (pulled), and a new remote item (pulled as 0003). Returns id → remote key.
        private func prepare(_ scene: Scene) async throws -> [String: String] {
            let keys = try await scene.establish([("0001", "Item one"), ("0002", "Item two")])
            try scene.repo.write(scene.path("0001"), workItem(id: "0001", title: "Item one", externalID: keys["0001"],
                summary: "Mine wins.", extraSections: "\n## Requirements\n\n- First requirement\n- Second requirement\n"))
            try scene.repo.commitAll("Local edit")
            try await scene.tracker.change(keys["0001"]!, RemoteFields(description: "## Summary\n\nTheirs loses.\n"))
            try await scene.tracker.change(keys["0002"]!, RemoteFields(description: "## Summary\n\nPulled from the tracker.\n"))
            try await scene.tracker.add(scene.tracker.inProject(RemoteFields(title: "Brand new remote",
                                                                             description: "## Summary\n\nNew.\n")))
            return keys
        }

        private func killedRunConverges(_ harness: any TrackerHarness, at window: String) async throws {
            let scene = try Scene(harness)
            let keys = try await prepare(scene)
            let state = ".accelerator/state/integrations/\(harness.integration)"
            let stopAt = window.replacingOccurrences(of: "STATE", with: state)

            var killing = scene.repo.environment
            killing["GIT_SYNC_WORK_ITEMS_TEST_STOP_AT"] = stopAt
            let killed = try runProcess(BuiltProducts.syncBinary, Self.command, in: scene.repo.root, environment: killing)
            // Foundation reports a signal's number as the status of a process it killed.
            #expect(killed.status == SIGKILL, "\(stopAt): the hook did not fire: \(killed.output)")

            let rerun = try scene.repo.sync(contentsOf: Self.command)
            #expect(rerun.status == 0, "\(stopAt): \(rerun.output)")

            #expect(try scene.repo.git("status", "--porcelain", "--untracked-files=all") == "", "\(stopAt)")
            #expect(try scene.repo.git("diff", "--cached", "--name-only", "HEAD", "--", "meta/work", ".accelerator/state") == "",
                    "\(stopAt): index differs from HEAD")
            let log = scene.repo.read("\(state)/sync.log") ?? ""
            #expect(log.split(separator: "\n").filter { $0.contains("\t0001\t\(keys["0001"]!)\tlocal\t") }.count == 1,
                    "\(stopAt): \(log)")
            let messages = try scene.repo.git("log", "--format=%B")
            #expect(messages.components(separatedBy: "Sync-Resolved: 0001 local").count - 1 == 1, "\(stopAt): \(messages)")
            #expect(scene.repo.read(scene.path("0002"))?.contains("Pulled from the tracker.") ?? false, "\(stopAt)")
            let body = try await scene.remoteDescription(keys["0001"]!)
            #expect(body.contains("Mine wins."), "\(stopAt): \(body)")
            #expect(scene.repo.files(under: "meta/work").count == 3, "\(stopAt): \(scene.repo.files(under: "meta/work"))")
            #expect(try await harness.items().count == 3, "\(stopAt): no remote duplicates")

            let again = try scene.repo.sync("--no-input")
            #expect(again.status == 0, "\(stopAt): \(again.output)")
            #expect(again.stdout.contains("nothing to do"), "\(stopAt): \(again.stdout)")

            try scene.repo.write("unrelated.txt", "unrelated\n")
            try scene.repo.git("add", "unrelated.txt")
            try scene.repo.git("commit", "-q", "-m", "Unrelated")
            #expect(try scene.repo.git("diff", "--name-status", "HEAD~1", "HEAD") == "A\tunrelated.txt\n",
                    "\(stopAt): an unrelated commit must delete nothing")
        }
    }
}
