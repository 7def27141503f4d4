import Foundation
import TrackerTesting
import WorkItems
import XCTest
@testable import SyncEngine

/// Safety invariants 1, 2 and 4 at every step: a run stopped right after any durable step (journal line, temp file,
/// rename, remote write, index write, ref move) and then run once more converges — no duplicates, no lost edits,
/// every decision logged and trailed once, `git status` clean, index equal to HEAD for every sync path, and an
/// unrelated commit afterwards deletes nothing.
final class InterruptionTests: XCTestCase {
    /// One sync to interrupt: how to set it up (on a fresh sandbox every time), its options, and what it must
    /// end with.
    struct Scenario {
        var name: String
        var prepare: (EngineSandbox) async throws -> Void
        var options: @Sendable (inout SyncOptions) -> Void = { _ in }
        var check: (EngineSandbox) throws -> Void
    }

    func testAPullConvergesFromEveryStep() async throws {
        let points = try await interruptEverywhere(Scenario(name: "pull", prepare: { sandbox in
            try await Self.establish(sandbox, titles: ["Tracked"])
            sandbox.tracker.edit("FAKE-1") { $0.description = "## Summary\n\nEdited remotely.\n" }
            sandbox.tracker.add(EngineSandbox.content("Brand new remote"))
        }, check: { sandbox in
            XCTAssertEqual(sandbox.tracker.items.count, 2, "no remote item may be created by a pull")
            XCTAssertEqual(sandbox.tracker.writes.count, 1, "only the push that established the item")
            XCTAssertEqual(sandbox.keysByFile(), ["0001-tracked.md": "FAKE-1", "0002-brand-new-remote.md": "FAKE-2"])
            XCTAssertTrue(sandbox.read("meta/work/0001-tracked.md")?.contains("Edited remotely.") ?? false)
        }))
        XCTAssertGreaterThanOrEqual(points, 12)
        print("interruption points, pull: \(points)")
    }

    func testAPushConvergesFromEveryStep() async throws {
        let points = try await interruptEverywhere(Scenario(name: "push", prepare: { sandbox in
            try await Self.establish(sandbox, titles: ["Tracked"])
            try sandbox.write("meta/work/0001-tracked.md",
                EngineSandbox.workItem(id: "0001", title: "Tracked", key: "FAKE-1", summary: "Edited locally."))
            try sandbox.commitAll("Local edit")
        }, check: { sandbox in
            XCTAssertEqual(sandbox.tracker.items.count, 1)
            XCTAssertTrue(sandbox.tracker.item("FAKE-1")?.content.description.contains("Edited locally.") ?? false,
                "the local edit must reach the tracker")
            XCTAssertTrue(sandbox.read("meta/work/0001-tracked.md")?.contains("Edited locally.") ?? false)
        }))
        XCTAssertGreaterThanOrEqual(points, 8)
        print("interruption points, push: \(points)")
    }

    func testACreateConvergesFromEveryStep() async throws {
        let points = try await interruptEverywhere(Scenario(name: "create", prepare: { sandbox in
            try sandbox.addItem(id: "0001", title: "Never pushed")
            try sandbox.commitAll("Local item")
        }, options: { $0.pushNew = .all }, check: { sandbox in
            XCTAssertEqual(sandbox.tracker.items.map(\.content.title), ["Never pushed"], "created exactly once")
            XCTAssertEqual(sandbox.keysByFile(), ["0001-never-pushed.md": "FAKE-1"])
        }))
        XCTAssertGreaterThanOrEqual(points, 10)
        print("interruption points, create: \(points)")
    }

