import Foundation
import TrackerTesting
import Trackers
import WorkItems
import XCTest
@testable import SyncEngine

/// A run that finds everything as the last settled run left it answers from the stamp (no work item or baseline
/// read, nothing written); the full run over the same state is the oracle. Any change on either side, in the
/// settings or in the options, and any run that leaves work behind, means the full run.
final class SettledRunTests: XCTestCase {
    private func stampPath(_ sandbox: EngineSandbox) -> String { sandbox.repo + "/.git/sync-work-items/settled" }

    /// A sync with its durable steps recorded: a run answered from the stamp has none (a full no-op at least
    /// replaces the journal).
    private func observedSync(_ sandbox: EngineSandbox, _ configure: (inout SyncOptions) -> Void = { $0.pushNew = .all })
        async throws -> (report: SyncReport, steps: [SyncStep])
    {
        let stopper = StepStopper()
        let report = try await SyncSession.run(sandbox.options(configure), environment: sandbox.environment(observe: stopper.observe))
        return (report, stopper.steps)
    }

    /// A line added to the file tracking `key`, committed; returns the file's name.
    @discardableResult
    private func commitLocalEdit(in sandbox: EngineSandbox, to key: String, adding line: String) throws -> String {
        let file = try XCTUnwrap(sandbox.keysByFile().first { $0.value == key }?.key)
        try sandbox.write(sandbox.workPath + "/" + file, try XCTUnwrap(sandbox.read(sandbox.workPath + "/" + file)) + "\n\(line)\n")
        try sandbox.commitAll("edit")
        return file
    }

    /// Three items pulled, one pushed, one created, then an hour later: every kind of settled outcome.
    private func settledSandbox() async throws -> EngineSandbox {
        let sandbox = try EngineSandbox()
        for title in ["Alpha", "Beta", "Gamma"] { sandbox.tracker.add(EngineSandbox.content(title)) }
        try sandbox.addItem(id: "0100", title: "Made here")
        try sandbox.commitAll("a new item")
        let first = try await observedSync(sandbox)
        XCTAssertEqual(first.report.outcomes.map(\.action).sorted { $0.rawValue < $1.rawValue }, [.create, .new, .new, .new])
        let alpha = try XCTUnwrap(sandbox.keysByFile().first { $0.value == "FAKE-1" }?.key)
        try sandbox.write(sandbox.workPath + "/" + alpha, try XCTUnwrap(sandbox.read(sandbox.workPath + "/" + alpha))
            .replacingOccurrences(of: "Remote text.", with: "Edited here."))
        try sandbox.commitAll("a local edit")
        sandbox.clock.advance(by: 60)
        let second = try await observedSync(sandbox)
        XCTAssertEqual(second.report.outcomes.map(\.action), [.push])
        XCTAssertTrue(FileManager.default.fileExists(atPath: stampPath(sandbox)), "a run whose every item was done leaves a stamp")
        sandbox.clock.advance(by: 3600)
        return sandbox
    }

