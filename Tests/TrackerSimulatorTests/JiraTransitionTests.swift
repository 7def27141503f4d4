import Foundation
import TrackerSimulator
import XCTest

/// Status changes through the workflow's transitions only.
final class JiraTransitionTests: JiraTestCase {
    private func available(_ key: String) async throws -> [String: String] {
        let answer = try await jira("GET", "/issue/\(key)/transitions")
        XCTAssertEqual(answer.status, 200)
        let list = answer.object["transitions"] as? [[String: Any]] ?? []
        return Dictionary(uniqueKeysWithValues: list.map {
            ($0["name"] as? String ?? "", (($0["to"] as? [String: Any])?["name"] as? String) ?? "")
        })
    }

    private func status(_ key: String) async throws -> String {
        let fields = Self.fields(try await jira("GET", "/issue/\(key)").object)
        return (fields["status"] as? [String: Any])?["name"] as? String ?? ""
    }

    func testOnlyTransitionsFromTheCurrentStatusAreListedAndAllowed() async throws {
        let key = try await create("Flow")
        let fromToDo = try await available(key)
        XCTAssertEqual(fromToDo, ["Start Progress": "In Progress", "Won't Do": "Won't Do"])

        let tooEarly = try await jira("POST", "/issue/\(key)/transitions", ["transition": ["id": "51"]])
        XCTAssertEqual(tooEarly.status, 400, "Done is not reachable from To Do")
        XCTAssertEqual(errorMessage(tooEarly), "Transition id '51' is not valid for this issue.")
        let stillToDo = try await status(key)
        XCTAssertEqual(stillToDo, "To Do")

        let before = Self.fields(try await jira("GET", "/issue/\(key)").object)["updated"] as? String
        let start = try await jira("POST", "/issue/\(key)/transitions", ["transition": ["id": "11"]])
        XCTAssertEqual(start.status, 204)
        let inProgress = Self.fields(try await jira("GET", "/issue/\(key)").object)
        XCTAssertEqual((inProgress["status"] as? [String: Any])?["name"] as? String, "In Progress")
        XCTAssertEqual(((inProgress["status"] as? [String: Any])?["statusCategory"] as? [String: Any])?["key"] as? String, "indeterminate")
        XCTAssertGreaterThan(try Self.date(inProgress["updated"] as? String), try Self.date(before))
        XCTAssertEqual(inProgress["statuscategorychangedate"] as? String, inProgress["updated"] as? String)

        let fromInProgress = try await available(key)
        XCTAssertEqual(fromInProgress, ["Stop Progress": "To Do", "Request Review": "In Review", "Won't Do": "Won't Do"])
        for id in ["31", "51"] {
            let step = try await jira("POST", "/issue/\(key)/transitions", ["transition": ["id": id]])
            XCTAssertEqual(step.status, 204, id)
        }
        let done = try await status(key)
        XCTAssertEqual(done, "Done")
        let fromDone = try await available(key)
        XCTAssertEqual(fromDone, ["Reopen": "To Do", "Won't Do": "Won't Do"])
        let reopen = try await jira("POST", "/issue/\(key)/transitions", ["transition": ["id": 71]])
        XCTAssertEqual(reopen.status, 204, "a numeric id works too")
        let reopened = try await status(key)
        XCTAssertEqual(reopened, "To Do")
    }

    func testTransitionDetailsAndErrors() async throws {
        let key = try await create("Details")
        let answer = try await jira("GET", "/issue/\(key)/transitions?includeUnavailableTransitions=true")
        let list = try XCTUnwrap(answer.object["transitions"] as? [[String: Any]])
        XCTAssertEqual(list.count, 7, "every transition of the workflow, unavailable ones marked")
        let done = try XCTUnwrap(list.first { $0["id"] as? String == "51" })
        XCTAssertEqual(done["isAvailable"] as? Bool, false)
        XCTAssertEqual(done["hasScreen"] as? Bool, false)
        let target = try XCTUnwrap(done["to"] as? [String: Any])
        XCTAssertEqual(target["name"] as? String, "Done")
        XCTAssertEqual((target["statusCategory"] as? [String: Any])?["key"] as? String, "done")
        let wontDo = try XCTUnwrap(list.first { $0["id"] as? String == "61" })
        XCTAssertEqual(wontDo["isGlobal"] as? Bool, true)

        let one = try await jira("GET", "/issue/\(key)/transitions?transitionId=11")
        XCTAssertEqual((one.object["transitions"] as? [[String: Any]])?.count, 1)

        let missingID = try await jira("POST", "/issue/\(key)/transitions", ["transition": [:] as [String: Any]])
        XCTAssertEqual(missingID.status, 400)
        let unknown = try await jira("POST", "/issue/\(key)/transitions", ["transition": ["id": "999"]])
        XCTAssertEqual(unknown.status, 400)
        let withField = try await jira("POST", "/issue/\(key)/transitions", ["transition": ["id": "11"], "fields": ["resolution": ["name": "Fixed"]]])
        XCTAssertEqual(withField.status, 400, "no transition has a screen here")
        let onMissing = try await jira("POST", "/issue/ENG-99/transitions", ["transition": ["id": "11"]])
        XCTAssertEqual(onMissing.status, 404)
    }

    func testTheAdminAPISetsAStatusDirectly() async throws {
        let item = try await addItem(["summary": "Remote"], status: "In Review")
        let key = try XCTUnwrap(item["key"] as? String)
        let status = try await status(key)
        XCTAssertEqual(status, "In Review")
        let moves = try await available(key)
        XCTAssertEqual(moves, ["Request Changes": "In Progress", "Done": "Done", "Won't Do": "Won't Do"])
        let changed = try await http.admin("PATCH", "/_simulator/items/\(key)", ["status": "won't do"])
        XCTAssertEqual(changed.status, 200)
        let wontDo = try await self.status(key)
        XCTAssertEqual(wontDo, "Won't Do")
        let unknown = try await http.admin("PATCH", "/_simulator/items/\(key)", ["status": "Limbo"])
        XCTAssertEqual(unknown.status, 400)
    }
}
