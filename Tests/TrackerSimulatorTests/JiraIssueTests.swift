import Foundation
import TrackerSimulator
import XCTest

/// Issues through the REST API: create, get, edit, delete, properties, and the 400s Jira gives.
final class JiraIssueTests: JiraTestCase {
    func testCreateGetAndUpdateWithProperties() async throws {
        let answer = try await jira("POST", "/issue", [
            "fields": ["project": ["key": "ENG"], "issuetype": ["name": "Story"], "summary": "Pay by invoice",
                       "description": Self.doc("Customers ask for it."), "labels": ["billing"], "priority": ["name": "High"]],
            "properties": [["key": "sync.marker", "value": ["local_id": "0007"]]],
        ])
        XCTAssertEqual(answer.status, 201)
        XCTAssertEqual(Set(answer.object.keys), ["id", "key", "self"])
        let key = try XCTUnwrap(answer.object["key"] as? String)
        XCTAssertEqual(key, "ENG-1")
        let id = try XCTUnwrap(answer.object["id"] as? String)
        XCTAssertEqual(answer.object["self"] as? String, "\(server.baseURL)/rest/api/3/issue/\(id)")

        let fetched = try await jira("GET", "/issue/\(key)?properties=sync.marker")
        XCTAssertEqual(fetched.status, 200)
        let fields = Self.fields(fetched.object)
        XCTAssertEqual(fields["summary"] as? String, "Pay by invoice")
        XCTAssertEqual(fields["labels"] as? [String], ["billing"])
        XCTAssertEqual((fields["priority"] as? [String: Any])?["name"] as? String, "High")
        XCTAssertEqual((fields["issuetype"] as? [String: Any])?["name"] as? String, "Story")
        XCTAssertEqual((fields["issuetype"] as? [String: Any])?["hierarchyLevel"] as? Int, 0)
        let status = try XCTUnwrap(fields["status"] as? [String: Any])
        XCTAssertEqual(status["name"] as? String, "To Do")
        XCTAssertEqual((status["statusCategory"] as? [String: Any])?["key"] as? String, "new")
        XCTAssertEqual((fields["reporter"] as? [String: Any])?["emailAddress"] as? String, email)
        XCTAssertTrue(fields["assignee"] is NSNull)
        XCTAssertNil(fields["parent"], "absent when there is none")
        XCTAssertEqual((fields["project"] as? [String: Any])?["key"] as? String, "ENG")
        XCTAssertEqual(((fields["description"] as? [String: Any])?["content"] as? [[String: Any]])?.count, 1)
        XCTAssertEqual(((fetched.object["properties"] as? [String: Any])?["sync.marker"] as? [String: Any])?["local_id"] as? String, "0007")
        let byID = try await jira("GET", "/issue/\(id)?fields=summary")
        XCTAssertEqual(Set(Self.fields(byID.object).keys), ["summary"])
        let lowerCase = try await jira("GET", "/issue/eng-1")
        XCTAssertEqual(lowerCase.object["key"] as? String, "ENG-1")

        let created = try Self.date(fields["created"] as? String)
        let before = try Self.date(fields["updated"] as? String)
        let users = try await jira("GET", "/user/search?query=ben").array
        let ben = try XCTUnwrap(users.first?["accountId"] as? String)
        let edit = try await jira("PUT", "/issue/\(key)?notifyUsers=false", [
            "fields": ["summary": "Pay by invoice or card", "assignee": ["accountId": ben]],
            "update": ["labels": [["add": "payments"], ["remove": "billing"]]],
            "properties": [["key": "sync.marker", "value": ["local_id": "0008"]]],
        ])
        XCTAssertEqual(edit.status, 204)
        XCTAssertTrue(edit.body.isEmpty)
        let after = try await jira("GET", "/issue/\(key)?properties=*all")
        let newFields = Self.fields(after.object)
        XCTAssertEqual(newFields["summary"] as? String, "Pay by invoice or card")
        XCTAssertEqual(newFields["labels"] as? [String], ["payments"])
        XCTAssertEqual((newFields["assignee"] as? [String: Any])?["displayName"] as? String, "Ben Brooks")
        XCTAssertGreaterThan(try Self.date(newFields["updated"] as? String), before)
        XCTAssertEqual(try Self.date(newFields["created"] as? String), created)
        XCTAssertEqual(((after.object["properties"] as? [String: Any])?["sync.marker"] as? [String: Any])?["local_id"] as? String, "0008")

        let unchanged = try await jira("PUT", "/issue/\(key)", ["fields": ["summary": "Pay by invoice or card"]])
        XCTAssertEqual(unchanged.status, 204)
        let again = Self.fields(try await jira("GET", "/issue/\(key)").object)
        XCTAssertEqual(again["updated"] as? String, newFields["updated"] as? String, "no change, no new updated time")

        let unassigned = try await jira("PUT", "/issue/\(key)", ["fields": ["assignee": NSNull()]])
        XCTAssertEqual(unassigned.status, 204)
        let unassignedFields = Self.fields(try await jira("GET", "/issue/\(key)").object)
        XCTAssertTrue(unassignedFields["assignee"] is NSNull)
    }

