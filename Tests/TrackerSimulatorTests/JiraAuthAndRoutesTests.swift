import Foundation
import TrackerSimulator
import XCTest

/// Basic auth with the API token, the removed search endpoint, and answers to paths Jira does not serve.
final class JiraAuthAndRoutesTests: JiraTestCase {
    func testTheTokenPartOfBasicAuthMustMatch() async throws {
        let good = try await jira("GET", "/myself")
        XCTAssertEqual(good.status, 200)

        let otherEmail = "Basic " + Data("someone@example.com:\(token)".utf8).base64EncodedString()
        let anyEmail = try await http.api("GET", "/rest/api/3/myself", authorization: .some(otherEmail))
        XCTAssertEqual(anyEmail.status, 200, "the email part is not checked, the token is")

        let wrongToken = "Basic " + Data("\(email):not-the-token".utf8).base64EncodedString()
        for authorization: String? in [wrongToken, nil, "Bearer \(token)", "Basic not-base64!", "Basic " + Data(token.utf8).base64EncodedString()] {
            let answer = try await http.api("GET", "/rest/api/3/myself", authorization: .some(authorization))
            XCTAssertEqual(answer.status, 401, authorization ?? "no header")
            XCTAssertEqual(String(decoding: answer.body, as: UTF8.self), "Client must be authenticated to access this resource.")
            XCTAssertEqual(answer.headers["x-seraph-loginreason"], "AUTHENTICATED_FAILED")
        }
    }

    func testMyselfReportsTheTokenUserWithTimeZone() async throws {
        let me = try await jira("GET", "/myself").object
        XCTAssertEqual(me["emailAddress"] as? String, "sim-user@example.com")
        XCTAssertEqual(me["timeZone"] as? String, "Europe/Berlin")
        XCTAssertEqual(me["active"] as? Bool, true)
        let accountID = try XCTUnwrap(me["accountId"] as? String)
        XCTAssertTrue((me["self"] as? String ?? "").hasSuffix("/rest/api/3/user?accountId=" + accountID.replacingOccurrences(of: ":", with: "%3A")))

        try await http.admin("POST", "/_simulator/setup", ["timeZone": "Asia/Kolkata", "email": "me@corp.example"])
        let changed = try await jira("GET", "/myself").object
        XCTAssertEqual(changed["timeZone"] as? String, "Asia/Kolkata")
        XCTAssertEqual(changed["emailAddress"] as? String, "me@corp.example")
        XCTAssertEqual(changed["accountId"] as? String, accountID)

        let badZone = try await http.admin("POST", "/_simulator/setup", ["timeZone": "Mars/Olympus"])
        XCTAssertEqual(badZone.status, 400)
    }

    func testTheRemovedSearchEndpointAnswers410() async throws {
        for method in ["GET", "POST"] {
            let answer = try await jira(method, "/search?jql=project%20%3D%20ENG", method == "POST" ? ["jql": "project = ENG"] : nil)
            XCTAssertEqual(answer.status, 410, method)
            XCTAssertTrue(errorMessage(answer).hasPrefix("The requested API has been removed. Please migrate to the /rest/api/3/search/jql API."))
            XCTAssertEqual(fieldErrors(answer), [:])
        }
    }

    func testUnknownResourcesAndOtherAPIVersionsAre404() async throws {
        let unknown = try await jira("GET", "/nosuchthing")
        XCTAssertEqual(unknown.status, 404)
        XCTAssertTrue(errorMessage(unknown).hasPrefix("null for uri: "))
        let version2 = try await http.api("GET", "/rest/api/2/myself", authorization: .some(basicAuthorization))
        XCTAssertEqual(version2.status, 404)
        let missing = try await jira("GET", "/issue/ENG-404")
        XCTAssertEqual(missing.status, 404)
        XCTAssertEqual(errorMessage(missing), "Issue does not exist or you do not have permission to see it.")
    }

    func testWritesMustBeJSON() async throws {
        let answer = try await http.send("POST", "/rest/api/3/issue", body: Data("summary=x".utf8),
                                         authorization: basicAuthorization, headers: ["Content-Type": "text/plain"])
        XCTAssertEqual(answer.status, 415)
        let garbage = try await http.send("POST", "/rest/api/3/issue", body: Data("{not json".utf8),
                                          authorization: basicAuthorization, headers: ["Content-Type": "application/json"])
        XCTAssertEqual(garbage.status, 400)
        XCTAssertEqual(errorMessage(garbage), "Invalid request payload. Refer to the REST API documentation and try again.")
    }
}
