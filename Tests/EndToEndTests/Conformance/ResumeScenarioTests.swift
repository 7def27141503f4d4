import Foundation
import Testing

extension Conformance {
    /// "Given a sync is interrupted partway through, when the user re-runs, then it resumes safely without
    /// duplicating remote-only items as local items or applying conflicting writes twice": the process is killed for
    /// real, at points counted in requests the tracker served (not in seconds, so a slow machine moves nothing).
    @Suite struct ResumeScenarios {
        static let killPoints = [1, 3, 5]

        @Test(arguments: allHarnesses)
        func killedAtSeveralPointsThenRerunCreatesNoDuplicatesAndLosesNothing(_ tracker: TrackerUnderTest) async throws {
            for point in Self.killPoints {
                try await withHarness(tracker) { harness in
                    try await killThenRerun(harness, afterRequests: point)
                }
            }
        }

        private func killThenRerun(_ harness: any TrackerHarness, afterRequests point: Int) async throws {
            let scene = try Scene(harness)
            for n in 1...6 {
                let id = String(format: "%04d", n)
                try scene.repo.write("meta/work/\(id)-local.md", workItem(id: id, title: "Local \(n)"))
            }
            try scene.repo.commitAll("items")
            for n in 1...6 {
                try await harness.add(harness.inProject(RemoteFields(title: "Remote \(n)", description: "## Summary\n\nRemote \(n).\n")))
            }
            try await harness.clearRequests()
            try await harness.setLatency(ms: 40)
            let args = ["--push-new=all", "--concurrency", "2"]
            let killed = try await killSync(scene, args: args, afterRequests: point)
            #expect(killed, "killed after \(point) requests, before the run ended")
            try await harness.setLatency(ms: 0)
            let rerun = try scene.repo.sync(contentsOf: args)
            #expect(rerun.status == 0, "point \(point): \(rerun.output)")

            // Remote: exactly the six remote items plus the six local ones, each once.
            let titles = try await harness.items().map(\.title).sorted()
            #expect(titles == ((1...6).map { "Local \($0)" } + (1...6).map { "Remote \($0)" }).sorted(), "point \(point)")
            // Local: each remote item became exactly one local item, every local item has exactly one key.
            let files = scene.repo.files(under: "meta/work")
            #expect(files.count == 12, "point \(point): \(files)")
            var keys: [String] = []
            for file in files {
                let text = scene.repo.read("meta/work/" + file) ?? ""
                let found = text.split(separator: "\n").filter { $0.hasPrefix("external_id:") }
                #expect(found.count == 1, "point \(point): \(file)\n\(text)")
                keys += found.map(String.init)
            }
            #expect(Set(keys).count == 12, "point \(point): \(keys)")
            #expect(try scene.repo.git("status", "--porcelain", "--untracked-files=all") == "", "point \(point)")
            let again = try scene.repo.sync()
            #expect(again.status == 0, "point \(point): \(again.output)")
            #expect(again.stdout.contains("nothing to do"), "point \(point): \(again.stdout)")
        }

        @Test(arguments: allHarnesses)
        func lostConnectionOnCreateIsFoundAgainNotRepeated(_ tracker: TrackerUnderTest) async throws {
            try await withHarness(tracker) { harness in
                let scene = try Scene(harness)
                try scene.repo.write("meta/work/0001-local.md", workItem(id: "0001", title: "Created once"))
                try scene.repo.commitAll("items")
                // The create reaches the tracker but the answer never comes back.
                try await harness.dropNextCreate(afterEffect: true)
                let first = try scene.repo.sync("--push-new=all")
                #expect(first.status == 71, "\(first.output)")
                let second = try scene.repo.sync("--push-new=all")
                #expect(second.status == 0, "\(second.output)")
                let items = try await harness.items()
                #expect(items.count == 1, "created once: \(items.map(\.key))")
                #expect(try scene.key(of: "meta/work/0001-local.md") == items.first?.key)
            }
        }
    }
}

/// Starts a sync with `args` and SIGKILLs it as soon as the tracker has served `count` requests. Returns false when
/// the run ended by itself first. Polls the simulator's request log every few milliseconds (an event, not a timer:
/// how long the run takes does not matter).
func killSync(_ scene: Scene, args: [String], afterRequests count: Int) async throws -> Bool {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: BuiltProducts.syncBinary)
    process.arguments = args
    process.currentDirectoryURL = URL(fileURLWithPath: scene.repo.root)
    process.environment = scene.repo.environment
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    process.standardInput = FileHandle.nullDevice
    try process.run()
    while process.isRunning {
        if try await scene.tracker.requests().count >= count {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return process.terminationReason == .uncaughtSignal
        }
        try await Task.sleep(for: .milliseconds(5))
    }
    process.waitUntilExit()
    return false
}