    func testUpdatedStrictlyIncreasesAcrossQuickChanges() async throws {
        let key = try await create("Busy")
        var times: [String] = []
        for n in 1...5 {
            try await jira("PUT", "/issue/\(key)", ["fields": ["summary": "Busy \(n)"]])
            times.append(Self.fields(try await jira("GET", "/issue/\(key)").object)["updated"] as? String ?? "")
        }
        let dates = try times.map { try Self.date($0) }
        XCTAssertEqual(dates, dates.sorted())
        XCTAssertEqual(Set(times).count, 5, "every change has its own updated time")
    }

    func testCreateAndEditErrorsAreJiraShaped() async throws {
        let noSummary = try await jira("POST", "/issue", ["fields": ["project": ["key": "ENG"], "issuetype": ["name": "Task"]]])
        XCTAssertEqual(noSummary.status, 400)
        XCTAssertEqual(noSummary.object["errorMessages"] as? [String], [])
        XCTAssertEqual(fieldErrors(noSummary), ["summary": "You must specify a summary of the issue."])

        let several = try await jira("POST", "/issue", ["fields": [
            "project": ["key": "NOPE"], "issuetype": ["name": "Saga"], "summary": "x", "labels": ["has space"],
            "priority": ["name": "Urgent"], "assignee": ["accountId": "nobody"],
        ]])
        XCTAssertEqual(several.status, 400)
        let errors = fieldErrors(several)
        XCTAssertEqual(errors["project"], "Specify a valid project ID or key")
        XCTAssertEqual(errors["issuetype"], "The issue type selected is invalid.")
        XCTAssertEqual(errors["labels"], "The label 'has space' contains spaces which is invalid.")
        XCTAssertEqual(errors["priority"], "The priority selected is invalid.")
        XCTAssertNotNil(errors["assignee"])

        let newline = try await jira("POST", "/issue", ["fields": ["project": ["key": "ENG"], "issuetype": ["name": "Task"],
                                                                   "summary": "two\nlines"]])
        XCTAssertEqual(fieldErrors(newline)["summary"], "The summary is invalid because it contains newline characters.")

        let key = try await create("Target")
        let status = try await jira("PUT", "/issue/\(key)", ["fields": ["status": ["name": "Done"]]])
        XCTAssertEqual(status.status, 400)
        XCTAssertEqual(fieldErrors(status)["status"], "Field 'status' cannot be set. It is not on the appropriate screen, or unknown.")
        let stillToDo = Self.fields(try await jira("GET", "/issue/\(key)").object)["status"] as? [String: Any]
        XCTAssertEqual(stillToDo?["name"] as? String, "To Do")

        let unknownField = try await jira("PUT", "/issue/\(key)", ["fields": ["customfield_10099": "x"]])
        XCTAssertEqual(fieldErrors(unknownField)["customfield_10099"],
                       "Field 'customfield_10099' cannot be set. It is not on the appropriate screen, or unknown.")
        let missing = try await jira("PUT", "/issue/ENG-999", ["fields": ["summary": "x"]])
        XCTAssertEqual(missing.status, 404)
        XCTAssertEqual(errorMessage(missing), "Issue does not exist or you do not have permission to see it.")
        XCTAssertEqual(fieldErrors(missing), [:])
    }

