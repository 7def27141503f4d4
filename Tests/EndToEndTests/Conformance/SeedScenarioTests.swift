import Foundation
import Testing

extension Conformance {
    /// The seed story's acceptance criteria that need no prompt, end to end: the built binary in a scratch
    /// repository against each tracker's simulator.
    @Suite struct SeedScenarios {
        /// 0001 renamed remotely, 0002 edited locally (committed), plus one untracked remote item; log cleared.
        private func changeBothSides(_ scene: Scene) async throws -> [String: String] {
            let keys = try await scene.establish([("0001", "Alpha"), ("0002", "Beta")])
            try await scene.tracker.change(keys["0001"]!, RemoteFields(title: "Alpha, renamed remotely"))
            try await scene.tracker.add(scene.tracker.inProject(RemoteFields(title: "Remote only")))
            try scene.editLocally("0002", "Something to do.", "Something else to do.")
            try scene.repo.commitAll("local edit")
            try await scene.tracker.clearRequests()
            return keys
        }

        @Test(arguments: allHarnesses)
        func withoutIntegrationItExits73AndSaysWhichKeyToSet(_ tracker: TrackerUnderTest) async throws {
            try await withHarness(tracker) { harness in
                let scene = try Scene(harness)
                let configured = try scene.read(".accelerator/config.md")
                let withoutIntegration = configured.split(separator: "\n", omittingEmptySubsequences: false)
                    .filter { !$0.contains("integration:") }.joined(separator: "\n")
                try scene.repo.write(".accelerator/config.md", withoutIntegration)
                try scene.repo.write("meta/work/0001-a.md", workItem(id: "0001", title: "A"))
                try scene.repo.commitAll("init")
                let result = try scene.repo.sync()
                #expect(result.status == 73, "\(result.output)")
                #expect(result.stderr.contains("work.integration"), "\(result.stderr)")
                #expect(result.stderr.contains(".accelerator/config.md"), "\(result.stderr)")
                #expect(result.stderr.split(separator: "\n").count == 1, "one-line error: \(result.stderr)")
            }
        }

