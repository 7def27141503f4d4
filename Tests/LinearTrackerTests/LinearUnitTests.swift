import Foundation
import JSON
import Trackers
import WorkItems
import XCTest
@testable import LinearTracker

final class LinearDescriptorTests: XCTestCase {
    private func settings(_ values: [String: String]) -> TrackerSettings {
        TrackerSettings(integration: "linear", values: values, token: nil, originURL: nil, cacheDirectory: nil)
    }

    func testCredentialHostTokenVariablesAndKeys() {
        let d = LinearDescriptor.descriptor
        XCTAssertEqual(d.integration, "linear")
        XCTAssertEqual(d.credentialHost(settings([:])), "api.linear.app")
        XCTAssertEqual(d.credentialHost(settings(["linear.api_url": "http://127.0.0.1:8123"])), "127.0.0.1")
        XCTAssertEqual(d.tokenVariable, "ACCELERATOR_LINEAR_TOKEN")
        XCTAssertEqual(d.tokenEnvironment, ["LINEAR_API_KEY"])
        XCTAssertTrue(d.keySyntax.matches("ENG-42"))
        XCTAssertFalse(d.keySyntax.matches("acme/widgets#1"))
        for key in ["linear.team_id", "linear.status_map.review", "linear.priority_map.p1", "linear.kind_map.epic", "linear.token_cmd",
                    "linear.create_labels"] {
            XCTAssertTrue(d.reads(key), key)
        }
        XCTAssertFalse(d.reads("linear.team"), "a misspelt key is not one Linear reads")
    }

    func testSettingsTheClientRefusesAreOneLineConfigurationErrors() {
        let cases: [([String: String], String?, String)] = [
            (["work.default_project_code": "ENG"], nil, "LINEAR_API_KEY"),
            (["work.default_project_code": "eng team"], "k", "work.default_project_code"),
            (["linear.team_id": "not/a/team"], "k", "linear.team_id"),
            (["linear.priority_map.p1": "very high"], "k", "linear.priority_map.p1"),
        ]
        for (values, token, named) in cases {
            XCTAssertThrowsError(try LinearTracker(settings: TrackerSettings(integration: "linear", values: values, token: token,
                                                                            originURL: nil, cacheDirectory: nil))) { error in
                guard case TrackerError.configuration(let message) = error else { return XCTFail("\(error)") }
                XCTAssertTrue(message.contains(named), message)
                XCTAssertFalse(message.contains("\n"))
            }
        }
    }
}

final class LinearMappingTests: XCTestCase {
    func testDefaultsNeedNoConfiguration() {
        let m = LinearMapping(statusMap: [:], priorityMap: [:], kindMap: [:])
        XCTAssertEqual(["draft", "ready", "in-progress", "review", "done", "abandoned"].map(m.stateName(for:)),
                       ["Backlog", "Todo", "In Progress", "In Review", "Done", "Canceled"])
        XCTAssertEqual(["Backlog", "Todo", "In Progress", "In Review", "Done", "Canceled", "Duplicate"].map { m.localStatus(stateName: $0, type: nil) },
                       ["draft", "ready", "in-progress", "review", "done", "abandoned", "abandoned"])
        XCTAssertEqual(m.localStatus(stateName: "QA", type: "started"), "in-progress", "an unknown name is read by its type")
        XCTAssertEqual(m.localStatus(stateName: "Shipped", type: "completed"), "done")
        XCTAssertEqual(m.localStatus(stateName: "Waiting on Ops", type: nil), "waiting-on-ops")
        XCTAssertEqual(["urgent", "high", "medium", "low", "critical"].map { m.priority(for: $0) }, [1, 2, 3, 4, 1])
        XCTAssertEqual([0, 1, 2, 3, 4].map(m.localPriority), [nil, "urgent", "high", "medium", "low"])
        XCTAssertEqual(["bug", "story", "task"].map { m.kindLabel(for: $0) }, ["Bug", "Feature", "Improvement"])
        XCTAssertNil(m.kindLabel(for: "epic"), "no default label for an epic")
        XCTAssertEqual(["Bug", "feature", "Improvement"].map(m.kind(forLabel:)), ["bug", "story", "task"])
        XCTAssertNil(m.kind(forLabel: "backend"), "an ordinary label is a tag")
    }

    func testTablesOverrideByLocalValue() {
        let m = LinearMapping(statusMap: ["review": "Code Review"], priorityMap: ["p1": "urgent", "p2": "2"], kindMap: ["epic": "Epic"])
        XCTAssertEqual(m.stateName(for: "review"), "Code Review")
        XCTAssertEqual(m.localStatus(stateName: "Code Review", type: "started"), "review")
        XCTAssertEqual(m.stateType(for: "review"), .started, "the type to fall back on when the team lacks the name")
        XCTAssertEqual(m.priority(for: "p1"), 1)
        XCTAssertEqual(m.localPriority(2), "p2")
        XCTAssertEqual(m.kindLabel(for: "epic"), "Epic")
        XCTAssertEqual(m.kind(forLabel: "epic"), "epic")
        XCTAssertTrue(LinearMapping(statusMap: [:], priorityMap: ["x": "soon"], kindMap: [:]).invalidPriorities == ["x"])
    }
}

final class LinearIssueIDTests: XCTestCase {
    func testAUUIDMarkerIsTheIssueIdAndOthersGiveAStableUUID() throws {
        XCTAssertEqual(LinearIssueID.from(SyncMarker("3F2B9A1C-1111-4A2B-8C3D-0123456789AB")), "3f2b9a1c-1111-4a2b-8c3d-0123456789ab")
        let derived = LinearIssueID.from(SyncMarker("check-1234"))
        XCTAssertEqual(derived, LinearIssueID.from(SyncMarker("check-1234")), "the same marker, the same id")
        XCTAssertNotEqual(derived, LinearIssueID.from(SyncMarker("check-1235")))
        let uuid = try XCTUnwrap(UUID(uuidString: derived), derived)
        XCTAssertEqual(uuid.uuidString.lowercased(), derived)
        let hex = Array(derived.replacingOccurrences(of: "-", with: ""))
        XCTAssertEqual(hex[12], "4", "version 4 layout")
        XCTAssertTrue("89ab".contains(hex[16]), "RFC 4122 variant")
    }

