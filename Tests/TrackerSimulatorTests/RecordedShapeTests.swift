import Foundation
import TestFixtures
import TrackerSimulator
import XCTest

/// The simulator's JSON against real api.github.com traffic recorded by Octokit (vendored in Tests/Fixtures).
final class RecordedShapeTests: SimulatorTestCase {
    private struct Exchange {
        var method: String
        var path: String
        var response: Any
        var headers: [String: String]
    }

    private func recorded(_ name: String) throws -> [Exchange] {
        let url = Fixtures.octokitRecording(name)
        let list = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [[String: Any]])
        return list.map { entry in
            let raw = entry["rawHeaders"] as? [String] ?? []
            var headers: [String: String] = [:]
            for i in stride(from: 0, to: raw.count - 1, by: 2) { headers[raw[i].lowercased()] = raw[i + 1] }
            return Exchange(method: entry["method"] as? String ?? "", path: entry["path"] as? String ?? "",
                            response: entry["response"] ?? NSNull(), headers: headers)
        }
    }

    func testIssueJSONHasTheRecordedKeys() async throws {
        let exchanges = try recorded("paginate-issues")
        let recordedCreate = try XCTUnwrap(exchanges.first { $0.method == "post" && $0.path.hasSuffix("/issues") }?.response as? [String: Any])
        let recordedList = try XCTUnwrap(exchanges.first { $0.method == "get" }?.response as? [[String: Any]])
        let recordedUser = try XCTUnwrap(recordedCreate["user"] as? [String: Any])

        let created = try await http.api("POST", "/repos/acme/widgets/issues", ["title": "Test issue 1"])
        let list = try await http.api("GET", "/repos/acme/widgets/issues")
        let ours = try XCTUnwrap(list.array.first)

        XCTAssertEqual(Set(created.object.keys), Set(recordedCreate.keys), "a single issue (with closed_by)")
        XCTAssertEqual(Set(ours.keys), Set(recordedList[0].keys), "a list item (without closed_by)")
        XCTAssertEqual(Set((ours["user"] as? [String: Any] ?? [:]).keys), Set(recordedUser.keys))
        XCTAssertEqual(Set((ours["reactions"] as? [String: Any] ?? [:]).keys),
                       Set((recordedList[0]["reactions"] as? [String: Any] ?? [:]).keys))
        for key in ["assignee", "milestone", "closed_at", "body", "state_reason", "active_lock_reason", "performed_via_github_app"] {
            XCTAssertEqual(ours[key] is NSNull, recordedCreate[key] is NSNull, "\(key) is null in both")
        }
        for key in recordedList[0].keys where !(recordedList[0][key] is NSNull) {
            XCTAssertEqual(Self.kind(ours[key]), Self.kind(recordedList[0][key]), "type of \(key)")
        }
    }

    func testLabelJSONHasTheRecordedKeys() async throws {
        let exchanges = try recorded("add-labels-to-issue")
        let recordedLabels = try XCTUnwrap(exchanges.first { $0.path.hasSuffix("/labels") }?.response as? [[String: Any]])
        let created = try await http.api("POST", "/repos/acme/widgets/issues", ["title": "Labelled", "labels": ["Foo"]])
        let label = try XCTUnwrap((created.object["labels"] as? [[String: Any]])?.first)
        XCTAssertEqual(Set(label.keys), Set(recordedLabels[0].keys))
        XCTAssertEqual(label["color"] as? String, recordedLabels[0]["color"] as? String, "GitHub's colour for a label made on the fly")
    }

    func testValidationErrorHasTheRecordedKeys() async throws {
        let exchanges = try recorded("errors")
        let recordedError = try XCTUnwrap(exchanges.first { $0.path.hasSuffix("/labels") }?.response as? [String: Any])
        let ours = try await http.api("POST", "/repos/acme/widgets/issues", ["body": "no title"])
        XCTAssertEqual(Set(ours.object.keys), Set(recordedError.keys))
        let ourEntry = try XCTUnwrap((ours.object["errors"] as? [[String: Any]])?.first)
        let recordedEntry = try XCTUnwrap((recordedError["errors"] as? [[String: Any]])?.first)
        XCTAssertEqual(Set(ourEntry.keys), Set(recordedEntry.keys))
    }

    func testResponseHeadersAreTheRecordedOnes() async throws {
        let recordedPage = try XCTUnwrap(try recorded("paginate-issues").first { $0.path.contains("page=2") })
        try await addIssues(13)  // as many as the recording had: page 2 of 5
        let ours = try await http.api("GET", "/repos/acme/widgets/issues?per_page=3&page=2")
        for name in ["link", "etag", "cache-control", "x-ratelimit-limit", "x-ratelimit-remaining", "x-ratelimit-reset",
                     "x-ratelimit-used", "x-ratelimit-resource", "x-github-media-type", "content-type"] {
            XCTAssertNotNil(recordedPage.headers[name], "recorded \(name)")
            XCTAssertNotNil(ours.headers[name], "ours \(name)")
        }
        XCTAssertEqual(ours.headers["content-type"], recordedPage.headers["content-type"])
        func shape(_ link: String) -> String {
            link.replacingOccurrences(of: #"<[^>]*/repositories/\d+/issues\?"#, with: "<R?", options: .regularExpression)
        }
        XCTAssertEqual(shape(ours.headers["link"] ?? ""), shape(try XCTUnwrap(recordedPage.headers["link"])),
                       "same relations, order and query for page 2 of 5")
    }

    private static func kind(_ value: Any?) -> String {
        switch value {
        case is String: "string"
        case let number as NSNumber: String(cString: number.objCType) == "c" ? "bool" : "number"
        case is [Any]: "array"
        case is [String: Any]: "object"
        case is NSNull: "null"
        default: "missing"
        }
    }
}
