import Foundation
@testable import JiraTracker
import XCTest

final class JQLTests: XCTestCase {
    func testValuesAreAlwaysLiteralsEvenWithQuotesAndKeywords() {
        XCTAssertEqual(JQL.quote(#"needs "design" OR project = X"#), #""needs \"design\" OR project = X""#)
        XCTAssertEqual(JQL.quote(#"back\slash"#), #""back\\slash""#)
        XCTAssertEqual(JQL.quote("line\nbreak\u{7}"), #""line break""#)
        XCTAssertEqual(JQL.list(["ENG-1", "ENG-2"]), #"("ENG-1", "ENG-2")"#)
    }

    func testClausesWithOrAreParenthesised() {
        XCTAssertEqual(JQL.and(["project = \"ENG\"", "a = 1 OR b = 2"]), "project = \"ENG\" AND (a = 1 OR b = 2)")
    }

    func testDatesAreMinutesInTheUsersTimeZone() throws {
        let instant = try XCTUnwrap(ISO8601DateFormatter().date(from: "2026-11-25T09:30:59Z"))
        XCTAssertEqual(JQL.date(instant, timeZone: try XCTUnwrap(TimeZone(identifier: "Europe/Berlin"))), #""2026-11-25 10:30""#)
        XCTAssertEqual(JQL.date(instant, timeZone: try XCTUnwrap(TimeZone(identifier: "America/Los_Angeles"))), #""2026-11-25 01:30""#)
    }

    func testIssueKeys() {
        XCTAssertTrue(JQL.isIssueKey("ENG-12"))
        XCTAssertTrue(JQL.isIssueKey("AB_2-1"))
        XCTAssertFalse(JQL.isIssueKey("acme/widgets#1"))
        XCTAssertFalse(JQL.isIssueKey("ENG-"))
        XCTAssertFalse(JQL.isIssueKey("-12"))
        XCTAssertFalse(JQL.isIssueKey("ENG-1 OR x"))
        XCTAssertEqual(JQL.project(ofKey: "ENG-12"), "ENG")
    }
}

final class JiraMappingTests: XCTestCase {
    let mapping = JiraMapping(statusMap: [:], priorityMap: [:], kindMap: [:])

    func testDefaultsNeedNoConfiguration() {
        XCTAssertEqual(mapping.jiraStatus(for: "in-progress"), "In Progress")
        XCTAssertEqual(mapping.jiraStatus(for: "done"), "Done")
        XCTAssertEqual(mapping.localStatus(jiraName: "In Progress", category: .indeterminate), "in-progress")
        XCTAssertEqual(mapping.localStatus(jiraName: "Won't Do", category: .done), "abandoned")
        XCTAssertEqual(mapping.priorityName(for: "high"), "High")
        XCTAssertEqual(mapping.localPriority(jiraName: "Highest"), "high")
        XCTAssertEqual(mapping.localPriority(jiraName: "Lowest"), "low")
        XCTAssertEqual(mapping.issueType(for: "bug"), "Bug")
        XCTAssertEqual(mapping.issueType(for: "spike"), "Task")
        XCTAssertEqual(mapping.issueType(for: nil), "Task")
        XCTAssertEqual(mapping.localKind(issueType: "Sub-task"), "task")
    }

    func testUnknownStatusesFallBackOnTheCategory() {
        XCTAssertEqual(mapping.localStatus(jiraName: "Waiting for customer", category: .indeterminate), "in-progress")
        XCTAssertEqual(mapping.localStatus(jiraName: "Shipped", category: .done), "done")
        XCTAssertEqual(mapping.localStatus(jiraName: "Triage", category: .new), "ready")
        XCTAssertEqual(mapping.category(for: "abandoned"), .done)
        XCTAssertEqual(mapping.category(for: "draft"), .new)
        XCTAssertEqual(mapping.category(for: "blocked"), .indeterminate)
    }

    func testTablesOverrideBothWays() {
        let custom = JiraMapping(statusMap: ["draft": "Backlog", "blocked": "Blocked"], priorityMap: ["high": "P1"], kindMap: ["spike": "Spike"])
        XCTAssertEqual(custom.jiraStatus(for: "draft"), "Backlog")
        XCTAssertEqual(custom.localStatus(jiraName: "Backlog", category: .new), "draft")
        XCTAssertEqual(custom.localStatus(jiraName: "Blocked", category: .indeterminate), "blocked")
        XCTAssertEqual(custom.priorityName(for: "high"), "P1")
        XCTAssertEqual(custom.localPriority(jiraName: "P1"), "high")
        XCTAssertEqual(custom.issueType(for: "spike"), "Spike")
        XCTAssertEqual(custom.localKind(issueType: "Spike"), "spike")
    }

    func testRepresentableKeepsWhatJiraCannotTellApart() {
        // draft and ready both become To Do, which reads back as ready: a pull must not turn draft into ready.
        XCTAssertEqual(mapping.representableStatus("draft"), "ready")
        XCTAssertEqual(mapping.representableKind("spike"), "task")
        XCTAssertEqual(mapping.representablePriority("critical"), "high")
        XCTAssertNil(mapping.representablePriority("whenever"))
    }

    func testLabelsCannotHoldSpaces() {
        XCTAssertEqual(JiraMapping.label(for: "needs design"), "needs-design")
        XCTAssertEqual(JiraMapping.label(for: "sync"), "sync")
    }

    func testJiraTimesBecomeTheWorkItemsISO8601() {
        XCTAssertEqual(JiraTracker.iso8601("2026-11-25T11:39:38.123+0100"), "2026-11-25T11:39:38+01:00")
        XCTAssertEqual(JiraTracker.iso8601("2024-02-28T22:00:00.5-0300"), "2024-02-28T22:00:00-03:00")
        XCTAssertEqual(JiraTracker.iso8601("2026-11-25T10:39:38+0000"), "2026-11-25T10:39:38+00:00")
        XCTAssertEqual(JiraTracker.iso8601("2026-11-25T10:39:38.123Z"), "2026-11-25T10:39:38.123Z", "not Jira's shape: kept")
        XCTAssertEqual(JiraTracker.iso8601("not a date"), "not a date")
    }

    func testSiteNames() {
        XCTAssertEqual(JiraTracker.siteURL("acme"), "https://acme.atlassian.net")
        XCTAssertEqual(JiraTracker.siteURL("acme.atlassian.net"), "https://acme.atlassian.net")
        XCTAssertEqual(JiraTracker.siteURL("https://jira.example.com/"), "https://jira.example.com")
        XCTAssertNil(JiraTracker.siteURL("http://insecure.example.com"))
    }
}
