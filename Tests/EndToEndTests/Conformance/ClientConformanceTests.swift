import Foundation
import Testing
import Trackers
import WorkItems

extension Conformance {
    /// The `Tracker` contract, checked in process against each tracker's remote (and the engine's in-memory fake):
    /// what the engine relies on. The token and rate-limit checks need HTTP, so they run for the trackers only.
    @Suite struct ClientChecks {
        private func content(_ title: String, status: String = "ready", tags: [String] = ["backend"],
                             assignee: String? = nil) -> WorkItemContent {
            WorkItemContent(title: title, description: "## Summary\n\nMade by the client check.\n\n## Notes\n\n- one\n- two\n",
                            status: status, priority: "medium", kind: "story", tags: tags, assignee: assignee)
        }

        @Test(arguments: allClientHarnesses)
        func anItemCreatedWithAMarkerIsFoundByIt(_ tracker: ClientUnderTest) async throws {
            try await withHarness(tracker) { harness in
                let client = try harness.makeClient()
                let before = Date().addingTimeInterval(-5)
                let marker = SyncMarker("check-\(UUID().uuidString.prefix(8))")
                let created = try await client.create(content("Marked"), marker: marker)
                #expect(harness.isKey(created.key), "\(created.key)")
                let found = try await client.findCreated(marker: marker, createdAfter: before)
                #expect(found?.key == created.key)
                let other = try await client.findCreated(marker: SyncMarker("never-used-marker"), createdAfter: before)
                #expect(other == nil)
                #expect(try await harness.items().map(\.key) == [created.key], "exactly one remote item")
            }
        }

        @Test(arguments: allClientHarnesses)
        func anUpdateReadsBackAsRepresentablePredictsAndTwiceChangesNothing(_ tracker: ClientUnderTest) async throws {
            try await withHarness(tracker) { harness in
                let client = try harness.makeClient()
                let created = try await client.create(content("Before"), marker: SyncMarker("check-update"))
                var wanted = content("After", status: "in-progress", tags: ["frontend", "needs design"], assignee: harness.people[0].local)
                wanted.description = "## Summary\n\nChanged by the client check, **strongly**.\n"
                wanted.priority = "high"
                wanted.kind = "bug"
                try await harness.advanceClock(seconds: 60)
                let updated = try await client.update(key: created.key, to: wanted, previous: created.content)
                let predicted = client.representable(wanted).normalised()
                #expect(updated.content.normalised() == predicted)
                let fetched = try #require(try await client.fetch(keys: [created.key]).first)
                #expect(fetched.content.normalised() == predicted)

                try await harness.advanceClock(seconds: 60)
                let again = try await client.update(key: created.key, to: wanted, previous: fetched.content)
                #expect(again.content.normalised() == predicted)
                let refetched = try #require(try await client.fetch(keys: [created.key]).first)
                #expect(refetched.updatedAt == fetched.updatedAt, "the same update twice changes nothing remotely")
            }
        }

        @Test(arguments: allClientHarnesses)
        func aDeletedKeyIsLeftOutOfFetchNotFatal(_ tracker: ClientUnderTest) async throws {
            try await withHarness(tracker) { harness in
                let client = try harness.makeClient()
                let kept = try await harness.add(harness.inProject(RemoteFields(title: "Kept")))
                let gone = try await harness.add(harness.inProject(RemoteFields(title: "Gone")))
                try await harness.delete(gone.key)
                let fetched = try await client.fetch(keys: [gone.key, kept.key])
                #expect(fetched.map(\.key) == [kept.key])
            }
        }

        @Test(arguments: allClientHarnesses)
        func sinceIncludesItsBoundary(_ tracker: ClientUnderTest) async throws {
            try await withHarness(tracker) { harness in
                let client = try harness.makeClient()
                let early = try await harness.add(harness.inProject(RemoteFields(title: "Early")))
                try await harness.advanceClock(seconds: 3600)
                let late = try await harness.add(harness.inProject(RemoteFields(title: "Late")))
                let fetched = try #require(try await client.fetch(keys: [late.key]).first)
                let boundary = try #require(RemoteTime.parse(fetched.updatedAt), "\(fetched.updatedAt)")
                let read = try await client.read(RemoteReadRequest(
                    since: boundary, trackedKeys: [early.key, late.key], discovery: DiscoveryFilter(projectCode: harness.projectCode),
                    discoverySince: boundary))
                let keys = read.items.map(\.key)
                #expect(keys.contains(late.key), "an item updated exactly at `since` is read: \(keys)")
                #expect(!keys.contains(early.key), "an hour before `since` is not: \(keys)")
            }
        }