    func testASettledNoOpAnswersAsTheFullRunDoesAndWritesNothing() async throws {
        let sandbox = try await settledSandbox()
        let head = try sandbox.headID()
        let reads = sandbox.tracker.reads.count

        let settled = try await observedSync(sandbox)
        XCTAssertEqual(settled.steps, [], "answered from the stamp: nothing written, not even the journal")
        XCTAssertEqual(sandbox.tracker.reads.count, reads + 1, "one remote read")
        XCTAssertEqual(sandbox.tracker.reads.last?.trackedKeys, ["FAKE-1", "FAKE-2", "FAKE-3", "FAKE-4"])

        try FileManager.default.removeItem(atPath: stampPath(sandbox))
        let full = try await observedSync(sandbox)
        XCTAssertEqual(full.steps, [.journalReplaced], "without the stamp the full run reads everything")
        for (name, answered, oracle) in [("exit", settled.report.exitCode, full.report.exitCode),
                                         ("unchanged", Int32(settled.report.unchangedCount), Int32(full.report.unchangedCount)),
                                         ("requests", Int32(settled.report.requestCount), Int32(full.report.requestCount)),
                                         ("outcomes", Int32(settled.report.outcomes.count), Int32(full.report.outcomes.count)),
                                         ("problems", Int32(settled.report.problems.count), Int32(full.report.problems.count))] {
            XCTAssertEqual(answered, oracle, name)
        }
        XCTAssertEqual(full.report.unchangedCount, 4)
        XCTAssertNil(settled.report.commit)
        XCTAssertEqual(try sandbox.headID(), head)
        XCTAssertEqual(try sandbox.statusLines(), [])
        XCTAssertEqual(sandbox.tracker.reads.suffix(2).map { [$0.since, $0.discoverySince] }.first,
                       sandbox.tracker.reads.last.map { [$0.since, $0.discoverySince] }, "the same request both ways")

        let previewed = try await SyncSession.run(sandbox.options { $0.pushNew = .all; $0.preview = true }, environment: sandbox.environment())
        XCTAssertTrue(previewed.preview)
        XCTAssertEqual(previewed.outcomes.count, 0)
        XCTAssertEqual(previewed.unchangedCount, 4)
    }

    func testEveryChangeSinceTheStampTakesTheFullRun() async throws {
        let cases: [(name: String, change: (EngineSandbox) throws -> Void, options: (inout SyncOptions) -> Void,
                     check: (EngineSandbox, SyncReport, [SyncStep]) throws -> Void)] = [
            ("remote edit", { $0.tracker.edit("FAKE-2") { $0.title = "Beta, renamed" } }, { $0.pushNew = .all }, { sandbox, report, _ in
                XCTAssertEqual(report.outcomes.map(\.action), [.pull])
                XCTAssertEqual(report.outcomes.first?.key, "FAKE-2")
            }),
            ("new remote item", { $0.tracker.add(EngineSandbox.content("Delta")) }, { $0.pushNew = .all }, { sandbox, report, _ in
                XCTAssertEqual(report.outcomes.map(\.action), [.new])
            }),
            ("remote move", { $0.tracker.move("FAKE-3", to: "OPS") }, { $0.pushNew = .all }, { sandbox, report, _ in
                XCTAssertTrue(Set(sandbox.keysByFile().values).contains("OPS-1"), "\(sandbox.keysByFile())")
            }),
            ("committed local edit", { sandbox in
                let file = try XCTUnwrap(sandbox.keysByFile().first { $0.value == "FAKE-2" }?.key)
                try sandbox.write(sandbox.workPath + "/" + file, try XCTUnwrap(sandbox.read(sandbox.workPath + "/" + file)) + "\nMore.\n")
                try sandbox.commitAll("edit")
            }, { $0.pushNew = .all }, { sandbox, report, _ in
                XCTAssertEqual(report.outcomes.map(\.action), [.push])
                XCTAssertTrue(sandbox.tracker.item("FAKE-2")?.content.description.contains("More.") == true)
            }),
            ("uncommitted local edit", { sandbox in
                let file = try XCTUnwrap(sandbox.keysByFile().first { $0.value == "FAKE-2" }?.key)
                try sandbox.write(sandbox.workPath + "/" + file, try XCTUnwrap(sandbox.read(sandbox.workPath + "/" + file)) + "\nMore.\n")
            }, { $0.pushNew = .all }, { sandbox, report, steps in
                XCTAssertEqual(steps, [.journalReplaced], "read in full; an uncommitted edit waits for its commit")
                XCTAssertEqual(report.outcomes.count, 0)
                XCTAssertFalse(sandbox.tracker.item("FAKE-2")?.content.description.contains("More.") == true)
            }),
            ("new file not committed", { try $0.addItem(id: "0200", title: "Not committed") }, { $0.pushNew = .all }, { _, _, steps in
                XCTAssertFalse(steps.isEmpty)
            }),
            ("a label filter", { _ in }, { $0.pushNew = .all; $0.labels = ["ops"] }, { sandbox, _, steps in
                XCTAssertTrue(steps.contains(.commit(.referenceMoved)), "new filters are recorded: \(steps)")
            }),
            ("another mode", { $0.tracker.edit("FAKE-2") { $0.title = "Beta, renamed" } }, { $0.pushNew = .all; $0.mode = .pushOnly }, { _, report, _ in
                XCTAssertEqual(report.outcomes.first?.reason, .pushOnly)
            }),
            ("a setting", { sandbox in
                try sandbox.write(".accelerator/config.md", "---\nwork:\n  integration: fake\n  default_project_code: FAKE\n---\n")
                try sandbox.commitAll("narrower scope")
            }, { $0.pushNew = .all }, { sandbox, _, steps in
                XCTAssertTrue(steps.contains(.commit(.referenceMoved)), "the new scope is recorded: \(steps)")
            }),
            ("baseline edited, not committed", { sandbox in
                try sandbox.write(sandbox.baselinePath, try XCTUnwrap(sandbox.read(sandbox.baselinePath)) + "\n")
            }, { $0.pushNew = .all }, { sandbox, _, steps in
                XCTAssertTrue(steps.contains(.commit(.referenceMoved)), "the state file is committed: \(steps)")
            }),
            ("stamp damaged", { sandbox in
                let path = sandbox.repo + "/.git/sync-work-items/settled"
                let text = try String(contentsOfFile: path, encoding: .utf8)
                try text.replacingOccurrences(of: "FAKE-1\t", with: "FAKE-9\t").write(toFile: path, atomically: true, encoding: .utf8)
            }, { $0.pushNew = .all }, { _, _, steps in
                XCTAssertEqual(steps, [.journalReplaced], "read in full, still nothing to do")
            }),
        ]
        for scenario in cases {
            let sandbox = try await settledSandbox()
            try scenario.change(sandbox)
            let stopper = StepStopper()
            let report = try await SyncSession.run(sandbox.options(scenario.options), environment: sandbox.environment(observe: stopper.observe))
            XCTAssertFalse(stopper.steps.isEmpty && report.outcomes.isEmpty, "\(scenario.name): answered from the stamp")
            XCTAssertNoThrow(try scenario.check(sandbox, report, stopper.steps), scenario.name)
        }
    }

