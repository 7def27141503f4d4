import Foundation
import XCTest

/// The simulator reads documents as Linear's GraphQL server does: a syntax error, an unknown field or argument, a
/// missing required argument, a wrong selection or a variable that does not fit is a 400 with graphql-js's message
/// and `GRAPHQL_VALIDATION_FAILED`, before anything runs.
final class LinearGraphQLValidationTests: LinearTestCase {
    private func refusal(_ query: String, _ variables: [String: Any]? = nil) async throws -> (messages: [String], code: String?) {
        let answer = try await graphql(query, variables)
        XCTAssertEqual(answer.status, 400, String(decoding: answer.body, as: UTF8.self))
        XCTAssertNil(answer.object["data"], "request errors come without data")
        return (messages(answer), extensions(answer)["code"] as? String)
    }

    func testAnUnknownFieldIsNamedWithItsType() async throws {
        let result = try await refusal("query Issues { issues { nodes { id titel } } }")
        XCTAssertEqual(result.messages, ["Cannot query field \"titel\" on type \"Issue\"."])
        XCTAssertEqual(result.code, "GRAPHQL_VALIDATION_FAILED")
    }

    func testAnUnknownArgumentAndAMissingRequiredOne() async throws {
        let unknown = try await refusal("{ issues(limit: 10) { nodes { id } } }")
        XCTAssertEqual(unknown.messages, ["Unknown argument \"limit\" on field \"Query.issues\"."])
        let missing = try await refusal("{ issue { id } }")
        XCTAssertEqual(missing.messages, ["Field \"issue\" argument \"id\" of type \"String!\" is required, but it was not provided."])
    }

    func testLeavesTakeNoSelectionAndObjectsNeedOne() async throws {
        let leaf = try await refusal("{ viewer { email { x } } }")
        XCTAssertEqual(leaf.messages, ["Field \"email\" must not have a selection since type \"String!\" has no subfields."])
        let object = try await refusal("{ viewer }")
        XCTAssertEqual(object.messages, ["Field \"viewer\" of type \"User!\" must have a selection of subfields. Did you mean \"viewer { ... }\"?"])
    }

    func testInputObjectsEnumsAndScalarsAreChecked() async throws {
        let field = try await refusal("{ issues(filter: { team: { keyy: { eq: \"ENG\" } } }) { nodes { id } } }")
        XCTAssertEqual(field.messages, ["Field \"keyy\" is not defined by type \"TeamFilter\"."])
        let enumeration = try await refusal("{ issues(orderBy: \"updatedAt\") { nodes { id } } }")
        XCTAssertEqual(enumeration.messages, ["Enum \"PaginationOrderBy\" cannot represent non-enum value: \"updatedAt\"."])
        let number = try await refusal("{ issues(first: \"10\") { nodes { id } } }")
        XCTAssertEqual(number.messages, ["Int cannot represent non-integer value: \"10\""])
        let required = try await refusal("mutation { issueCreate(input: { title: \"T\" }) { success } }")
        XCTAssertEqual(required.messages, ["Field \"IssueCreateInput.teamId\" of required type \"String!\" was not provided."])
    }

    func testVariablesMustBeDefinedUsedAndFitTheirPosition() async throws {
        let undefined = try await refusal("query Q { issue(id: $id) { id } }")
        XCTAssertEqual(undefined.messages, ["Variable \"$id\" is not defined by operation \"Q\"."])
        let unused = try await refusal("query Q($id: String!, $extra: Int) { issue(id: $id) { id } }")
        XCTAssertEqual(unused.messages, ["Variable \"$extra\" is never used in operation \"Q\"."])
        let position = try await refusal("query Q($id: String) { issue(id: $id) { id } }")
        XCTAssertEqual(position.messages, ["Variable \"$id\" of type \"String\" used in position expecting type \"String!\"."])
    }