    func testMalformedDescriptionsAreRejected() async throws {
        let key = try await create("Described")
        let malformed: [(String, Any)] = [
            ("plain string", "just text"),
            ("no version", ["type": "doc", "content": []]),
            ("wrong version", ["type": "doc", "version": 2, "content": []]),
            ("not a doc", ["type": "paragraph", "version": 1, "content": []]),
            ("unknown node", ["type": "doc", "version": 1, "content": [["type": "marquee", "content": []]]]),
            ("empty text", ["type": "doc", "version": 1, "content": [["type": "paragraph", "content": [["type": "text", "text": ""]]]]]),
            ("heading level 7", ["type": "doc", "version": 1, "content": [["type": "heading", "attrs": ["level": 7],
                                                                             "content": [["type": "text", "text": "x"]]]]]),
            ("text at top level", ["type": "doc", "version": 1, "content": [["type": "text", "text": "x"]]]),
            ("list item without paragraph", ["type": "doc", "version": 1, "content": [["type": "bulletList", "content": [
                ["type": "listItem", "content": [["type": "text", "text": "x"]]]]]]]),
            ("empty list", ["type": "doc", "version": 1, "content": [["type": "bulletList", "content": []]]]),
            ("marked code", ["type": "doc", "version": 1, "content": [["type": "codeBlock", "content": [
                ["type": "text", "text": "x", "marks": [["type": "strong"]]]]]]]),
            ("link without href", ["type": "doc", "version": 1, "content": [["type": "paragraph", "content": [
                ["type": "text", "text": "x", "marks": [["type": "link", "attrs": [:]]]]]]]]),
            ("unknown mark", ["type": "doc", "version": 1, "content": [["type": "paragraph", "content": [
                ["type": "text", "text": "x", "marks": [["type": "blink"]]]]]]]),
            ("task item state", ["type": "doc", "version": 1, "content": [["type": "taskList", "attrs": ["localId": "a"],
                "content": [["type": "taskItem", "attrs": ["localId": "b", "state": "MAYBE"]]]]]]),
            ("mention without id", ["type": "doc", "version": 1, "content": [["type": "paragraph", "content": [
                ["type": "mention", "attrs": ["text": "@ana"]]]]]]),
            ("panel type", ["type": "doc", "version": 1, "content": [["type": "panel", "attrs": ["panelType": "shout"],
                "content": [["type": "paragraph"]]]]]),
            ("row outside table", ["type": "doc", "version": 1, "content": [["type": "tableRow", "content": []]]]),
        ]
        for (name, description) in malformed {
            let answer = try await jira("PUT", "/issue/\(key)", ["fields": ["description": description]])
            XCTAssertEqual(answer.status, 400, name)
            XCTAssertEqual(answer.object["errorMessages"] as? [String], [], name)
            XCTAssertNotNil(fieldErrors(answer)["description"], name)
        }
        let create = try await jira("POST", "/issue", ["fields": ["project": ["key": "ENG"], "issuetype": ["name": "Task"],
                                                                  "summary": "x", "description": "plain"]])
        XCTAssertEqual(create.status, 400)
        XCTAssertNotNil(fieldErrors(create)["description"])
        let count = try await http.admin("GET", "/_simulator/items").array.count
        XCTAssertEqual(count, 1, "nothing was created")
    }

    func testRichDescriptionsAreAcceptedAndReturnedAsSent() async throws {
        let description: [String: Any] = ["type": "doc", "version": 1, "content": [
            ["type": "heading", "attrs": ["level": 2], "content": [["type": "text", "text": "Plan"]]],
            ["type": "paragraph", "content": [
                ["type": "text", "text": "See ", "marks": [["type": "em"]]],
                ["type": "text", "text": "docs", "marks": [["type": "link", "attrs": ["href": "https://example.com"]], ["type": "code"]]],
                ["type": "hardBreak"], ["type": "mention", "attrs": ["id": "abc", "text": "@Ana"]],
                ["type": "emoji", "attrs": ["shortName": ":tada:"]], ["type": "inlineCard", "attrs": ["url": "https://example.com/x"]],
                ["type": "status", "attrs": ["text": "READY", "color": "green"]], ["type": "date", "attrs": ["timestamp": "1767225600000"]],
            ]],
            ["type": "orderedList", "attrs": ["order": 3], "content": [["type": "listItem", "content": [
                ["type": "paragraph", "content": [["type": "text", "text": "one"]]],
                ["type": "bulletList", "content": [["type": "listItem", "content": [["type": "paragraph"]]]]]]]]],
            ["type": "codeBlock", "attrs": ["language": "swift"], "content": [["type": "text", "text": "let x = 1"]]],
            ["type": "blockquote", "content": [["type": "paragraph", "content": [["type": "text", "text": "q"]]]]],
            ["type": "rule"],
            ["type": "table", "content": [["type": "tableRow", "content": [
                ["type": "tableHeader", "content": [["type": "paragraph", "content": [["type": "text", "text": "h"]]]]],
                ["type": "tableCell", "attrs": ["colspan": 1], "content": [["type": "paragraph"]]]]]]],
            ["type": "taskList", "attrs": ["localId": "t1"], "content": [
                ["type": "taskItem", "attrs": ["localId": "t2", "state": "DONE"], "content": [["type": "text", "text": "done"]]]]],
            ["type": "panel", "attrs": ["panelType": "note"], "content": [["type": "paragraph", "content": [["type": "text", "text": "n"]]]]],
            ["type": "expand", "attrs": ["title": "More"], "content": [["type": "paragraph", "content": [["type": "text", "text": "m"]]]]],
            ["type": "mediaSingle", "attrs": ["layout": "center"], "content": [
                ["type": "media", "attrs": ["type": "external", "url": "https://example.com/a.png"]]]],
        ]]
        let key = try await create("Rich", fields: ["description": description])
        let stored = Self.fields(try await jira("GET", "/issue/\(key)").object)["description"]
        let sent = try JSONSerialization.data(withJSONObject: description, options: .sortedKeys)
        let back = try JSONSerialization.data(withJSONObject: try XCTUnwrap(stored), options: .sortedKeys)
        XCTAssertEqual(String(decoding: back, as: UTF8.self), String(decoding: sent, as: UTF8.self))

        let cleared = try await jira("PUT", "/issue/\(key)", ["fields": ["description": NSNull()]])
        XCTAssertEqual(cleared.status, 204)
        let clearedFields = Self.fields(try await jira("GET", "/issue/\(key)").object)
        XCTAssertTrue(clearedFields["description"] is NSNull)
    }

