import Trackers
import WorkItems
import XCTest
@testable import TrelloTracker

final class TrelloMappingTests: XCTestCase {
    private func list(_ name: String, _ pos: Double, closed: Bool = false) -> TrelloList {
        TrelloList(id: "l" + name, name: name, closed: closed, pos: pos)
    }

    private var standardLists: [TrelloList] {
        [list("Backlog", 1), list("To Do", 2), list("Doing", 3), list("Review", 4), list("Done", 5)]
    }

    private func board(lists: [TrelloList]? = nil, labels: [TrelloLabel] = [], members: [TrelloMember] = []) -> TrelloBoard {
        TrelloBoard(id: "b1", name: "Engineering", shortLink: "EngBoard", url: nil, closed: false, lists: lists ?? standardLists,
                    labels: labels, members: members)
    }

    private func mapping(statusMap: [String: String] = [:], priority: [String: String] = [:], kind: [String: String] = [:],
                         scope: String? = nil, createLists: Bool = false) -> TrelloMapping {
        TrelloMapping(statuses: TrelloStatusLists(statusMap: statusMap),
                      labels: TrelloLabelNames(priorityLabels: priority, kindLabels: kind, scope: scope), createLists: createLists)
    }

    func testStatusesFindTheirListsByNameWhateverTheCaseOrSpelling() {
        let statuses = TrelloStatusLists(statusMap: [:])
        let lists = [list("backlog", 1), list("TO DO", 2), list("In-Progress", 3), list("done", 4), list("Ready for QA", 5)]
        XCTAssertEqual(statuses.list(for: "draft", in: lists)?.name, "backlog")
        XCTAssertEqual(statuses.list(for: "ready", in: lists)?.name, "TO DO")
        XCTAssertEqual(statuses.list(for: "in-progress", in: lists)?.name, "In-Progress")
        XCTAssertEqual(statuses.list(for: "Done", in: lists)?.name, "done")
        XCTAssertEqual(statuses.list(for: "ready-for-qa", in: lists)?.name, "Ready for QA", "a status names a list by its slug")
        XCTAssertNil(statuses.list(for: "review", in: lists))
        XCTAssertNil(statuses.list(for: "done", in: [list("Done", 1, closed: true)]), "an archived list takes no cards")
    }

    func testListsReadBackAsTheUsualStatusesAndOtherNamesAsSlugs() {
        let statuses = TrelloStatusLists(statusMap: [:])
        XCTAssertEqual(statuses.status(ofList: "Backlog"), "draft")
        XCTAssertEqual(statuses.status(ofList: "To Do"), "ready")
        XCTAssertEqual(statuses.status(ofList: "Doing"), "in-progress")
        XCTAssertEqual(statuses.status(ofList: "In Review"), "review")
        XCTAssertEqual(statuses.status(ofList: "DONE"), "done")
        XCTAssertEqual(statuses.status(ofList: "Won't Do"), "abandoned")
        XCTAssertEqual(statuses.status(ofList: "Ready for QA"), "ready-for-qa")
        XCTAssertEqual(statuses.status(ofList: "Blocked 🚧"), "blocked")
    }

    func testTheStatusMapReplacesTheDefaultsBothWays() {
        let statuses = TrelloStatusLists(statusMap: ["in-progress": "Sprint", "review": "QA"])
        let lists = [list("To Do", 1), list("Doing", 2), list("Sprint", 3), list("QA", 4)]
        XCTAssertEqual(statuses.list(for: "in-progress", in: lists)?.name, "Sprint")
        XCTAssertEqual(statuses.list(for: "review", in: lists)?.name, "QA")
        XCTAssertEqual(statuses.status(ofList: "Sprint"), "in-progress")
        XCTAssertEqual(statuses.status(ofList: "qa"), "review")
        XCTAssertNil(TrelloStatusLists(statusMap: ["done": "Shipped"]).list(for: "done", in: [list("Done", 1)]),
                     "a mapped status goes only where the map says")
    }

    func testLabelsMeanPriorityKindScopeOrTag() {
        let names = TrelloLabelNames(priorityLabels: ["high": "P1"], kindLabels: ["bug": "Defect"], scope: "backend")
        XCTAssertEqual(names.meaning(of: "priority: High"), .priority("high"))
        XCTAssertEqual(names.meaning(of: "P1"), .priority("high"))
        XCTAssertEqual(names.meaning(of: "kind: story"), .kind("story"))
        XCTAssertEqual(names.meaning(of: "defect"), .kind("bug"))
        XCTAssertEqual(names.meaning(of: "Backend"), .scope)
        XCTAssertEqual(names.meaning(of: "needs design"), .tag("needs design"))
        XCTAssertNil(names.meaning(of: ""), "a nameless colour label means nothing")
        XCTAssertNil(names.meaning(of: nil))
        XCTAssertEqual(names.label(forPriority: "high"), "P1")
        XCTAssertEqual(names.label(forPriority: "Low"), "priority: low")
        XCTAssertEqual(names.label(forKind: "spike"), "kind: spike")
    }

