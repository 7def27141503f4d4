import Foundation
import Testing

extension Conformance {
    /// The human loop (conflict prompt, push offer) driven through a real pseudo-terminal, as a person would use
    /// it, for every tracker: the prompts work on the normalised projection, so they behave the same everywhere.
    @Suite struct InteractiveScenarios {
        @Test(arguments: allHarnesses)
        func enterTakesTheRemoteDefault(_ tracker: TrackerUnderTest) async throws {
            try await withHarness(tracker) { harness in
                let scene = try Scene(harness)
                _ = try await scene.makeConflicts(["0001"])
                let t = try scene.session()
                try t.expect("-Local words for 0001.")
                try t.expect("+Remote words for 0001.")
                try t.expect("[r]emote (default")
                t.send("\n")
                #expect(t.wait() == 0, "\(t.text)")
                #expect(try scene.read(scene.path("0001")).contains("Remote words for 0001."))
                #expect(try scene.read(harness.syncLogPath).contains("\t0001\t"), "the decision is logged")
            }
        }

        @Test(arguments: allHarnesses)
        func localOverridePushesAndIsLogged(_ tracker: TrackerUnderTest) async throws {
            try await withHarness(tracker) { harness in
                let scene = try Scene(harness)
                let keys = try await scene.makeConflicts(["0001"])
                let t = try scene.session()
                try t.expect("[r]emote (default")
                t.send("l\n")
                #expect(t.wait() == 0, "\(t.text)")
                #expect(try await scene.remoteDescription(keys["0001"]!).contains("Local words for 0001."))
                let log = try scene.read(harness.syncLogPath)
                #expect(log.contains("\t0001\t\(keys["0001"]!)\tlocal\t"), "\(log)")
                #expect(try scene.repo.git("log", "-1", "--format=%B").contains("Sync-Resolved: 0001 local"))
            }
        }

        @Test(arguments: allHarnesses)
        func skipLeavesBothSidesAlone(_ tracker: TrackerUnderTest) async throws {
            try await withHarness(tracker) { harness in
                let scene = try Scene(harness)
                let keys = try await scene.makeConflicts(["0001"])
                let before = try scene.read(scene.path("0001"))
                try await harness.clearRequests()
                let t = try scene.session()
                try t.expect("[r]emote (default")
                t.send("s\n")
                #expect(t.wait() == 0, "skipping is the user's decision, like --resolve ID=skip: \(t.text)")
                #expect(try scene.read(scene.path("0001")) == before)
                #expect(try await scene.remoteDescription(keys["0001"]!).contains("Remote words for 0001."))
                #expect(try await harness.remoteWrites() == [])
            }
        }

        @Test(arguments: allHarnesses)
        func garbageIsAskedAgainThenAnswered(_ tracker: TrackerUnderTest) async throws {
            try await withHarness(tracker) { harness in
                let scene = try Scene(harness)
                _ = try await scene.makeConflicts(["0001"])
                let t = try scene.session()
                try t.expect("[r]emote (default")
                t.send("maybe\n")
                try t.expect("is not an answer")
                try t.expect("[r]emote (default")
                t.send("r\n")
                #expect(t.wait() == 0, "\(t.text)")
                #expect(try scene.read(scene.path("0001")).contains("Remote words for 0001."))
            }
        }

        @Test(arguments: allHarnesses)
        func quitMidwayKeepsTheFirstDecisionAndLeavesTheRest(_ tracker: TrackerUnderTest) async throws {
            try await withHarness(tracker) { harness in
                let scene = try Scene(harness)
                let keys = try await scene.makeConflicts(["0001", "0002"])
                let t = try scene.session()
                try t.expect("Conflict 1/2: 0001")
                t.send("l\n")
                try t.expect("Conflict 2/2: 0002")
                t.send("q\n")
                #expect(t.wait() == 4, "\(t.text)")
                #expect(try await scene.remoteDescription(keys["0001"]!).contains("Local words for 0001."))
                #expect(try scene.read(scene.path("0002")).contains("Local words for 0002."))
                #expect(try await scene.remoteDescription(keys["0002"]!).contains("Remote words for 0002."))
            }
        }

        @Test(arguments: allHarnesses)
        func ctrlCMidwayStopsCleanly(_ tracker: TrackerUnderTest) async throws {
            try await withHarness(tracker) { harness in
                let scene = try Scene(harness)
                _ = try await scene.makeConflicts(["0001", "0002"])
                let t = try scene.session()
                try t.expect("Conflict 1/2")
                t.send("r\n")
                try t.expect("Conflict 2/2")
                t.interrupt()
                #expect(t.wait() == 130, "\(t.text)")
                #expect(try scene.read(scene.path("0001")).contains("Remote words for 0001."), "a decided item stays decided")
                #expect(try scene.read(scene.path("0002")).contains("Local words for 0002."))
                #expect(try scene.repo.git("status", "--porcelain") == "", "nothing half-written")
            }
        }

        @Test(arguments: allHarnesses)
        func endOfInputStopsAsking(_ tracker: TrackerUnderTest) async throws {
            try await withHarness(tracker) { harness in
                let scene = try Scene(harness)
                _ = try await scene.makeConflicts(["0001"])
                let t = try scene.session()
                try t.expect("[r]emote (default")
                t.endInput()
                #expect(t.wait() == 4, "\(t.text)")
                #expect(try scene.read(scene.path("0001")).contains("Local words for 0001."))
            }
        }

        @Test(arguments: allHarnesses)
        func pushOfferDeclinesOneThenAcceptsTheRestAndDeclinesAllNextTime(_ tracker: TrackerUnderTest) async throws {
            try await withHarness(tracker) { harness in
                let scene = try Scene(harness)
                for n in 1...3 { try scene.repo.write("meta/work/000\(n)-new.md", workItem(id: "000\(n)", title: "New \(n)")) }
                try scene.repo.commitAll("items")
                let t = try scene.session()
                try t.expect("Push 0001 \"New 1\" to \(harness.displayName) as")
                t.send("n\n")
                try t.expect("Push 0002 \"New 2\"")
                t.send("a\n")
                #expect(t.wait() == 0, "\(t.text)")
                #expect(try await harness.items().map(\.title).sorted() == ["New 2", "New 3"])
                #expect(!(try scene.read("meta/work/0001-new.md")).contains("external_id"))
                #expect(harness.isKey(try scene.key(of: "meta/work/0003-new.md")))

                let again = try scene.session()
                try again.expect("Push 0001 \"New 1\"")
                again.send("d\n")
                #expect(again.wait() == 0, "\(again.text)")
                #expect(try await harness.items().count == 2)
            }
        }
    }
}
