import Foundation
import TrackerSimulator
import XCTest

/// The JQL subset: fields, operators, boolean logic, quoting, dates in the user's time zone, and Jira's 400s.
final class JiraJQLTests: JiraTestCase {
    private var ana = ""
    private var ben = ""

    override func setUp() async throws {
        try await super.setUp()
        let users = try await jira("GET", "/user/search?query=a").array
        ana = try XCTUnwrap(users.first { $0["displayName"] as? String == "Ana Alves" }?["accountId"] as? String)
        let bens = try await jira("GET", "/user/search?query=ben").array
        ben = try XCTUnwrap(bens.first?["accountId"] as? String)
        try await http.admin("POST", "/_simulator/setup", ["projects": [["key": "OPS", "name": "Operations"]]])
        // ENG-1 … ENG-4 and OPS-1.
        try await addItem(["project": ["key": "ENG"], "summary": "Login page is slow", "labels": ["perf", "web"],
                           "priority": ["name": "High"], "assignee": ["accountId": ana], "issuetype": ["name": "Bug"]],
                          status: "In Progress")
        try await addItem(["project": ["key": "ENG"], "summary": "Export reports", "labels": ["reports"],
                           "priority": ["name": "Low"], "issuetype": ["name": "Story"]])
        try await addItem(["project": ["key": "ENG"], "summary": "Quoted label", "labels": ["say\"OR\"", "OR"],
                           "assignee": ["accountId": ben], "priority": ["name": "Highest"]], status: "Done")
        try await addItem(["project": ["key": "ENG"], "summary": "Sub of export", "issuetype": ["name": "Sub-task"],
                           "parent": ["key": "ENG-2"]])
        try await addItem(["project": ["key": "OPS"], "summary": "Rotate certificates", "labels": ["web"]])
    }

    private func matching(_ jql: String) async throws -> [String] {
        let answer = try await search(jql + " ORDER BY key ASC", fields: ["key"], maxResults: 100)
        XCTAssertEqual(answer.status, 200, "\(jql): \(errorMessage(answer))")
        return issues(answer).compactMap { $0["key"] as? String }.sorted()
    }

    private func rejected(_ jql: String) async throws -> String {
        let answer = try await search(jql)
        XCTAssertEqual(answer.status, 400, jql)
        XCTAssertEqual(fieldErrors(answer), [:])
        return errorMessage(answer)
    }

    func testEqualityAndListOperators() async throws {
        let eng = ["ENG-1", "ENG-2", "ENG-3", "ENG-4"]
        var result = try await matching("project = ENG")
        XCTAssertEqual(result, eng)
        result = try await matching("project = eng")
        XCTAssertEqual(result, eng, "project keys match case-insensitively")
        result = try await matching("project = \"Operations\"")
        XCTAssertEqual(result, ["OPS-1"])
        result = try await matching("project != ENG")
        XCTAssertEqual(result, ["OPS-1"])
        result = try await matching("project in (ENG, OPS) AND key in (ENG-2, OPS-1)")
        XCTAssertEqual(result, ["ENG-2", "OPS-1"])
        result = try await matching("project = ENG AND key not in (ENG-1, ENG-2)")
        XCTAssertEqual(result, ["ENG-3", "ENG-4"])
        result = try await matching("status = \"In Progress\"")
        XCTAssertEqual(result, ["ENG-1"])
        result = try await matching("statusCategory = Done")
        XCTAssertEqual(result, ["ENG-3"])
        result = try await matching("statusCategory != Done AND project = ENG")
        XCTAssertEqual(result, ["ENG-1", "ENG-2", "ENG-4"])
        result = try await matching("type = Bug")
        XCTAssertEqual(result, ["ENG-1"])
        result = try await matching("issuetype in subTaskIssueTypes()")
        XCTAssertEqual(result, ["ENG-4"])
        result = try await matching("priority = Highest")
        XCTAssertEqual(result, ["ENG-3"])
        result = try await matching("parent = ENG-2")
        XCTAssertEqual(result, ["ENG-4"])
        let id = try await jira("GET", "/issue/ENG-2").object["id"] as? String ?? ""
        result = try await matching("id = \(id)")
        XCTAssertEqual(result, ["ENG-2"])
    }

