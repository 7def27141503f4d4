import Foundation
import Trackers
import WorkItems
import XCTest
@testable import LinearTracker

/// Writing: creates with the client's id, updates with only what changed, labels, people, parents, descriptions.
final class LinearWriteTests: LinearClientTestCase {
    private func content(_ title: String, tags: [String] = [], status: String = "ready", kind: String? = "story",
                         assignee: String? = nil, description: String = "## Summary\n\nMade by a test.\n") -> WorkItemContent {
        WorkItemContent(title: title, description: description, status: status, priority: "medium", kind: kind, tags: tags, assignee: assignee)
    }

    func testACreateUsesTheMarkerAsTheIssueIdAndIsFoundByIt() async throws {
        let client = try client()
        let marker = SyncMarker("0c9f6a56-8d4b-4c3e-9a7e-1f2d3c4b5a69")
        let created = try await client.create(content("Created", tags: ["backend"]), marker: marker)
        XCTAssertEqual(created.key, "ENG-1")
        XCTAssertEqual(created.remoteID, marker.value)
        XCTAssertEqual(created.content.status, "ready")
        XCTAssertEqual(created.content.priority, "medium")
        XCTAssertEqual(created.content.kind, "story")
        XCTAssertEqual(created.content.tags, ["backend"])
        let remote = try await item("ENG-1")
        XCTAssertEqual(remote["state"] as? String, "Todo")
        XCTAssertEqual(remote["kind"] as? String, "Feature")
        XCTAssertEqual(remote["labels"] as? [String], ["backend"])
        let found = try await client.findCreated(marker: marker, createdAfter: Date())
        XCTAssertEqual(found?.key, "ENG-1")
        let nothing = try await client.findCreated(marker: SyncMarker("a-marker-never-used"), createdAfter: Date())
        XCTAssertNil(nothing)
    }

    func testACreateWhoseEarlierAttemptArrivedReturnsThatIssue() async throws {
        let client = try client()
        let marker = SyncMarker("check-repeat")
        let first = try await client.create(content("Once"), marker: marker)
        let second = try await client.create(content("Once"), marker: marker)
        XCTAssertEqual(second.key, first.key)
        let remoteCount = try await items().count
        XCTAssertEqual(remoteCount, 1, "created once")
    }

    func testAMissingTagBecomesATeamLabelOrANotice() async throws {
        let client = try client()
        let created = try await client.create(content("Labelled", tags: ["brand new", "Bug"], kind: nil), marker: SyncMarker("check-labels"))
        XCTAssertEqual(created.content.tags, ["brand new"])
        XCTAssertEqual(created.content.kind, "bug", "a tag that names a kind label is that kind")
        XCTAssertEqual(created.notices, [])
        let operations = try await requests().map(\.operation)
        XCTAssertEqual(operations.filter { $0 == "mutation:IssueLabelCreate" }.count, 1)

        let strict = try self.client(["linear.create_labels": "false"])
        let left = try await strict.create(content("Strict", tags: ["unheard of"]), marker: SyncMarker("check-strict"))
        XCTAssertEqual(left.content.tags, [])
        XCTAssertEqual(left.notices, ["tag 'unheard of' left out: ENG has no such label and linear.create_labels is false"])
        let labelCreates = try await requests().filter { $0.operation == "mutation:IssueLabelCreate" }.count
        XCTAssertEqual(labelCreates, 1, "no second label made")
    }