    func testConflictResolutionsConvergeFromEveryStepAndAreRecordedOnce() async throws {
        let points = try await interruptEverywhere(Scenario(name: "resolve", prepare: { sandbox in
            try await Self.establish(sandbox, titles: ["Keep mine", "Take theirs"])
            try sandbox.write("meta/work/0001-keep-mine.md",
                EngineSandbox.workItem(id: "0001", title: "Keep mine", key: "FAKE-1", summary: "Mine wins."))
            try sandbox.write("meta/work/0002-take-theirs.md",
                EngineSandbox.workItem(id: "0002", title: "Take theirs", key: "FAKE-2", summary: "Mine loses."))
            try sandbox.commitAll("Local edits")
            sandbox.tracker.edit("FAKE-1") { $0.description = "## Summary\n\nTheirs loses.\n" }
            sandbox.tracker.edit("FAKE-2") { $0.description = "## Summary\n\nTheirs wins.\n" }
        }, options: { $0.resolutions = ["0001": .local, "0002": .remote] }, check: { sandbox in
            XCTAssertTrue(sandbox.tracker.item("FAKE-1")?.content.description.contains("Mine wins.") ?? false)
            XCTAssertTrue(sandbox.read("meta/work/0001-keep-mine.md")?.contains("Mine wins.") ?? false)
            XCTAssertTrue(sandbox.tracker.item("FAKE-2")?.content.description.contains("Theirs wins.") ?? false)
            XCTAssertTrue(sandbox.read("meta/work/0002-take-theirs.md")?.contains("Theirs wins.") ?? false)
            let log = sandbox.read(sandbox.logPath) ?? ""
            let lines = log.split(separator: "\n").map { $0.split(separator: "\t").map(String.init) }
            XCTAssertEqual(lines.map { [$0[1], $0[2], $0[3]] }.sorted { $0[0] < $1[0] },
                [["0001", "FAKE-1", "local"], ["0002", "FAKE-2", "remote"]], log)
            let messages = try sandbox.git("log", "--format=%B")
            XCTAssertEqual(messages.components(separatedBy: "Sync-Resolved: 0001 local").count - 1, 1, messages)
            XCTAssertEqual(messages.components(separatedBy: "Sync-Resolved: 0002 remote").count - 1, 1, messages)
            XCTAssertEqual(try sandbox.git("log", "--format=%H", "--", sandbox.logPath).split(separator: "\n").count, 1,
                "sync.log is committed once, by the commit that carries the trailers")
        }))
        XCTAssertGreaterThanOrEqual(points, 14)
        print("interruption points, conflict resolution: \(points)")
    }

    /// A user's own staged change (to a work item too) survives a run stopped at the index write and the run after.
    func testAUsersStagedChangesSurviveAnInterruptedCommit() async throws {
        for stopAfter in ["index-write", "index-lock", "ref-move"] {
            let sandbox = try EngineSandbox()
            try await Self.establish(sandbox, titles: ["Tracked", "Staged by me"])
            sandbox.tracker.edit("FAKE-1") { $0.description = "## Summary\n\nEdited remotely.\n" }
            try sandbox.write("notes.txt", "mine\n")
            try sandbox.write("meta/work/0002-staged-by-me.md",
                EngineSandbox.workItem(id: "0002", title: "Staged by me", key: "FAKE-2", summary: "Staged, not committed."))
            try sandbox.git("add", "notes.txt", "meta/work/0002-staged-by-me.md")
            let stopper = StepStopper(stopAfter: stopAfter)
            _ = try? await SyncSession.run(sandbox.options(), environment: sandbox.environment(observe: stopper.observe))
            XCTAssertEqual(stopper.steps.last?.description, stopAfter)

            let report = try await sandbox.sync()

            XCTAssertEqual(report.exitCode, 0, stopAfter)
            XCTAssertTrue(try sandbox.git("show", ":meta/work/0002-staged-by-me.md").contains("Staged, not committed."), stopAfter)
            XCTAssertEqual(try sandbox.statusLines(), ["M  meta/work/0002-staged-by-me.md", "A  notes.txt"], stopAfter)
            XCTAssertTrue(try sandbox.git("show", "HEAD:meta/work/0001-tracked.md").contains("Edited remotely."), stopAfter)
        }
    }

    /// A create whose answer was lost is found by its marker, never sent twice.
    func testADroppedCreateAnswerIsAdoptedNotRepeated() async throws {
        let sandbox = try EngineSandbox()
        try sandbox.addItem(id: "0001", title: "Sent once")
        try sandbox.commitAll("Local item")
        sandbox.tracker.inject(.init(.create, .outcomeUnknown("connection lost after sending"), afterApplying: true))

        let first = try await sandbox.sync { $0.pushNew = .all }
        XCTAssertEqual(first.exitCode, 71)
        let second = try await sandbox.sync { $0.pushNew = .all }

        XCTAssertEqual(second.exitCode, 0)
        XCTAssertEqual(sandbox.tracker.items.count, 1)
        XCTAssertEqual(sandbox.tracker.writes.filter { $0.operation == .create }.count, 1)
        XCTAssertEqual(sandbox.keysByFile(), ["0001-sent-once.md": "FAKE-1"])
        XCTAssertEqual(try sandbox.statusLines(), [])
    }