    func testOrderingOperators() async throws {
        var result = try await matching("priority >= High")
        XCTAssertEqual(result, ["ENG-1", "ENG-3"])
        result = try await matching("priority < Medium")
        XCTAssertEqual(result, ["ENG-2"])
        result = try await matching("key > ENG-2")
        XCTAssertEqual(result, ["ENG-3", "ENG-4"])
        result = try await matching("key <= ENG-2")
        XCTAssertEqual(result, ["ENG-1", "ENG-2"])
        result = try await matching("created > \"-1d\"")
        XCTAssertEqual(result.count, 5)
        result = try await matching("created < \"-1d\"")
        XCTAssertEqual(result, [])
    }

    func testUsersEmptinessAndNegation() async throws {
        var result = try await matching("assignee = \"ana@example.com\"")
        XCTAssertEqual(result, ["ENG-1"])
        result = try await matching("assignee in (\"Ana Alves\", \(ben))")
        XCTAssertEqual(result, ["ENG-1", "ENG-3"])
        result = try await matching("assignee is EMPTY")
        XCTAssertEqual(result, ["ENG-2", "ENG-4", "OPS-1"])
        result = try await matching("assignee is not EMPTY")
        XCTAssertEqual(result, ["ENG-1", "ENG-3"])
        result = try await matching("assignee != \(ana)")
        XCTAssertEqual(result, ["ENG-3"], "!= never matches an empty field")
        result = try await matching("NOT assignee = \(ana)")
        XCTAssertEqual(result, ["ENG-3"], "NOT field = value is field != value")
        result = try await matching("labels != web")
        XCTAssertEqual(result, ["ENG-2", "ENG-3"])
        result = try await matching("labels is EMPTY")
        XCTAssertEqual(result, ["ENG-4"])
        result = try await matching("reporter = currentUser() OR creator = currentUser()")
        XCTAssertEqual(result, [], "admin items are reported by a colleague")
        try await create("Mine")
        result = try await matching("reporter = currentUser() AND assignee is EMPTY")
        XCTAssertEqual(result, ["ENG-5"])
    }

    func testAndOrNotAndParentheses() async throws {
        var result = try await matching("project = ENG AND labels = web OR project = OPS")
        XCTAssertEqual(result, ["ENG-1", "OPS-1"])
        result = try await matching("project = ENG AND (labels = web OR labels = reports)")
        XCTAssertEqual(result, ["ENG-1", "ENG-2"])
        result = try await matching("labels = web AND NOT (project = OPS OR priority = Low)")
        XCTAssertEqual(result, ["ENG-1"])
        result = try await matching("project = ENG && (priority = Low || priority = Highest)")
        XCTAssertEqual(result, ["ENG-2", "ENG-3"])
        result = try await matching("summary ~ login")
        XCTAssertEqual(result, ["ENG-1"])
        result = try await matching("summary ~ \"expo*\"")
        XCTAssertEqual(result, ["ENG-2", "ENG-4"])
        result = try await matching("summary !~ export AND project = ENG")
        XCTAssertEqual(result, ["ENG-1", "ENG-3"])
    }

