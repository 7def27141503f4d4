import Foundation

/// Interrupts `KillScenario` for one tracker. A survey run lists every durable step the run makes (the debug build's
/// `GIT_SYNC_WORK_ITEMS_TEST_RECORD_STEPS`) and every remote write it sends; each point then starts from a fresh
/// setup, cuts the first run short (a kill at a step, a kill after a number of requests, or a fault), runs the same
/// command again normally, checks what the scenario and the repository promise, runs a third time (which must
/// have nothing to do) and makes an unrelated commit (which must delete nothing).
struct KillHarness: Sendable {
    static let stopVariable = "GIT_SYNC_WORK_ITEMS_TEST_STOP_AT"
    static let recordVariable = "GIT_SYNC_WORK_ITEMS_TEST_RECORD_STEPS"

    let tracker: TrackerUnderTest

    /// What an uninterrupted run did.
    struct Survey {
        /// The tracker's `work.integration`, which names its state folder.
        var integration: String
        /// Step names in the order the run made them.
        var steps: [String]
        /// Distinct remote writes ("METHOD path") in the order they were first sent; `creates` when the write makes
        /// an item (a create's confirmation, as Trello's, is a write of its own that may be sent again).
        var writes: [(line: String, creates: Bool)]
        /// Those of `writes` that changed an item there after the run (`isWrite` to its key).
        var updates: [String]
        var requestCount: Int
        /// The survey run is a point too: it must converge like any other.
        var convergence: Convergence
    }

    func survey() async throws -> Survey {
        try await withHarness(tracker) { harness in
            let point = try await Point(harness, interruption: .none)
            var result = Convergence(point: "\(tracker.name): \(point.interruption)")
            try await point.interruptFirstRun(into: &result)
            let requests = try await harness.requests()
            let lines = try await harness.remoteWrites()
            let keys = try await harness.items().map(\.key)
            var writes: [(line: String, creates: Bool)] = []
            for line in lines where !writes.contains(where: { $0.line == line }) {
                writes.append((line, harness.isCreate(line)))
            }
            try await point.finish(into: &result)
            let updates = writes.map(\.line).filter { line in keys.contains { harness.isWrite(line, to: $0) } }
            return Survey(integration: harness.integration, steps: point.recordedSteps(), writes: writes, updates: updates,
                          requestCount: requests.count, convergence: result)
        }
    }

    func converge(after interruption: Interruption) async throws -> Convergence {
        try await withHarness(tracker) { harness in
            let point = try await Point(harness, interruption: interruption)
            var result = Convergence(point: "\(tracker.name): \(interruption)")
            try await point.interruptFirstRun(into: &result)
            try await point.finish(into: &result)
            return result
        }
    }

    /// Every point, `concurrency` at a time (each has its own simulator and repository; a tracker whose client
    /// paces its requests spends most of a run waiting), in the order given.
    func converge(after interruptions: [Interruption], concurrency: Int = 2) async throws -> [Convergence] {
        try await withThrowingTaskGroup(of: (Int, Convergence).self) { group in
            var results: [Int: Convergence] = [:]
            var next = interruptions.startIndex
            func startNext() {
                guard next < interruptions.endIndex else { return }
                let (index, interruption) = (next, interruptions[next])
                group.addTask { (index, try await converge(after: interruption)) }
                next += 1
            }
            for _ in 0..<max(1, concurrency) { startNext() }
            while let (index, convergence) = try await group.next() {
                results[index] = convergence
                startNext()
            }
            return interruptions.indices.compactMap { results[$0] }
        }
    }

    /// One step of each kind (`KillScenario.kind`): the least by name, so the choice does not depend on the order
    /// in which concurrent writes happened to finish. In the order the survey met them.
    static func spread(of steps: [String]) -> [String] {
        let chosen = Set(Dictionary(grouping: steps, by: { KillScenario.kind(of: $0) }).values.compactMap { $0.min() })
        return steps.filter(chosen.contains)
    }
}

/// One point: a fresh scene and scenario, the interrupted run and everything after it.
private struct Point {
    let scene: Scene
    let scenario: KillScenario
    let interruption: Interruption
    /// Outside the repository, so `git status` never sees it.
    let stepFile: String

    init(_ harness: any TrackerHarness, interruption: Interruption) async throws {
        scene = try Scene(harness)
        scenario = try await KillScenario.prepare(scene)
        self.interruption = interruption
        stepFile = (scene.repo.root as NSString).deletingLastPathComponent + "/steps.txt"
    }

    var harness: any TrackerHarness { scene.tracker }

    func recordedSteps() -> [String] {
        let text = FileManager.default.contents(atPath: stepFile).map { String(decoding: $0, as: UTF8.self) } ?? ""
        return text.split(separator: "\n").map(String.init)
    }