        @Test(arguments: allHarnesses)
        func previewInEveryModeWritesNothingAnywhere(_ tracker: TrackerUnderTest) async throws {
            try await withHarness(tracker) { harness in
                let scene = try Scene(harness)
                let keys = try await scene.establish([("0001", "Alpha"), ("0002", "Beta")])
                try await harness.change(keys["0001"]!, RemoteFields(title: "Alpha, renamed remotely"))
                try await harness.add(harness.inProject(RemoteFields(title: "Brand new remote item",
                                                                     description: "## Summary\n\nFrom the tracker.\n")))
                try scene.editLocally("0002", "First requirement", "First requirement, edited locally")
                try scene.repo.write("meta/work/0003-item.md", workItem(id: "0003", title: "Never pushed"))
                try scene.repo.commitAll("local edits")
                try await harness.clearRequests()
                let before = try scene.repo.snapshot()

                for mode in [[], ["--push-only"], ["--pull-only"]] {
                    let result = try scene.repo.sync(contentsOf: ["--preview", "--porcelain"] + mode)
                    #expect(result.status == 0, "\(mode): \(result.output)")
                    let lines = result.lines
                    if mode != ["--push-only"] {
                        #expect(lines.contains("0001\tpull\tplanned\t\(keys["0001"]!)"), "\(mode): \(lines)")
                        #expect(lines.contains { line in
                            let fields = line.split(separator: "\t").map(String.init)
                            return fields.count == 4 && fields[0] == "0004" && fields[1] == "new" && harness.isKey(fields[3])
                        }, "\(mode): \(lines)")
                    }
                    if mode != ["--pull-only"] {
                        #expect(lines.contains("0002\tpush\tplanned\t\(keys["0002"]!)"), "\(mode): \(lines)")
                        #expect(lines.contains("0003\tskip\tplanned\tnot-pushed"), "\(mode): \(lines)")
                    }
                }
                #expect(try scene.repo.snapshot() == before, "preview changed the repository")
                #expect(try await harness.remoteWrites() == [], "preview wrote to the tracker")
            }
        }

        @Test(arguments: allHarnesses)
        func defaultSyncPullsPushesAddsInScopeAndUpdatesTheBaseline(_ tracker: TrackerUnderTest) async throws {
            try await withHarness(tracker) { harness in
                let scene = try Scene(harness, narrowedToProject: true)
                let keys = try await scene.establish([("0001", "Alpha"), ("0002", "Beta")])
                let baselineBefore = try scene.read(harness.baselinePath)
                try await harness.change(keys["0001"]!, RemoteFields(
                    title: "Alpha, renamed remotely", state: harness.remoteState(forLocal: "done"),
                    priority: harness.remotePriority(forLocal: "high")))
                try await harness.add(harness.inProject(RemoteFields(
                    title: "Brand new remote item", description: "## Summary\n\nFrom the tracker.\n",
                    labels: [harness.remoteLabel(forLocal: "backend")], kind: harness.remoteKind(forLocal: "bug"))))
                try await harness.add(harness.outsideProject(RemoteFields(title: "Another project's item")))
                try scene.editLocally("0002", "Second requirement", "Second requirement, sharpened")
                try scene.repo.commitAll("local edit")
                let headBefore = try scene.repo.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)

                let result = try scene.repo.sync()
                #expect(result.status == 0, "\(result.output)")

                let pulled = try scene.read(scene.path("0001"))
                #expect(pulled.contains("title: \"Alpha, renamed remotely\""), "\(pulled)")
                #expect(pulled.contains("status: done"), "\(pulled)")
                #expect(pulled.contains("priority: high"), "\(pulled)")
                #expect(pulled.contains("# 0001: Alpha, renamed remotely"), "\(pulled)")
                #expect(pulled.contains("- Second requirement"), "the body survived the round trip: \(pulled)")
                #expect(try await scene.remoteDescription(keys["0002"]!).contains("Second requirement, sharpened"))

                #expect(scene.newFiles(besides: ["0001", "0002"]) == ["0003-brand-new-remote-item.md"], "only the project's items")
                let created = try scene.read("meta/work/0003-brand-new-remote-item.md")
                #expect(harness.isKey(try scene.key(of: "meta/work/0003-brand-new-remote-item.md")))
                #expect(created.contains("kind: bug"), "\(created)")
                #expect(created.contains("## Summary\n\nFrom the tracker."), "\(created)")
                #expect(created.contains("backend"), "\(created)")

                let baselineAfter = try scene.read(harness.baselinePath)
                #expect(baselineAfter != baselineBefore)
                #expect(baselineAfter.contains("\"0003\""))
                // One ordinary commit holds exactly what the sync wrote.
                let commits = try scene.repo.git("rev-list", "--count", "\(headBefore)..HEAD")
                #expect(commits.trimmingCharacters(in: .whitespacesAndNewlines) == "1")
                let changed = Set(try scene.repo.git("show", "--name-only", "--format=", "HEAD").split(separator: "\n").map(String.init))
                #expect(changed == [scene.path("0001"), "meta/work/0003-brand-new-remote-item.md", harness.baselinePath])
                #expect(try scene.repo.git("status", "--porcelain") == "")
            }
        }

        @Test(arguments: allHarnesses)
        func secondSyncRightAfterReportsNothingAndWritesNothing(_ tracker: TrackerUnderTest) async throws {
            try await withHarness(tracker) { harness in
                let scene = try Scene(harness)
                let keys = try await scene.establish([("0001", "Alpha"), ("0002", "Beta")])
                try await harness.change(keys["0001"]!, RemoteFields(description: "## Summary\n\nChanged remotely.\n"))
                let first = try scene.repo.sync()
                #expect(first.status == 0, "\(first.output)")
                #expect(try scene.read(scene.path("0001")).contains("Changed remotely."))
                try await harness.clearRequests()
                let before = try scene.repo.snapshot()
                let again = try scene.repo.sync()
                #expect(again.status == 0, "\(again.output)")
                #expect(again.stdout.contains("nothing to do"), "\(again.stdout)")
                #expect(try scene.repo.snapshot() == before)
                #expect(try await harness.remoteWrites() == [])
            }
        }

        @Test(arguments: allHarnesses)
        func pushOnlyModifiesNoLocalFileAndPushesOnlyLocalAhead(_ tracker: TrackerUnderTest) async throws {
            try await withHarness(tracker) { harness in
                let scene = try Scene(harness)
                let keys = try await changeBothSides(scene)
                let workBefore = scene.repo.files(under: "meta/work").map { scene.repo.read("meta/work/" + $0) ?? "" }
                let result = try scene.repo.sync("--push-only", "--porcelain")
                #expect(result.status == 0, "\(result.output)")
                #expect(scene.repo.files(under: "meta/work").map { scene.repo.read("meta/work/" + $0) ?? "" } == workBefore)
                let writes = try await harness.remoteWrites()
                #expect(writes.count == 1 && harness.isWrite(writes[0], to: keys["0002"]!), "\(writes)")
                #expect(result.stdout.contains("0001\tskip\tskipped\tmode-push-only"), "\(result.stdout)")
                #expect(try await scene.remoteDescription(keys["0002"]!).contains("Something else to do."))
            }
        }

        @Test(arguments: allHarnesses)
        func pullOnlyMakesNoRemoteWrite(_ tracker: TrackerUnderTest) async throws {
            try await withHarness(tracker) { harness in
                let scene = try Scene(harness)
                _ = try await changeBothSides(scene)
                try scene.repo.write("meta/work/0005-item.md", workItem(id: "0005", title: "Local only"))
                try scene.repo.commitAll("a never-pushed item")
                let result = try scene.repo.sync("--pull-only", "--push-new=all")
                #expect(result.status == 0, "\(result.output)")
                #expect(try await harness.remoteWrites() == [])
                #expect(try scene.read(scene.path("0001")).contains("Alpha, renamed remotely"))
                #expect(scene.repo.files(under: "meta/work").contains { $0.hasSuffix("-remote-only.md") })
                #expect(!(try scene.read("meta/work/0005-item.md")).contains("external_id"))
            }
        }

        @Test(arguments: allHarnesses)
        func conflictShowsSectionDiffExitsFourAndTouchesNothing(_ tracker: TrackerUnderTest) async throws {
            try await withHarness(tracker) { harness in
                let scene = try Scene(harness)
                let keys = try await scene.establish([("0001", "Alpha")])
                try await harness.change(keys["0001"]!, RemoteFields(
                    description: "## Summary\n\nRemote summary.\n\n## Requirements\n\n- First requirement\n- Second requirement\n"))
                try scene.editLocally("0001", "Something to do.", "Local summary.")
                try scene.repo.commitAll("local edit")
                try await harness.clearRequests()
                let before = try scene.repo.snapshot()

                let result = try scene.repo.sync()
                #expect(result.status == 4, "\(result.output)")
                for expected in ["Conflicts", "## Summary", "-Local summary.", "+Remote summary.", "remote (default)"] {
                    #expect(result.stdout.contains(expected), "\(expected): \(result.stdout)")
                }
                #expect(result.stdout.contains("Requirements"), "unchanged sections are named: \(result.stdout)")
                #expect(try scene.repo.snapshot() == before)
                #expect(try await harness.remoteWrites() == [])
            }
        }

        /// A conflict waits for the user: run after run, with another item changing beside it, it is shown again,
        /// neither side of it is written, and the other item is pulled.
        @Test(arguments: allHarnesses)
        func aConflictStaysAConflictRunAfterRun(_ tracker: TrackerUnderTest) async throws {
            try await withHarness(tracker) { harness in
                let scene = try Scene(harness)
                let keys = try await scene.establish([("0001", "Alpha"), ("0002", "Beta")])
                try await harness.change(keys["0001"]!, RemoteFields(description: "## Summary\n\nRemote summary.\n"))
                try scene.editLocally("0001", "Something to do.", "Local summary.")
                try scene.repo.commitAll("local edit")

                for run in 1...3 {
                    if run == 2 { try await harness.change(keys["0002"]!, RemoteFields(title: "Beta, renamed remotely")) }
                    try await harness.clearRequests()
                    let result = try scene.repo.sync()
                    #expect(result.status == 4, "run \(run): \(result.output)")
                    #expect(result.stdout.contains("1 conflict"), "run \(run): \(result.stdout)")
                    #expect(try await harness.remoteWrites() == [], "run \(run)")
                }
                #expect(try scene.read(scene.path("0001")).contains("Local summary."))
                #expect(try await scene.remoteDescription(keys["0001"]!).contains("Remote summary."))
                #expect(try scene.read(scene.path("0002")).contains("Beta, renamed remotely"))
            }
        }

        /// Both sides changed the summary of 0001: the user picks `side`.
        private func resolveConflict(_ scene: Scene, taking side: String) async throws -> (key: String, result: RunResult) {
            let keys = try await scene.establish([("0001", "Alpha")])
            try await scene.tracker.change(keys["0001"]!, RemoteFields(description: "## Summary\n\nRemote summary.\n"))
            try scene.editLocally("0001", "Something to do.", "Local summary.")
            try scene.repo.commitAll("local edit")
            return (keys["0001"]!, try scene.repo.sync("--resolve", "0001=\(side)"))
        }

        @Test(arguments: allHarnesses)
        func conflictResolvedRemoteOverwritesTheLocalFile(_ tracker: TrackerUnderTest) async throws {
            try await withHarness(tracker) { harness in
                let scene = try Scene(harness)
                let (_, result) = try await resolveConflict(scene, taking: "remote")
                #expect(result.status == 0, "\(result.output)")
                let text = try scene.read(scene.path("0001"))
                #expect(text.contains("Remote summary."), "\(text)")
                #expect(!text.contains("Local summary."), "\(text)")
                #expect(try scene.repo.git("log", "-1", "--format=%B").contains("Sync-Resolved: 0001 remote"))
            }
        }

        @Test(arguments: allHarnesses)
        func conflictOverriddenLocalPushesAndLogsTheChoice(_ tracker: TrackerUnderTest) async throws {
            try await withHarness(tracker) { harness in
                let scene = try Scene(harness)
                let (key, result) = try await resolveConflict(scene, taking: "local")
                #expect(result.status == 0, "\(result.output)")
                #expect(try await scene.remoteDescription(key).contains("Local summary."))
                #expect(try scene.read(scene.path("0001")).contains("Local summary."))
                #expect(try scene.repo.git("log", "-1", "--format=%B").contains("Sync-Resolved: 0001 local"))
                let log = try scene.read(harness.syncLogPath)
                #expect(log.contains("0001\t\(key)\tlocal"), "\(log)")
            }
        }

        @Test(arguments: allHarnesses)
        func neverPushedItemsArePushedWithTheirFieldsAndEachSchemaKeepsItsKeyField(_ tracker: TrackerUnderTest) async throws {
            try await withHarness(tracker) { harness in
                let scene = try Scene(harness)
                try scene.repo.write("meta/work/0007-old-schema.md",
                                     workItem(id: "0007", title: "Old schema bug", kind: "bug", workItemID: "0007"))
                try scene.repo.write("meta/work/0008-new-schema.md",
                                     workItem(id: "0008", title: "New schema story", status: "in-progress", tags: ["needs design"]))
                try scene.repo.commitAll("items")
                let result = try scene.repo.sync("--push-new=all")
                #expect(result.status == 0, "\(result.output)")

                let old = try scene.read("meta/work/0007-old-schema.md")
                let oldKey = try scene.key(of: "meta/work/0007-old-schema.md")
                #expect(old.contains("work_item_id: \"\(oldKey)\"") || old.contains("work_item_id: \(oldKey)"), "\(old)")
                #expect(!old.contains("external_id"), "\(old)")
                let new = try scene.read("meta/work/0008-new-schema.md")
                let newKey = try scene.key(of: "meta/work/0008-new-schema.md")
                #expect(new.contains("external_id: \(newKey)"), "\(new)")

                let bug = try #require(try await harness.item(oldKey))
                #expect(bug.kind == harness.remoteKind(forLocal: "bug"))
                let story = try #require(try await harness.item(newKey))
                #expect(story.kind == harness.remoteKind(forLocal: "story"))
                #expect(story.labels == [harness.remoteLabel(forLocal: "needs design")])
                #expect(story.state == harness.remoteState(forLocal: "in-progress"))
                #expect(try await harness.items().map(\.title).sorted() == ["New schema story", "Old schema bug"])

                // The local status stays what the user wrote, and nothing is left to do.
                #expect(new.contains("status: in-progress"), "\(new)")
                let again = try scene.repo.sync()
                #expect(again.status == 0, "\(again.output)")
                #expect(again.stdout.contains("nothing to do"), "\(again.stdout)")
            }
        }

        @Test(arguments: allHarnesses)
        func declinedNeverPushedItemsStayUnchanged(_ tracker: TrackerUnderTest) async throws {
            try await withHarness(tracker) { harness in
                let scene = try Scene(harness)
                try scene.repo.write("meta/work/0007-x.md", workItem(id: "0007", title: "Stay local"))
                try scene.repo.commitAll("items")
                let before = try scene.read("meta/work/0007-x.md")
                let result = try scene.repo.sync("--push-new=none", "--porcelain")
                #expect(result.status == 0, "\(result.output)")
                #expect(result.stdout.contains("0007\tskip\tskipped\tnot-pushed"), "\(result.stdout)")
                #expect(try scene.read("meta/work/0007-x.md") == before)
                #expect(try scene.repo.git("status", "--porcelain") == "")
                #expect(try await harness.items().isEmpty)
            }
        }

        @Test(arguments: allHarnesses)
        func filtersNarrowWhichUntrackedItemsArePulled(_ tracker: TrackerUnderTest) async throws {
            try await withHarness(tracker) { harness in
                let scene = try Scene(harness)
                try scene.repo.write("meta/work/0001-a.md", workItem(id: "0001", title: "Local"))
                try scene.repo.commitAll("items")
                let (first, second) = (harness.people[0], harness.people[1])
                let done = harness.remoteState(forLocal: "done")
                for (title, label, person, state) in [
                    ("Bug for the first", "bug", first, nil), ("Bug for the second", "bug", second, nil),
                    ("Feature for the first", "feature", first, nil), ("Done bug for the first", "bug", first, done),
                    ("Quoted label", "bug\"OR", first, nil),
                ] as [(String, String, Person, String?)] {
                    try await harness.add(harness.inProject(RemoteFields(title: title, state: state, labels: [label],
                                                                         assignee: .some(person.remote))))
                }
                let result = try scene.repo.sync("--label", "bug", "--assignee", first.filter, "--state", "open", "--porcelain")
                #expect(result.status == 0, "\(result.output)")
                #expect(scene.newFiles(besides: ["0001"]) == ["0002-bug-for-the-first.md"])
                let pulled = try scene.read("meta/work/0002-bug-for-the-first.md")
                #expect(pulled.contains(first.local), "\(pulled)")
            }
        }

        @Test(arguments: allHarnesses)
        func projectScopeNarrowsDiscoveryAndAllLiftsIt(_ tracker: TrackerUnderTest) async throws {
            try await withHarness(tracker) { harness in
                let scene = try Scene(harness, narrowedToProject: true)
                try scene.repo.write("meta/work/0001-a.md", workItem(id: "0001", title: "Local"))
                try scene.repo.commitAll("items")
                try await harness.add(harness.inProject(RemoteFields(title: "In scope")))
                try await harness.add(harness.outsideProject(RemoteFields(title: "Out of scope")))
                let scoped = try scene.repo.sync()
                #expect(scoped.status == 0, "\(scoped.output)")
                #expect(scene.repo.files(under: "meta/work") == ["0001-a.md", "0002-in-scope.md"])
                let all = try scene.repo.sync("--all")
                #expect(all.status == 0, "\(all.output)")
                #expect(scene.repo.files(under: "meta/work") == ["0001-a.md", "0002-in-scope.md", "0003-out-of-scope.md"])
                #expect(harness.isKey(try scene.key(of: "meta/work/0003-out-of-scope.md")))
            }
        }

        @Test(arguments: allHarnesses)
        func blastRadiusGateStopsBeforeAnyWrite(_ tracker: TrackerUnderTest) async throws {
            try await withHarness(tracker) { harness in
                let scene = try Scene(harness)
                try scene.repo.write("meta/work/0001-a.md", workItem(id: "0001", title: "Local"))
                try scene.repo.commitAll("items")
                for n in 1...4 { try await harness.add(harness.inProject(RemoteFields(title: "Remote \(n)"))) }
                try await harness.clearRequests()
                let before = try scene.repo.snapshot()
                let result = try scene.repo.sync("--max-pulls", "3")
                #expect(result.status == 5, "\(result.output)")
                #expect(result.stdout.contains("--max-pulls 4"), "\(result.stdout)")
                #expect(try scene.repo.snapshot() == before)
                #expect(try await harness.remoteWrites() == [])
            }
        }

        @Test(arguments: allHarnesses)
        func uncommittedEditIsNeverOverwrittenNorPushed(_ tracker: TrackerUnderTest) async throws {
            try await withHarness(tracker) { harness in
                let scene = try Scene(harness)
                let keys = try await scene.establish([("0001", "Alpha")])
                try await harness.change(keys["0001"]!, RemoteFields(title: "Alpha, renamed remotely"))
                try scene.editLocally("0001", "Something to do.", "Uncommitted words.")
                let edited = try scene.read(scene.path("0001"))
                try await harness.clearRequests()
                let result = try scene.repo.sync("--porcelain")
                #expect(result.status == 4, "\(result.output)")
                #expect(result.stdout.contains("0001\tskip\tblocked\tdirty"), "\(result.stdout)")
                #expect(try scene.read(scene.path("0001")) == edited)
                #expect(try await harness.remoteWrites() == [])
            }
        }

        @Test(arguments: allHarnesses)
        func malformedFileIsReportedWithItsLineAndOthersStillSync(_ tracker: TrackerUnderTest) async throws {
            try await withHarness(tracker) { harness in
                let scene = try Scene(harness)
                try scene.repo.write("meta/work/0001-good.md", workItem(id: "0001", title: "Good"))
                try scene.repo.write("meta/work/0002-bad.md", "---\nid: \"0002\"\ntitle: [unclosed\n---\n\n## Summary\n")
                try scene.repo.write("meta/work/0003-nofm.md", "# Just a heading\n")
                try scene.repo.commitAll("items")
                try await harness.add(harness.inProject(RemoteFields(title: "Remote")))
                let result = try scene.repo.sync()
                #expect(result.status == 4, "\(result.output)")
                #expect(result.stdout.contains("meta/work/0002-bad.md:"), "\(result.stdout)")
                #expect(result.stdout.contains("meta/work/0003-nofm.md:1:"), "\(result.stdout)")
                #expect(scene.repo.files(under: "meta/work").contains("0004-remote.md"), "\(scene.repo.files(under: "meta/work"))")
            }
        }

        @Test(arguments: allHarnesses)
        func aRateLimitIsWaitedOutAndTheSyncCompletes(_ tracker: TrackerUnderTest) async throws {
            try await withHarness(tracker) { harness in
                let scene = try Scene(harness)
                try await harness.add(harness.inProject(RemoteFields(title: "Remote")))
                try scene.repo.commitAll("configuration")
                try await harness.failReads(status: 429, count: 2, headers: ["retry-after": "1"], message: nil)
                let result = try scene.repo.sync()
                #expect(result.status == 0, "\(result.output)")
                #expect(scene.repo.files(under: "meta/work") == ["0001-remote.md"])
                let statuses = try await harness.requests().filter { harness.isListOrSearch($0) }.map(\.status)
                #expect(Array(statuses.prefix(3)) == [429, 429, 200], "\(statuses)")
            }
        }

        @Test(arguments: allHarnesses)
        func aWrongTokenIsOneClearLineWithoutTheToken(_ tracker: TrackerUnderTest) async throws {
            try await withHarness(tracker) { harness in
                let scene = try Scene(harness)
                scene.repo.environment[harness.tokenVariable] = "wrong-token-value"
                try await harness.add(harness.inProject(RemoteFields(title: "Remote")))
                try scene.repo.commitAll("configuration")
                let result = try scene.repo.sync()
                #expect(result.status == 74, "\(result.output)")
                #expect(result.stderr.contains(harness.displayName.split(separator: " ")[0]), "names the tracker: \(result.stderr)")
                #expect(result.stderr.split(separator: "\n").count == 1, "one line: \(result.stderr)")
                #expect(!result.output.contains("wrong-token-value"))
            }
        }

        @Test(arguments: allHarnesses)
        func jsonIsOneStableDocumentAndNoOutputCarriesTheToken(_ tracker: TrackerUnderTest) async throws {
            try await withHarness(tracker) { harness in
                let scene = try Scene(harness)
                try scene.repo.write("meta/work/0001-a.md", workItem(id: "0001", title: "Local"))
                try scene.repo.commitAll("items")
                try await harness.add(harness.inProject(RemoteFields(title: "Remote")))
                let preview = try scene.repo.sync("--preview", "--json")
                #expect(preview.status == 0, "\(preview.stderr)")
                let json = try #require(try JSONSerialization.jsonObject(with: Data(preview.stdout.utf8)) as? [String: Any])
                #expect(json["integration"] as? String == harness.integration)
                #expect(json["preview"] as? Bool == true)
                #expect(json["exit_code"] as? Int == 0)
                let items = try #require(json["items"] as? [[String: Any]])
                #expect(Set(items.map { "\($0["id"]!) \($0["action"]!) \($0["state"]!)" }) == ["0001 skip planned", "0002 new planned"])
                #expect(items.first { $0["id"] as? String == "0001" }?["reason"] as? String == "not-pushed")
                #expect(!preview.output.contains(E2E.token))
                #expect(!(try scene.repo.git("log", "--all", "-p")).contains(E2E.token))
            }
        }

        @Test(arguments: allHarnesses)
        func itRunsFromASubdirectoryLikeGit(_ tracker: TrackerUnderTest) async throws {
            try await withHarness(tracker) { harness in
                let scene = try Scene(harness)
                try scene.repo.write("meta/work/0001-a.md", workItem(id: "0001", title: "Local"))
                try scene.repo.commitAll("items")
                try await harness.add(harness.inProject(RemoteFields(title: "Remote")))
                let result = try runProcess(BuiltProducts.syncBinary, [], in: scene.repo.root + "/meta/work",
                                            environment: scene.repo.environment)
                #expect(result.status == 0, "\(result.output)")
                #expect(scene.repo.files(under: "meta/work") == ["0001-a.md", "0002-remote.md"])
            }
        }

        @Test(arguments: allHarnesses)
        func anUnbornBranchSaysToCommitFirst(_ tracker: TrackerUnderTest) async throws {
            try await withHarness(tracker) { harness in
                let scene = try Scene(harness)
                let result = try scene.repo.sync()
                #expect(result.status == 4, "\(result.output)")
                #expect(result.stderr.contains("commit"), "\(result.stderr)")
                #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
            }
        }

        @Test(arguments: allHarnesses)
        func aDetachedHeadIsSaidAndTheCommitLandsThere(_ tracker: TrackerUnderTest) async throws {
            try await withHarness(tracker) { harness in
                let scene = try Scene(harness)
                try scene.repo.write("meta/work/0001-a.md", workItem(id: "0001", title: "Local"))
                try scene.repo.commitAll("items")
                try scene.repo.git("checkout", "-q", "--detach")
                try await harness.add(harness.inProject(RemoteFields(title: "Remote")))
                let result = try scene.repo.sync()
                #expect(result.status == 0, "\(result.output)")
                #expect(result.stdout.contains("HEAD is detached"), "\(result.stdout)")
                #expect(try scene.repo.git("log", "-1", "--format=%s").hasPrefix("sync-work-items:"))
                #expect(!(try scene.repo.git("log", "-1", "--format=%s", "main")).hasPrefix("sync-work-items:"), "the branch did not move")
            }
        }
    }
}