    func testRunsThatLeaveWorkBehindLeaveNoStamp() async throws {
        let sandbox = try await settledSandbox()
        let file = try commitLocalEdit(in: sandbox, to: "FAKE-2", adding: "Here.")
        sandbox.tracker.edit("FAKE-2") { $0.title = "Beta, there" }
        let conflicted = try await observedSync(sandbox)
        XCTAssertEqual(conflicted.report.outcomes.map(\.state), [.blocked])
        XCTAssertFalse(FileManager.default.fileExists(atPath: stampPath(sandbox)), "a conflict is still to settle")

        let again = try await observedSync(sandbox)
        XCTAssertEqual(again.report.outcomes.map(\.state), [.blocked], "still there, read in full")
        let id = String(file.prefix(4))
        let resolved = try await observedSync(sandbox) { $0.pushNew = .all; $0.resolutions = [id: .remote] }
        XCTAssertFalse(FileManager.default.fileExists(atPath: stampPath(sandbox)), "--resolve: the next run checks in full")
        XCTAssertEqual(resolved.report.exitCode, 0)

        try sandbox.addItem(id: "0300", title: "Kept here")
        try sandbox.commitAll("never pushed")
        let declined = try await observedSync(sandbox) { $0.pushNew = .none }
        XCTAssertFalse(declined.report.outcomes.isEmpty)
        XCTAssertFalse(FileManager.default.fileExists(atPath: stampPath(sandbox)), "an item never pushed is still to settle")
    }