    func testParentsFollowTheHierarchy() async throws {
        let epic = try await create("Epic", type: "Epic")
        let story = try await create("Story", type: "Story", fields: ["parent": ["key": epic]])
        let subtask = try await create("Sub", type: "Sub-task", fields: ["parent": ["key": story]])
        let parent = Self.fields(try await jira("GET", "/issue/\(subtask)").object)["parent"] as? [String: Any]
        XCTAssertEqual(parent?["key"] as? String, story)
        XCTAssertEqual((parent?["fields"] as? [String: Any])?["summary"] as? String, "Story")

        let orphan = try await jira("POST", "/issue", ["fields": ["project": ["key": "ENG"], "issuetype": ["name": "Sub-task"],
                                                                  "summary": "Orphan"]])
        XCTAssertEqual(orphan.status, 400)
        XCTAssertNotNil(fieldErrors(orphan)["parent"])
        let wrongLevel = try await jira("POST", "/issue", ["fields": ["project": ["key": "ENG"], "issuetype": ["name": "Story"],
                                                                      "summary": "Under a story", "parent": ["key": story]]])
        XCTAssertEqual(fieldErrors(wrongLevel)["parent"], "Given parent work item does not belong to appropriate hierarchy.")
        let unknownParent = try await jira("POST", "/issue", ["fields": ["project": ["key": "ENG"], "issuetype": ["name": "Story"],
                                                                         "summary": "x", "parent": ["key": "ENG-99"]]])
        XCTAssertEqual(fieldErrors(unknownParent)["parent"], "Could not find issue by id or key.")

        let removed = try await jira("PUT", "/issue/\(story)", ["update": ["parent": [["set": ["none": true]]]]])
        XCTAssertEqual(removed.status, 204)
        let storyFields = Self.fields(try await jira("GET", "/issue/\(story)").object)
        XCTAssertNil(storyFields["parent"])

        let blocked = try await jira("DELETE", "/issue/\(story)")
        XCTAssertEqual(blocked.status, 400, "an issue with sub-tasks needs deleteSubtasks=true")
        let deleted = try await jira("DELETE", "/issue/\(story)?deleteSubtasks=true")
        XCTAssertEqual(deleted.status, 204)
        let gone = try await jira("GET", "/issue/\(subtask)")
        XCTAssertEqual(gone.status, 404)
    }

    func testIssuePropertiesResource() async throws {
        let key = try await create("Props")
        let missing = try await jira("GET", "/issue/\(key)/properties/sync.marker")
        XCTAssertEqual(missing.status, 404)
        let created = try await jira("PUT", "/issue/\(key)/properties/sync.marker", ["local_id": "0001", "n": 1])
        XCTAssertEqual(created.status, 201)
        let replaced = try await jira("PUT", "/issue/\(key)/properties/sync.marker", ["local_id": "0002"])
        XCTAssertEqual(replaced.status, 200)
        let fetched = try await jira("GET", "/issue/\(key)/properties/sync.marker")
        XCTAssertEqual(fetched.status, 200)
        XCTAssertEqual(fetched.object["key"] as? String, "sync.marker")
        XCTAssertEqual(fetched.object["value"] as? [String: String], ["local_id": "0002"])
        let list = try await jira("GET", "/issue/\(key)/properties")
        XCTAssertEqual((list.object["keys"] as? [[String: Any]])?.compactMap { $0["key"] as? String }, ["sync.marker"])

        let updated = Self.fields(try await jira("GET", "/issue/\(key)").object)["updated"] as? String
        let created2 = Self.fields(try await jira("GET", "/issue/\(key)").object)["created"] as? String
        XCTAssertEqual(updated, created2, "properties are not fields: setting one leaves updated alone")

        let deleted = try await jira("DELETE", "/issue/\(key)/properties/sync.marker")
        XCTAssertEqual(deleted.status, 204)
        let deletedAgain = try await jira("DELETE", "/issue/\(key)/properties/sync.marker")
        XCTAssertEqual(deletedAgain.status, 404)
        let onMissingIssue = try await jira("PUT", "/issue/ENG-99/properties/x", ["a": 1])
        XCTAssertEqual(onMissingIssue.status, 404)
    }
}