    func interruptFirstRun(into result: inout Convergence) async throws {
        var environment = scene.repo.environment
        environment[KillHarness.recordVariable] = stepFile
        switch interruption {
        case .none:
            let run = try await scene.repo.syncOnItsOwnThread(KillScenario.command, environment: environment)
            result.expect(run.status == 0, "the uninterrupted run exited \(run.status): \(run.output)")
        case .killAt(let step):
            environment[KillHarness.stopVariable] = step
            let run = try await scene.repo.syncOnItsOwnThread(KillScenario.command, environment: environment)
            // Foundation reports a signal's number as the status of a process it killed.
            result.expect(run.status == SIGKILL, "the hook did not fire (exit \(run.status)): \(run.output)")
            result.expect(recordedSteps().last == step, "the run stopped after \(recordedSteps().last ?? "no step")")
        case .killAfterRequests(let count):
            try await harness.setLatency(ms: 40)
            let killed = try await killSync(environment: environment, afterRequests: count)
            try await harness.setLatency(ms: 0)
            result.expect(killed, "the run ended before the tracker served \(count) requests")
        case .fault(let fault):
            try await inject(fault)
            let run = try await scene.repo.syncOnItsOwnThread(KillScenario.command, environment: environment)
            try await harness.clearFaults()
            result.expect(fault.expectedExits.contains(run.status),
                          "the faulted run exited \(run.status), not \(fault.expectedExits.sorted()): \(run.output)")
            let met = try await harness.requests().contains { request in
                guard request.status == fault.fault.loggedStatus else { return false }
                switch fault.target {
                case .reads: return harness.isListOrSearch(request)
                case .write(let line, _): return harness.isRequest(request, the: line)
                }
            }
            result.expect(met, "no request met the fault")
        }
    }

    /// The same command once more, the checks, a third run and an unrelated commit.
    func finish(into result: inout Convergence) async throws {
        let rerun = try await scene.repo.syncOnItsOwnThread(KillScenario.command)
        result.expect(rerun.status == 0, "the run after it exited \(rerun.status): \(rerun.output)")
        try await scenario.check(into: &result)
        try checkRepository(into: &result)
        try await checkThirdRunHasNothingToDo(into: &result)
        try checkAnUnrelatedCommitDeletesNothing(into: &result)
    }

    private func inject(_ fault: FaultCase) async throws {
        switch (fault.target, fault.fault) {
        case (.reads, .answer(let status, let headers)):
            try await harness.failReads(status: status, count: fault.count, headers: headers, message: nil)
        case (.reads, .drop):
            throw HarnessError("the kill harness drops writes only")
        case (.write(let line, _), let injected):
            try await harness.failWrite(line, with: injected, count: fault.count)
        }
    }

    private func checkRepository(into result: inout Convergence) throws {
        let status = try scene.repo.git("status", "--porcelain", "--untracked-files=all")
        result.expect(status.isEmpty, "git status is not clean:\n\(status)")
        let staged = try scene.repo.git("diff", "--cached", "--name-only", "HEAD", "--", "meta/work", ".accelerator/state")
        result.expect(staged.isEmpty, "the index differs from HEAD for sync paths:\n\(staged)")
    }

    private func checkThirdRunHasNothingToDo(into result: inout Convergence) async throws {
        let head = try scene.repo.git("rev-parse", "HEAD")
        try await harness.clearRequests()
        let third = try await scene.repo.syncOnItsOwnThread(["--no-input"])
        result.expect(third.status == 0, "the third run exited \(third.status): \(third.output)")
        result.expect(third.stdout.contains("nothing to do"), "the third run had something to do: \(third.stdout)")
        let writes = try await harness.remoteWrites()
        result.expect(writes.isEmpty, "the third run wrote remotely: \(writes)")
        result.expect(try scene.repo.git("rev-parse", "HEAD") == head, "the third run made a commit")
    }

    private func checkAnUnrelatedCommitDeletesNothing(into result: inout Convergence) throws {
        try scene.repo.write("unrelated.txt", "unrelated\n")
        try scene.repo.git("add", "unrelated.txt")
        try scene.repo.git("commit", "-q", "-m", "Unrelated")
        let changed = try scene.repo.git("diff", "--name-status", "HEAD~1", "HEAD")
        result.expect(changed == "A\tunrelated.txt\n", "an unrelated commit changed more:\n\(changed)")
    }

    /// Starts the run and SIGKILLs it as soon as the tracker has served `count` requests. Returns false when the run
    /// ended by itself first. Polls the simulator's request log every few milliseconds (an event, not a timer: how
    /// long the run takes does not matter).
    private func killSync(environment: [String: String], afterRequests count: Int) async throws -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: BuiltProducts.syncBinary)
        process.arguments = KillScenario.command
        process.currentDirectoryURL = URL(fileURLWithPath: scene.repo.root)
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        while process.isRunning {
            if try await harness.requests().count >= count {
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
                return process.terminationReason == .uncaughtSignal
            }
            try await Task.sleep(for: .milliseconds(5))
        }
        process.waitUntilExit()
        return false
    }
}