    func testANoOpPreviewStampsAndAChangedOneDoesNot() async throws {
        let sandbox = try await settledSandbox()
        try FileManager.default.removeItem(atPath: stampPath(sandbox))
        let quiet = try await SyncSession.run(sandbox.options { $0.pushNew = .all; $0.preview = true }, environment: sandbox.environment())
        XCTAssertEqual(quiet.outcomes.count, 0)
        XCTAssertTrue(FileManager.default.fileExists(atPath: stampPath(sandbox)))

        sandbox.tracker.edit("FAKE-1") { $0.title = "Alpha, renamed" }
        let changed = try await SyncSession.run(sandbox.options { $0.pushNew = .all; $0.preview = true }, environment: sandbox.environment())
        XCTAssertEqual(changed.outcomes.map(\.action), [.pull])
        XCTAssertEqual(changed.outcomes.map(\.state), [.planned])
        let synced = try await observedSync(sandbox)
        XCTAssertEqual(synced.report.outcomes.map(\.action), [.pull], "the preview changed nothing")
    }

    func testARemoteChangeFoundWhileCheckingTheStampIsReadOnce() async throws {
        let sandbox = try await settledSandbox()
        sandbox.tracker.edit("FAKE-1") { $0.title = "Alpha, renamed" }
        let reads = sandbox.tracker.reads.count
        let synced = try await observedSync(sandbox)
        XCTAssertEqual(synced.report.outcomes.map(\.action), [.pull])
        XCTAssertEqual(sandbox.tracker.reads.count, reads + 1, "the full run uses the read the stamp check made")
        XCTAssertEqual(synced.report.requestCount, 1)
        XCTAssertTrue(sandbox.read(sandbox.workPath + "/" + (sandbox.keysByFile().first { $0.value == "FAKE-1" }?.key ?? ""))?
            .contains("Alpha, renamed") == true)
    }

    /// After a committed local edit the stamp check's read (sent before it looks at the local side) is the full run's:
    /// a run with changes on both sides reads once. When to send it is timing, measured by `make bench`; what this
    /// pins is that the full run's request still matches the stamp's, or the read would be made twice.
    func testAfterACommittedLocalEditTheStampChecksReadIsTheFullRuns() async throws {
        let sandbox = try await settledSandbox()
        try commitLocalEdit(in: sandbox, to: "FAKE-2", adding: "More.")
        sandbox.tracker.edit("FAKE-1") { $0.title = "Alpha, renamed" }
        let reads = sandbox.tracker.reads.count

        let synced = try await observedSync(sandbox)

        XCTAssertEqual(synced.report.outcomes.map(\.action).sorted { $0.rawValue < $1.rawValue }, [.pull, .push])
        XCTAssertEqual(sandbox.tracker.reads.count, reads + 1, "one remote read for the stamp check and the full run")
        XCTAssertEqual(sandbox.tracker.reads.last?.trackedKeys, ["FAKE-1", "FAKE-2", "FAKE-3", "FAKE-4"])
    }

    func testStatusFromTheStampIsStatusInFull() async throws {
        let sandbox = try await settledSandbox()
        let stamped = try StatusReport.compute(environment: sandbox.environment())
        try FileManager.default.removeItem(atPath: stampPath(sandbox))
        let full = try StatusReport.compute(environment: sandbox.environment())
        XCTAssertEqual(stamped.unchangedCount, full.unchangedCount)
        XCTAssertEqual(stamped.unchangedCount, 4)
        XCTAssertEqual(stamped.lastSync, full.lastSync)
        XCTAssertNotNil(stamped.lastSync)
        XCTAssertEqual(stamped.entries.count, 0)
        XCTAssertEqual(full.entries.count, 0)

        _ = try await observedSync(sandbox)
        XCTAssertTrue(FileManager.default.fileExists(atPath: stampPath(sandbox)))
        let file = try XCTUnwrap(sandbox.keysByFile().first { $0.value == "FAKE-3" }?.key)
        try sandbox.write(sandbox.workPath + "/" + file, try XCTUnwrap(sandbox.read(sandbox.workPath + "/" + file)) + "\nMore.\n")
        try sandbox.commitAll("edit")
        let edited = try StatusReport.compute(environment: sandbox.environment())
        XCTAssertEqual(edited.entries.map(\.state), [.modified])
        XCTAssertEqual(edited.unchangedCount, 3)
    }
}