    func testAnUpdateSendsOnlyWhatChangedAndKeepsLabelsOthersAdded() async throws {
        let client = try client()
        let original = content("Original", tags: ["backend"])
        let created = try await client.create(original, marker: SyncMarker("check-update"))
        try await admin("PATCH", "/_simulator/items/ENG-1", ["labels": ["backend", "added in Linear"]])
        try await clearRequests()

        var changed = original
        changed.title = "Renamed"
        _ = try await client.update(key: created.key, to: changed, previous: original)
        let sentFields = try await updateInputs().map { $0.keys.sorted() }
        XCTAssertEqual(sentFields, [["title"]], "only the title goes")

        var retagged = changed
        retagged.tags = ["frontend"]
        retagged.status = "in-progress"
        let updated = try await client.update(key: created.key, to: retagged, previous: changed)
        let lastInput = try await updateInputs().last
        let input = try XCTUnwrap(lastInput)
        XCTAssertEqual(input.keys.sorted(), ["addedLabelIds", "removedLabelIds", "stateId"])
        XCTAssertEqual(Set(updated.content.tags), ["frontend", "added in Linear"], "a label set in Linear survives")
        XCTAssertEqual(updated.content.status, "in-progress")
        XCTAssertEqual(updated.content.kind, "story")
    }

    func testAnUpdateOfNothingOnlyReadsAndTwiceChangesNothing() async throws {
        let client = try client()
        let wanted = content("Stable", tags: ["backend"])
        let created = try await client.create(wanted, marker: SyncMarker("check-stable"))
        try await clearRequests()
        let again = try await client.update(key: created.key, to: wanted, previous: created.content)
        XCTAssertEqual(again.updatedAt, created.updatedAt)
        let operations = try await requests().map(\.operation)
        XCTAssertEqual(operations, ["query:Issue"])
    }

    func testAssigneeByDisplayNameParentByKeyAndUnknownPeopleAreNamed() async throws {
        let client = try client()
        let parent = try await client.create(content("Parent"), marker: SyncMarker("check-parent"))
        var child = content("Child", assignee: "Ben Okafor")
        child.parent = parent.key
        let created = try await client.create(child, marker: SyncMarker("check-child"))
        XCTAssertEqual(created.content.assignee, "ben@example.com")
        XCTAssertEqual(created.content.parent, parent.key)
        XCTAssertEqual(client.representable(child).assignee, "ben@example.com", "the display name is the same person")

        var stranger = content("Stranger", assignee: "Nobody Known")
        stranger.parent = "ENG-999"
        do {
            _ = try await client.create(stranger, marker: SyncMarker("check-stranger"))
            XCTFail("an unknown assignee was accepted")
        } catch TrackerError.unsupported(let code, let message) {
            XCTAssertEqual(code, "assignee-unknown")
            XCTAssertTrue(message.contains("Nobody Known"), message)
        }
        stranger.assignee = nil
        let orphan = try await client.create(stranger, marker: SyncMarker("check-orphan"))
        XCTAssertNil(orphan.content.parent)
        XCTAssertEqual(orphan.notices, ["parent 'ENG-999' left out: it is not a Linear issue this key can see"])
    }

    func testAStatusTheTeamLacksFallsBackByTypeAndRepresentablePredictsIt() async throws {
        let client = try client(["linear.status_map.review": "Code Review"])
        var wanted = content("Review me", status: "review")
        let created = try await client.create(wanted, marker: SyncMarker("check-review"))
        XCTAssertEqual(created.content.status, "in-progress", "no Code Review state: the team's first started state")
        XCTAssertEqual(client.representable(wanted).status, "in-progress")
        wanted.status = "abandoned"
        let canceled = try await client.update(key: created.key, to: wanted, previous: created.content)
        XCTAssertEqual(canceled.content.status, "abandoned")
        let remote = try await item(created.key)
        XCTAssertEqual(remote["state"] as? String, "Canceled")
    }

    func testADescriptionLinearReRendersIsStillTheSame() async throws {
        let client = try client()
        let local = content("Rendered", description: "## Summary\n\nSome _emphasis_ here.\n\n* one\n* two\n")
        let created = try await client.create(local, marker: SyncMarker("check-render"))
        XCTAssertEqual(created.content.description, "## Summary\n\nSome *emphasis* here.\n\n- one\n- two")
        XCTAssertEqual(client.representable(local).description.trimmingCharacters(in: .newlines),
                       created.content.description, "said the same, so represented by Linear's spelling: no change")
        var edited = local
        edited.description = "## Summary\n\nSomething else.\n"
        XCTAssertEqual(client.representable(edited).description, edited.description, "a real change stays a change")
    }
}
