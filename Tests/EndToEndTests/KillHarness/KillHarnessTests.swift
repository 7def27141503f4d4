import Foundation
import Testing

extension Conformance {
    /// Issue 9's kill harness, with issue 13's commit windows: `KillScenario` (pull, push, create, conflicts resolved
    /// both ways and the sync commit in one run) cut short at its durable steps, after a number of requests, and by
    /// simulator faults (5xx, 429, connections dropped before and after a write took effect), then run again. Every
    /// point must converge: exit codes as promised, no duplicates, no lost edits, every decision once in `sync.log` and
    /// in one trailer, `git status` clean, the index equal to HEAD, a third run with nothing to do and an unrelated
    /// commit that deletes nothing. `make test` runs a spread that covers every kind of step and fault; `make soak`
    /// runs every step and every fault and prints the counts.
    @Suite struct KillHarnessTests {
        /// The step kinds the scenario must go through (see `KillScenario.kind`), so the spread covers each of them.
        static func requiredKinds(_ integration: String) -> Set<String> {
            let state = ".accelerator/state/integrations/\(integration)"
            return ["journal:create-intent", "journal:decision", "journal:local-write", "journal:remote-done",
                    "remote:create", "remote:update", "temp:work-item", "rename:work-item",
                    "temp:\(state)/sync.log", "rename:\(state)/sync.log",
                    "temp:\(state)/last-sync.json", "rename:\(state)/last-sync.json",
                    "journal:commit", "index-lock", "index-write", "ref-move", "journal-replace"]
        }

        /// The request count the spread kills at from outside (requests in flight, mid-read or mid-write).
        static let requestKill = 3

        /// `make test`'s share: the first step of each kind, a kill after a few requests, and a fault of each kind.
        @Test(arguments: allHarnesses)
        func aSpreadOfKillPointsAndFaultsConverges(_ tracker: TrackerUnderTest) async throws {
            let started = ContinuousClock.now
            let harness = KillHarness(tracker: tracker)
            let survey = try await harness.survey()
            try #require(survey.convergence.converged, "\(survey.convergence)")
            #expect(survey.steps.count >= 50, "the scenario has \(survey.steps.count) interruption points: \(survey.steps)")
            #expect(Set(survey.steps).count == survey.steps.count, "a step name that is not unique cannot be stopped at")
            let kinds = Set(survey.steps.map { KillScenario.kind(of: $0) })
            let required = Self.requiredKinds(survey.integration)
            #expect(required.isSubset(of: kinds), "missing: \(required.subtracting(kinds))")

            let points = KillHarness.spread(of: survey.steps).map { Interruption.killAt(step: $0) }
                + [.killAfterRequests(Self.requestKill)] + (try Self.spreadOfFaults(survey)).map { .fault($0) }
            var tally = ConvergenceTally()
            for (point, convergence) in zip(points, try await harness.converge(after: points)) {
                expectConverged(convergence, isFault: point.isFault, into: &tally)
            }
            print("kill harness (spread) \(tracker.name): \(tally) (\(ContinuousClock.now - started))")
        }

        /// Reads failing until the run gives up; an update rate limited once, its connection dropped before the
        /// effect; a create's connection dropped after the effect (its answer lost).
        static func spreadOfFaults(_ survey: KillHarness.Survey) throws -> [FaultCase] {
            let create = try #require(survey.writes.first { $0.creates }, "the scenario sends a create: \(survey.writes)")
            let update = try #require(survey.updates.first, "the scenario sends an update: \(survey.writes)")
            return [
                FaultCase(target: .reads, fault: .answer(status: 503, headers: ["retry-after": "0"]), count: FaultCase.persistent,
                          expectedExits: [70]),
                FaultCase(target: .write(update, creates: false), fault: .answer(status: 429, headers: ["retry-after": "0"]),
                          count: 1, expectedExits: [0]),
            ] + FaultCase.drops(on: update, creates: false).prefix(1) + FaultCase.drops(on: create.line, creates: true).suffix(1)
        }

        /// `make soak`: every step, a kill after every request count, and every fault on the reads and on each write.
        @Test(.enabled(if: Soak.enabled), arguments: allHarnesses)
        func soakEveryStepAndEveryFault(_ tracker: TrackerUnderTest) async throws {
            guard Soak.includes(tracker) else { return }
            let started = ContinuousClock.now
            let harness = KillHarness(tracker: tracker)
            let survey = try await harness.survey()
            try #require(survey.convergence.converged, "\(survey.convergence)")
            let points = survey.steps.map { Interruption.killAt(step: $0) }
                + (1..<max(2, survey.requestCount)).map { .killAfterRequests($0) }
                + FaultCase.all(writes: survey.writes).map { .fault($0) }
            var tally = ConvergenceTally()
            for (point, convergence) in zip(points, try await harness.converge(after: points)) {
                expectConverged(convergence, isFault: point.isFault, into: &tally)
            }
            print("kill harness \(tracker.name): \(survey.steps.count) steps, \(survey.requestCount) requests, "
                + "\(survey.writes.count) distinct writes; \(tally) (\(ContinuousClock.now - started))")
            #expect(tally.duplicates == 0 && tally.lostEdits == 0 && tally.failedPoints == 0, "\(tally)")
        }

        /// A lock a running git command holds is never taken: the run stops with exit 4 before writing anything.
        @Test(arguments: allHarnesses)
        func aLiveIndexLockStopsTheRunWithExitFour(_ tracker: TrackerUnderTest) async throws {
            try await withHarness(tracker) { harness in
                let scene = try Scene(harness)
                _ = try await KillScenario.prepare(scene)
                try scene.repo.write(".git/index.lock", "")
                let before = try scene.repo.snapshot()
                let remoteBefore = try await harness.items().map { "\($0.key) \($0.title) \($0.description)" }

                let run = try scene.repo.sync(contentsOf: KillScenario.command)

                #expect(run.status == 4, "\(run.output)")
                #expect(run.stderr.contains("another git process is using the index"), "\(run.stderr)")
                #expect(try scene.repo.snapshot() == before, "nothing may be written while another process holds the index")
                #expect(try await harness.items().map { "\($0.key) \($0.title) \($0.description)" } == remoteBefore,
                        "nothing may be sent either")
            }
        }

        private func expectConverged(_ convergence: Convergence, isFault: Bool, into tally: inout ConvergenceTally) {
            tally.add(convergence, isFault: isFault)
            #expect(convergence.converged, "\(convergence)")
        }
    }
}