    func testACardBecomesContentThroughItsBoard() {
        let board = board(labels: [TrelloLabel(id: "L1", name: "priority: high", color: "red"), TrelloLabel(id: "L2", name: "kind: bug", color: "purple"),
                                   TrelloLabel(id: "L3", name: "backend", color: "blue"), TrelloLabel(id: "L4", name: "payments", color: "green"),
                                   TrelloLabel(id: "L5", name: "", color: "yellow"), TrelloLabel(id: "L6", name: "Payments", color: "sky")],
                          members: [TrelloMember(id: "M1", username: "ana", fullName: "Ana Alves"), TrelloMember(id: "M2", username: "ben", fullName: nil)])
        let card = TrelloCard(id: "5e1a7e11c05e1a7e11c00001", shortLink: "aBcD1234", name: "Checkout fails",
                              desc: "## Summary\n\nBroken.\n\n[//]: # (git-sync-work-items:0f2c-77)", idBoard: "b1", idList: "lDoing",
                              idLabels: ["L5", "L1", "L2", "L3", "L4", "L6"], idMembers: ["Mgone", "M2", "M1"], closed: false,
                              dateLastActivity: "2026-01-02T03:04:05.678Z", url: nil)
        let content = mapping(scope: "backend").content(of: card, on: board)
        XCTAssertEqual(content, WorkItemContent(title: "Checkout fails", description: "## Summary\n\nBroken.", status: "in-progress",
                                                priority: "high", kind: "bug", tags: ["payments"], assignee: "ben"))
        XCTAssertTrue(mapping(scope: "backend").isInScope(card, on: board))
        XCTAssertFalse(mapping(scope: "frontend").isInScope(card, on: board))
    }

    func testRepresentableIsWhatAPushAndAPullGiveBack() {
        let board = board(lists: [list("To Do", 1), list("Doing", 2), list("Done", 3)],
                          labels: [TrelloLabel(id: "L1", name: "Payments", color: "green"), TrelloLabel(id: "L2", name: "backend", color: "blue")],
                          members: [TrelloMember(id: "M1", username: "ana", fullName: "Ana Alves")])
        let local = WorkItemContent(title: "T", description: "D", status: "draft", priority: "High", kind: "Story",
                                    tags: ["payments", "new-tag", "backend", "priority: low"], assignee: "Ana Alves", parent: "ENG-1")
        let projected = mapping(scope: "backend").representable(local, on: board)
        XCTAssertEqual(projected.status, "ready", "draft lands in To Do on a board without a backlog")
        XCTAssertEqual(projected.priority, "high")
        XCTAssertEqual(projected.kind, "story")
        XCTAssertEqual(projected.tags, ["Payments", "new-tag"], "the board's spelling; the scope label and a priority spelled as a tag are no tags")
        XCTAssertEqual(projected.assignee, "ana")
        XCTAssertNil(projected.parent, "Trello cards have no parent")
        XCTAssertEqual(mapping().representable(local, on: board).status, "ready")
        XCTAssertEqual(mapping().representable(WorkItemContent(title: "T", description: ""), on: board).status, "ready",
                       "no status: the leftmost list")
        XCTAssertEqual(mapping().representable(WorkItemContent(title: "T", description: "", status: "review"), on: board).status, "review",
                       "a status without a list stays as it is (the push fails and says so)")
        XCTAssertEqual(mapping(createLists: true).representable(WorkItemContent(title: "T", description: "", status: "abandoned"), on: board).status,
                       "abandoned", "with create_lists the new list reads back as the status")
    }

    func testPushedLabelsComeBackAsTheSameContent() {
        let m = mapping(scope: "backend")
        let board = board(labels: [TrelloLabel(id: "A", name: "priority: medium", color: "orange"), TrelloLabel(id: "B", name: "kind: task", color: "purple"),
                                   TrelloLabel(id: "C", name: "infra", color: "green"), TrelloLabel(id: "D", name: "backend", color: "blue")])
        let content = WorkItemContent(title: "x", description: "", status: "review", priority: "medium", kind: "task", tags: ["infra"])
        let names = m.labelNames(for: content).map(\.name)
        XCTAssertEqual(names, ["infra", "priority: medium", "kind: task"])
        let ids = names.compactMap { name in board.labels.first { $0.name == name }?.id } + ["D"]
        let card = TrelloCard(id: "5e1a7e11c05e1a7e11c00002", shortLink: "zZzZ9999", name: "x", desc: "", idBoard: "b1", idList: "lReview",
                              idLabels: ids, idMembers: [], closed: false, dateLastActivity: "2026-01-01T00:00:00.000Z", url: nil)
        XCTAssertEqual(m.content(of: card, on: board), m.representable(content, on: board))
    }

    func testMembersAreFoundByUsernameOrFullName() {
        let members = [TrelloMember(id: "1", username: "ana", fullName: "Ana Alves"), TrelloMember(id: "2", username: "alves", fullName: "Other")]
        XCTAssertEqual(TrelloMapping.member(named: "@Ana", in: members)?.id, "1")
        XCTAssertEqual(TrelloMapping.member(named: "ana alves", in: members)?.id, "1")
        XCTAssertEqual(TrelloMapping.member(named: "alves", in: members)?.id, "2", "a username wins over a full name")
        XCTAssertNil(TrelloMapping.member(named: "carla", in: members))
    }
}