        @Test(arguments: allClientHarnesses)
        func discoveryAgreesWithTheFilters(_ tracker: ClientUnderTest) async throws {
            try await withHarness(tracker) { harness in
                let client = try harness.makeClient()
                let (first, second) = (harness.people[0], harness.people[1])
                let done = harness.remoteState(forLocal: "done")
                func add(_ title: String, _ label: String, _ person: Person, state: String? = nil, inProject: Bool = true) async throws -> String {
                    let fields = RemoteFields(title: title, state: state, labels: [harness.remoteLabel(forLocal: label)],
                                              assignee: .some(person.remote))
                    return try await harness.add(inProject ? harness.inProject(fields) : harness.outsideProject(fields)).key
                }
                let mine = try await add("Bug for the first", "bug", first)
                let theirs = try await add("Bug for the second", "bug", second)
                let feature = try await add("Feature for the first", "feature", first)
                let closed = try await add("Done bug for the first", "bug", first, state: done)
                let elsewhere = try await add("Bug elsewhere", "bug", first, inProject: false)
                let everything: Set = [mine, theirs, feature, closed, elsewhere]

                let project = harness.projectCode
                let cases: [(DiscoveryFilter, Set<String>)] = [
                    (DiscoveryFilter(projectCode: project), [mine, theirs, feature, closed]),
                    (DiscoveryFilter(projectCode: project, all: true), everything),
                    (DiscoveryFilter(projectCode: project, assignee: first.filter, labels: ["bug"], state: "open"), [mine]),
                    (DiscoveryFilter(projectCode: project, all: true, labels: ["bug"]), [mine, theirs, closed, elsewhere]),
                    (DiscoveryFilter(projectCode: project, state: "open"), [mine, theirs, feature]),
                    (DiscoveryFilter(projectCode: project, assignee: second.filter), [theirs]),
                ]
                let fetched = try await client.fetch(keys: Array(everything))
                for (filter, expected) in cases {
                    let read = try await client.read(RemoteReadRequest(since: nil, trackedKeys: [], discovery: filter, discoverySince: nil))
                    let candidates = Set(read.items.filter { client.matches($0, filter: filter) }.map(\.key))
                    #expect(candidates == expected, "\(filter)")
                    let matching = Set(fetched.filter { client.matches($0, filter: filter) }.map(\.key))
                    #expect(matching == expected, "matches agrees with the read: \(filter)")
                }
            }
        }

        @Test(arguments: allHarnesses)
        func aWrongTokenIsUnauthorizedAndTheMessageDoesNotCarryIt(_ tracker: TrackerUnderTest) async throws {
            try await withHarness(tracker) { harness in
                let token = "wrong-token-\(UUID().uuidString.prefix(8))"
                let client = try harness.makeClient(token: token)
                do {
                    _ = try await client.read(RemoteReadRequest(since: nil, trackedKeys: [],
                                                                discovery: DiscoveryFilter(projectCode: harness.projectCode), discoverySince: nil))
                    Issue.record("a wrong token was accepted")
                } catch let error as TrackerError {
                    guard case .unauthorized(let message) = error else {
                        Issue.record("expected unauthorized, got \(error)")
                        return
                    }
                    #expect(!message.contains(token), "\(message)")
                    #expect(!message.isEmpty)
                }
            }
        }

        @Test(arguments: allHarnesses)
        func aRateLimitIsWaitedOut(_ tracker: TrackerUnderTest) async throws {
            try await withHarness(tracker) { harness in
                let client = try harness.makeClient()
                let item = try await harness.add(harness.inProject(RemoteFields(title: "Behind a limit")))
                try await harness.clearRequests()
                try await harness.failReads(status: 429, count: 1, headers: ["retry-after": "1"], message: nil)
                let read = try await client.read(RemoteReadRequest(since: nil, trackedKeys: [item.key],
                                                                   discovery: DiscoveryFilter(projectCode: harness.projectCode), discoverySince: nil))
                #expect(read.items.map(\.key).contains(item.key))
                let statuses = try await harness.requests().filter { harness.isListOrSearch($0) }.map(\.status)
                #expect(Array(statuses.prefix(2)) == [429, 200], "\(statuses)")
            }
        }

        @Test(arguments: allClientHarnesses)
        func aDroppedCreateIsOutcomeUnknownAndIsFoundAgain(_ tracker: ClientUnderTest) async throws {
            try await withHarness(tracker) { harness in
                let client = try harness.makeClient()
                let before = Date().addingTimeInterval(-5)
                let marker = SyncMarker("check-dropped")
                try await harness.dropNextCreate(afterEffect: true)
                do {
                    _ = try await client.create(content("Dropped"), marker: marker)
                    Issue.record("a create whose answer was lost reported success")
                } catch let error as TrackerError {
                    guard case .outcomeUnknown = error else {
                        Issue.record("expected outcomeUnknown, got \(error)")
                        return
                    }
                }
                let found = try #require(try await client.findCreated(marker: marker, createdAfter: before))
                #expect(try await harness.items().map(\.key) == [found.key], "created once, and found")
            }
        }
    }
}

/// A tracker's updated time as a date: ISO 8601 with or without fractional seconds, `Z` or a `+0100` offset.
enum RemoteTime {
    static func parse(_ text: String) -> Date? {
        for format in ["yyyy-MM-dd'T'HH:mm:ss.SSSZ", "yyyy-MM-dd'T'HH:mm:ssZ", "yyyy-MM-dd'T'HH:mm:ss.SSSXXXXX", "yyyy-MM-dd'T'HH:mm:ssXXXXX"] {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.dateFormat = format
            if let date = formatter.date(from: text) { return date }
        }
        return nil
    }
}