    func testVariableValuesAreCoercedToTheirTypes() async throws {
        let answer = try await graphql("query Q($filter: IssueFilter) { issues(filter: $filter) { nodes { id } } }",
                                       ["filter": ["team": ["key": ["equals": "ENG"]]]])
        XCTAssertEqual(answer.status, 400)
        let message = try XCTUnwrap(messages(answer).first)
        XCTAssertTrue(message.hasPrefix("Variable \"$filter\" got invalid value"), message)
        XCTAssertTrue(message.hasSuffix("Field \"equals\" is not defined by type \"StringComparator\"."), message)
        let missing = try await graphql("query Q($id: String!) { issue(id: $id) { id } }", [:])
        XCTAssertEqual(messages(missing), ["Variable \"$id\" of required type \"String!\" was not provided."])
    }

    func testFragmentsMustBeKnownUsedAndSpreadOnTheirType() async throws {
        let unknown = try await refusal("{ viewer { ...Missing } }")
        XCTAssertEqual(unknown.messages, ["Unknown fragment \"Missing\"."])
        let unused = try await refusal("fragment F on User { id } { viewer { id } }")
        XCTAssertEqual(unused.messages, ["Fragment \"F\" is never used."])
        let wrongType = try await refusal("fragment F on Team { id } { viewer { ...F } }")
        XCTAssertEqual(wrongType.messages, ["Fragment \"F\" cannot be spread here as objects of type \"User\" can never be of type \"Team\"."])
        let working = try await data("fragment Me on User { email } query { viewer { ...Me ... on User { isMe } __typename } }")
        let viewer = try XCTUnwrap(working["viewer"] as? [String: Any])
        XCTAssertEqual(viewer["email"] as? String, "sim-user@example.com")
        XCTAssertEqual(viewer["isMe"] as? Bool, true)
        XCTAssertEqual(viewer["__typename"] as? String, "User")
    }

    func testSyntaxErrorsSayWhereAndWhat() async throws {
        let answer = try await graphql("{ viewer { id }")
        XCTAssertEqual(answer.status, 400)
        XCTAssertEqual(messages(answer), ["Syntax Error: Expected Name, found <EOF>."])
        XCTAssertEqual(extensions(answer)["code"] as? String, "GRAPHQL_PARSE_FAILED")
        let location = ((answer.object["errors"] as? [[String: Any]])?.first?["locations"] as? [[String: Any]])?.first
        XCTAssertEqual(location?["line"] as? Int, 1)
        XCTAssertEqual(location?["column"] as? Int, 16)
    }

    func testSeveralOperationsNeedAName() async throws {
        let ambiguous = try await graphql("query A { viewer { id } } query B { organization { id } }")
        XCTAssertEqual(messages(ambiguous), ["Must provide operation name if query contains multiple operations."])
        let chosen = try await graphql("query A { viewer { id } } query B { organization { urlKey } }", operationName: "B")
        XCTAssertEqual(chosen.status, 200)
        XCTAssertEqual(((chosen.object["data"] as? [String: Any])?["organization"] as? [String: Any])?["urlKey"] as? String, "sim")
    }

    func testSkipAndIncludeAndAliases() async throws {
        let answer = try await data("query($yes: Boolean!) { me: viewer { id @skip(if: $yes) email @include(if: $yes) } }", ["yes": true])
        let me = try XCTUnwrap(answer["me"] as? [String: Any])
        XCTAssertNil(me["id"])
        XCTAssertNotNil(me["email"])
    }

    func testAnswersFollowTheSchemasTypes() async throws {
        try await addItem(["title": "Typed", "priority": "High"])
        let answer = try await data("{ issues { nodes { number priority priorityLabel labelIds previousIdentifiers trashed createdAt } } }")
        let issue = try XCTUnwrap(Self.nodes(answer["issues"]).first)
        XCTAssertEqual(issue["number"] as? Int, 1, "Floats that are whole come as JSON integers, as Linear writes them")
        XCTAssertEqual(issue["priority"] as? Int, 2)
        XCTAssertEqual(issue["priorityLabel"] as? String, "High")
        XCTAssertEqual(issue["labelIds"] as? [String], [])
        XCTAssertEqual(issue["previousIdentifiers"] as? [String], [])
        XCTAssertTrue(issue["trashed"] is NSNull, "trashed is null unless the issue is in the trash")
        let created = try XCTUnwrap(issue["createdAt"] as? String)
        XCTAssertNotNil(try? Regex(#"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$"#).wholeMatch(in: created), created)
    }
}