    func testCredentialsArePresentedTheWayLinearTakesThem() {
        XCTAssertEqual(LinearCredential("lin_api_abc").authorization, "lin_api_abc")
        XCTAssertEqual(LinearCredential("lin_oauth_abc").authorization, "Bearer lin_oauth_abc")
        XCTAssertEqual(LinearCredential("Bearer xyz").authorization, "Bearer xyz")
        XCTAssertEqual(LinearCredential("bearer  xyz").token, "xyz")
        XCTAssertEqual(LinearCredential("other-key").kind, "API key")
    }
}

final class LinearResponsesTests: XCTestCase {
    private func response(_ status: Int, _ body: String, _ headers: [(String, String)] = []) -> HTTPResponseData {
        HTTPResponseData(status: status, headers: headers, body: Array(body.utf8))
    }

    private let limited = #"{"errors":[{"message":"Rate limit exceeded","extensions":{"type":"ratelimited","code":"RATELIMITED"}}]}"#

    func testRatelimitedBodiesAnd429sAreWaitedOutUntilTheReset() throws {
        let now = Date()
        let reset = Int64(now.timeIntervalSince1970 * 1000) + 2_500
        let headers = [("x-ratelimit-requests-remaining", "0"), ("x-ratelimit-requests-reset", String(reset))]
        for status in [400, 200, 429] {
            let verdict = try XCTUnwrap(LinearResponses.classify(response(status, limited, headers)), "\(status)")
            XCTAssertFalse(verdict.mayHaveTakenEffect, "a refused request did nothing, so any request may go again")
            let wait = try XCTUnwrap(verdict.wait)
            XCTAssertTrue(wait > .milliseconds(1_500) && wait <= .milliseconds(2_500), "\(wait)")
        }
        let retryAfter = LinearResponses.classify(response(429, "{}", [("retry-after", "7")]))
        XCTAssertEqual(retryAfter?.wait, .seconds(7))
        let complexity = [("x-ratelimit-requests-remaining", "10"), ("x-complexity", "600"), ("x-ratelimit-complexity-remaining", "100"),
                          ("x-ratelimit-complexity-reset", String(reset))]
        XCTAssertNotNil(LinearResponses.classify(response(400, limited, complexity))?.wait, "a spent complexity budget waits for its reset")
    }

    func testOrdinaryAnswersAndOtherErrorsAreNotRetried() {
        XCTAssertNil(LinearResponses.classify(response(200, #"{"data":{"viewer":{"id":"x"}}}"#)))
        XCTAssertNil(LinearResponses.classify(response(400, #"{"errors":[{"message":"Cannot query field \"x\" on type \"Issue\"."}]}"#)))
        XCTAssertNil(LinearResponses.classify(response(200, #"{"data":{"issue":{"title":"ratelimited"}}}"#)),
                     "a title that mentions the word is not a rate limit")
        XCTAssertNotNil(LinearResponses.classify(response(503, "")), "a 503 is retried as for every tracker")
    }

    func testErrorsBecomeOneLineOfTheRightKindWithoutTheToken() {
        let credential = LinearCredential("lin_api_secret-value")
        func error(_ status: Int, _ body: String) -> TrackerError {
            let entries = LinearErrorReading.entries(try? JSONValue(parsing: body))
            return LinearErrorReading.error(status: status, entries: entries, what: "Issues", credential: credential) {
                $0.replacingOccurrences(of: "lin_api_secret-value", with: "[redacted]")
            }
        }
        let auth = error(401, #"{"errors":[{"message":"Authentication required, not authenticated: lin_api_secret-value","extensions":{"type":"authentication error","code":"AUTHENTICATION_ERROR"}}]}"#)
        guard case .unauthorized(let message) = auth else { return XCTFail("\(auth)") }
        XCTAssertFalse(message.contains("secret-value"), message)
        XCTAssertTrue(message.contains("LINEAR_API_KEY"), message)
        XCTAssertEqual(error(400, #"{"errors":[{"message":"nope","extensions":{"type":"forbidden"}}]}"#).reasonCode, "unauthorized")
        XCTAssertEqual(error(400, limited).reasonCode, "rate-limited")
        XCTAssertEqual(error(200, #"{"errors":[{"message":"Entity not found: Issue","extensions":{"type":"invalid input","code":"INPUT_ERROR"}}]}"#).reasonCode,
                       "remote-missing")
        let rejected = error(200, #"{"errors":[{"message":"Argument Validation Error","extensions":{"code":"INPUT_ERROR","userPresentableMessage":"title should\nnot be empty."}}]}"#)
        XCTAssertEqual(rejected.reasonCode, "rejected")
        XCTAssertTrue(rejected.description.contains("title should not be empty."), rejected.description)
        XCTAssertFalse(rejected.description.contains("\n"))
        XCTAssertEqual(error(400, #"{"errors":[{"message":"Cannot query field","extensions":{"code":"GRAPHQL_VALIDATION_FAILED"}}]}"#).reasonCode, "rejected")
        XCTAssertTrue(error(500, #"{"errors":[{"message":"boom","extensions":{"type":"internal error"}}]}"#).isSafeToRetry)
        XCTAssertTrue(error(502, "<html>bad gateway</html>").isSafeToRetry)
    }
}