    // MARK: The harness

    /// Runs the scenario once to count its steps, then for every k: a fresh sandbox, a run stopped after step k,
    /// one normal run, and the checks. Returns the number of steps.
    private func interruptEverywhere(_ scenario: Scenario, file: StaticString = #filePath, line: UInt = #line)
        async throws -> Int
    {
        let reference = try EngineSandbox()
        try await scenario.prepare(reference)
        let counter = StepStopper()
        let uninterrupted = try await SyncSession.run(reference.options(scenario.options),
            environment: reference.environment(observe: counter.observe))
        XCTAssertEqual(uninterrupted.exitCode, 0, "\(scenario.name), uninterrupted", file: file, line: line)
        try await checkConverged(reference, scenario, label: "\(scenario.name), uninterrupted", file: file, line: line)
        let steps = counter.steps
        XCTAssertEqual(steps.filter { if case .commit = $0 { return true } else { return false } }.count, 3,
            "\(scenario.name): \(steps)", file: file, line: line)

        for k in 1...steps.count {
            let label = "\(scenario.name), stopped after step \(k) of \(steps.count) (\(steps[k - 1]))"
            let sandbox = try EngineSandbox()
            try await scenario.prepare(sandbox)
            let stopper = StepStopper(stopAt: k)
            do {
                _ = try await SyncSession.run(sandbox.options(scenario.options), environment: sandbox.environment(observe: stopper.observe))
                XCTFail("\(label): the run did not stop", file: file, line: line)
            } catch {
                XCTAssertEqual(error.exitCode, StepStopper.exitCode, "\(label): \(error.message)", file: file, line: line)
            }
            XCTAssertEqual(stopper.steps, Array(steps.prefix(k)), "\(label): the run took another path", file: file, line: line)

            let rerun = try await SyncSession.run(sandbox.options(scenario.options), environment: sandbox.environment())
            XCTAssertEqual(rerun.exitCode, 0, "\(label): \(rerun.outcomes.map { "\($0.id) \($0.state) \($0.message ?? "")" })",
                file: file, line: line)
            try await checkConverged(sandbox, scenario, label: label, file: file, line: line)
        }
        return steps.count
    }

    private func checkConverged(_ sandbox: EngineSandbox, _ scenario: Scenario, label: String, file: StaticString, line: UInt)
        async throws
    {
        XCTAssertEqual(try sandbox.statusLines(), [], "\(label): git status", file: file, line: line)
        XCTAssertEqual(try sandbox.stagedSyncPaths(), [], "\(label): index differs from HEAD", file: file, line: line)
        let keys = Array(sandbox.keysByFile().values)
        XCTAssertEqual(keys.count, Set(keys).count, "\(label): a key in two files: \(sandbox.keysByFile())", file: file, line: line)
        let titles = sandbox.tracker.items.map(\.content.title)
        XCTAssertEqual(titles.count, Set(titles).count, "\(label): duplicate remote items \(titles)", file: file, line: line)
        try scenario.check(sandbox)

        let writes = sandbox.tracker.writes.count
        let again = try await SyncSession.run(sandbox.options(scenario.options), environment: sandbox.environment())
        XCTAssertEqual(again.exitCode, 0, label, file: file, line: line)
        XCTAssertNil(again.commit, "\(label): a third run still had something to commit", file: file, line: line)
        XCTAssertEqual(sandbox.tracker.writes.count, writes, "\(label): a third run wrote remotely", file: file, line: line)

        try sandbox.write("unrelated.txt", "unrelated\n")
        try sandbox.git("add", "unrelated.txt")
        try sandbox.git("commit", "-q", "-m", "Unrelated")
        XCTAssertEqual(try sandbox.git("diff", "--name-status", "HEAD~1", "HEAD"), "A\tunrelated.txt\n",
            "\(label): an unrelated commit must change nothing else", file: file, line: line)
    }

    /// Pushes new local items with these titles (ids 0001…) so both sides and the baseline agree.
    static func establish(_ sandbox: EngineSandbox, titles: [String]) async throws {
        for (index, title) in titles.enumerated() {
            try sandbox.addItem(id: String(format: "%04d", index + 1), title: title)
        }
        try sandbox.commitAll("Work items")
        let report = try await SyncSession.run(sandbox.options { $0.pushNew = .all }, environment: sandbox.environment())
        XCTAssertEqual(report.exitCode, 0)
        sandbox.clock.advance(by: 600)
    }
}