    func testQuotedValuesAreLiterals() async throws {
        var result = try await matching(#"labels = "say\"OR\"""#)
        XCTAssertEqual(result, ["ENG-3"], "a quote and OR inside a quoted value are part of the label")
        result = try await matching(#"labels = 'say"OR"'"#)
        XCTAssertEqual(result, ["ENG-3"])
        result = try await matching(#"labels = "OR""#)
        XCTAssertEqual(result, ["ENG-3"], "a reserved word in quotes is a value")
        result = try await matching(#"labels in ("OR", 'reports')"#)
        XCTAssertEqual(result, ["ENG-2", "ENG-3"])
        let unquoted = try await rejected("labels = OR")
        XCTAssertTrue(unquoted.contains("reserved JQL word"), unquoted)
    }

    func testDatesAreReadInTheUsersTimeZoneWithMinutePrecision() async throws {
        let key = try await create("Timed")
        let fetched = try await jira("GET", "/issue/\(key)")
        let updated = Self.fields(fetched.object)["updated"] as? String
        let instant = try Self.date(updated)
        let berlin = try XCTUnwrap(TimeZone(identifier: "Europe/Berlin"))
        XCTAssertTrue(updated?.hasSuffix(berlin.secondsFromGMT(for: instant) == 7200 ? "+0200" : "+0100") == true,
                      "timestamps carry the user's offset: \(updated ?? "")")

        let minute = Date(timeIntervalSince1970: (instant.timeIntervalSince1970 / 60).rounded(.down) * 60)
        func literal(_ date: Date, _ zone: TimeZone, _ format: String = "yyyy-MM-dd HH:mm") -> String {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = zone
            formatter.dateFormat = format
            return formatter.string(from: date)
        }
        let utc = try XCTUnwrap(TimeZone(identifier: "UTC"))
        var result = try await matching("key = \(key) AND updated >= \"\(literal(minute, berlin))\"")
        XCTAssertEqual(result, [key], "updated at HH:MM UTC is >= the same instant written in Berlin time")
        result = try await matching("key = \(key) AND updated >= \"\(literal(minute.addingTimeInterval(60), berlin, "yyyy/MM/dd HH:mm"))\"")
        XCTAssertEqual(result, [], "minute precision: the next minute is later than the update")
        result = try await matching("key = \(key) AND updated < \"\(literal(minute, utc))\"")
        XCTAssertEqual(result, [], "a UTC wall-clock time names an earlier instant in Berlin (UTC+1/+2)")
        result = try await matching("key = \(key) AND updated >= \"\(literal(minute, berlin, "yyyy-MM-dd"))\"")
        XCTAssertEqual(result, [key], "a date alone is midnight in the user's zone")

        try await http.admin("POST", "/_simulator/setup", ["timeZone": "UTC"])
        result = try await matching("key = \(key) AND updated >= \"\(literal(minute, utc))\"")
        XCTAssertEqual(result, [key])
        result = try await matching("key = \(key) AND updated >= \"\(literal(minute, berlin))\"")
        XCTAssertEqual(result, [], "the same text now names a later instant")
    }

    func testOrderBy() async throws {
        var answer = try await search("project = ENG ORDER BY priority DESC, key ASC", fields: ["key"])
        XCTAssertEqual(issues(answer).compactMap { $0["key"] as? String }, ["ENG-3", "ENG-1", "ENG-4", "ENG-2"])
        answer = try await search("project = ENG ORDER BY key DESC", fields: ["key"])
        XCTAssertEqual(issues(answer).compactMap { $0["key"] as? String }, ["ENG-4", "ENG-3", "ENG-2", "ENG-1"])
        try await http.admin("PATCH", "/_simulator/items/ENG-2", ["fields": ["summary": "Export reports as CSV"]])
        answer = try await search("project = ENG ORDER BY updated DESC", fields: ["key"])
        XCTAssertEqual(issues(answer).first?["key"] as? String, "ENG-2")
        answer = try await search("project = ENG ORDER BY assignee ASC, key ASC", fields: ["key"])
        XCTAssertEqual(issues(answer).compactMap { $0["key"] as? String }, ["ENG-1", "ENG-3", "ENG-2", "ENG-4"],
                       "Ana, Ben, then the unassigned")
        let labels = try await rejected("project = ENG ORDER BY labels")
        XCTAssertTrue(labels.contains("does not support sorting"), labels)
    }

    func testGarbageUnknownsAndUnboundedQueriesAre400() async throws {
        for garbage in ["project = ", "project ENG", "(project = ENG", "project = ENG AND", "project = ENG ORDER key",
                        "labels in (a, b", "summary ~ \"unterminated", "= ENG", "project = ENG project = OPS"] {
            let message = try await rejected(garbage)
            XCTAssertTrue(message.hasPrefix("Error in the JQL Query: "), "\(garbage): \(message)")
            XCTAssertTrue(message.contains("(line 1, character "), message)
        }
        let field = try await rejected("nosuchfield = x")
        XCTAssertEqual(field, "Field 'nosuchfield' does not exist or you do not have permission to view it.")
        let project = try await rejected("project = NOPE")
        XCTAssertEqual(project, "The value 'NOPE' does not exist for the field 'project'.")
        let status = try await rejected("status = Limbo")
        XCTAssertEqual(status, "The value 'Limbo' does not exist for the field 'status'.")
        let key = try await rejected("key = ENG-99")
        XCTAssertEqual(key, "An issue with key 'ENG-99' does not exist for field 'key'.")
        let date = try await rejected("updated > yesterday")
        XCTAssertTrue(date.hasPrefix("Date value 'yesterday' for field 'updated' is invalid."), date)
        let op = try await rejected("labels ~ web")
        XCTAssertEqual(op, "The operator '~' is not supported by the 'labels' field.")
        let function = try await rejected("assignee = nobody()")
        XCTAssertEqual(function, "Unable to find JQL function 'nobody()'.")

        for unbounded in ["", "   ", "ORDER BY key DESC", "order by updated"] {
            let message = try await rejected(unbounded)
            XCTAssertEqual(message, "Unbounded JQL queries are not allowed here. Please add a search restriction to your query.",
                           unbounded)
        }
    }
}
