import Foundation
import TrackerSimulator
import XCTest

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The GitHub fake must behave like the recorded api.github.com traffic; these talk to it with plain URLSession,
/// never with the project's client.
final class GitHubSimulatorTests: XCTestCase {
    private var server: SimulatorServer!
    private let token = "sim-test-token"

    override func setUp() async throws {
        server = try await SimulatorServer.start(SimulatorOptions(kind: .github, token: token))
        _ = try await call("POST", "/_simulator/setup", ["repositories": ["acme/widgets"]], auth: false)
    }

    override func tearDown() async throws { await server.stop() }

    @discardableResult
    private func call(_ method: String, _ path: String, _ body: Any? = nil, auth: Bool = true,
                      headers: [String: String] = [:]) async throws -> (status: Int, json: Any?, headers: [String: String]) {
        let url = path.hasPrefix("http") ? URL(string: path)! : URL(string: server.baseURL + path)!
        var request = URLRequest(url: url)
        request.timeoutInterval = 5
        request.httpMethod = method
        if auth { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        for (k, v) in headers { request.setValue(v, forHTTPHeaderField: k) }
        if let body {
            request.httpBody = try JSONSerialization.data(withJSONObject: body)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = response as! HTTPURLResponse
        var h: [String: String] = [:]
        for (k, v) in http.allHeaderFields { h[String(describing: k).lowercased()] = String(describing: v) }
        return (http.statusCode, data.isEmpty ? nil : try? JSONSerialization.jsonObject(with: data), h)
    }

    private func addIssues(_ n: Int, pullRequestEvery: Int = 0) async throws {
        for i in 1...n {
            try await call("POST", "/_simulator/items", ["repository": "acme/widgets", "title": "Issue \(i)",
                "pull_request": pullRequestEvery > 0 && i % pullRequestEvery == 0], auth: false)
        }
    }

    private func nextLink(_ headers: [String: String]) -> String? {
        guard let link = headers["link"] else { return nil }
        for part in link.components(separatedBy: ", ") where part.hasSuffix("rel=\"next\"") {
            return String(part.split(separator: ";")[0].dropFirst().dropLast())
        }
        return nil
    }

    func testPagingFollowsLinkHeadersThroughRepositoriesURLsAndMixesInPullRequests() async throws {
        try await addIssues(25, pullRequestEvery: 5)
        var url: String? = "/repos/acme/widgets/issues?state=all&per_page=10"
        var numbers: [Int] = []
        var pullRequests = 0
        var pages = 0
        while let u = url {
            let r = try await call("GET", u)
            XCTAssertEqual(r.status, 200)
            let items = try XCTUnwrap(r.json as? [[String: Any]])
            numbers += items.compactMap { $0["number"] as? Int }
            pullRequests += items.filter { $0["pull_request"] != nil }.count
            url = nextLink(r.headers)
            if let next = url { XCTAssertTrue(next.contains("/repositories/"), next) }
            pages += 1
        }
        XCTAssertEqual(pages, 3)
        XCTAssertEqual(numbers, Array((1...25).reversed()), "newest first by default")
        XCTAssertEqual(pullRequests, 5)
        let clamped = try await call("GET", "/repos/acme/widgets/issues?state=all&per_page=500")
        XCTAssertEqual((clamped.json as? [Any])?.count, 25)
        XCTAssertNil(clamped.headers["link"])
    }

    func testSinceFiltersOnUpdatedAtAndEveryChangeBumpsItStrictly() async throws {
        try await addIssues(3)
        let all = try await call("GET", "/repos/acme/widgets/issues?state=all&sort=updated&direction=asc")
        let stamps = (all.json as! [[String: Any]]).map { $0["updated_at"] as! String }
        XCTAssertEqual(stamps, stamps.sorted())
        XCTAssertEqual(Set(stamps).count, 3, "strictly increasing")
        let patched = try await call("PATCH", "/repos/acme/widgets/issues/1", ["title": "Renamed"])
        let newStamp = (patched.json as! [String: Any])["updated_at"] as! String
        XCTAssertGreaterThan(newStamp, stamps.last!)
        let since = try await call("GET", "/repos/acme/widgets/issues?state=all&since=\(newStamp)")
        XCTAssertEqual((since.json as! [[String: Any]]).map { $0["number"] as! Int }, [1])
    }

    func testFiltersByLabelsAssigneeAndState() async throws {
        try await call("POST", "/_simulator/items", ["repository": "acme/widgets", "title": "A", "labels": ["bug", "ui"], "assignees": ["ana"]], auth: false)
        try await call("POST", "/_simulator/items", ["repository": "acme/widgets", "title": "B", "labels": ["bug"], "state": "closed"], auth: false)
        let bugs = try await call("GET", "/repos/acme/widgets/issues?state=all&labels=bug,ui")
        XCTAssertEqual((bugs.json as! [[String: Any]]).map { $0["title"] as! String }, ["A"])
        let closed = try await call("GET", "/repos/acme/widgets/issues?state=closed")
        XCTAssertEqual((closed.json as! [[String: Any]]).map { $0["title"] as! String }, ["B"])
        let mine = try await call("GET", "/repos/acme/widgets/issues?state=all&assignee=ana")
        XCTAssertEqual((mine.json as! [[String: Any]]).count, 1)
        let nobody = try await call("GET", "/repos/acme/widgets/issues?state=all&assignee=none")
        XCTAssertEqual((nobody.json as! [[String: Any]]).map { $0["title"] as! String }, ["B"])
    }

    func testCreateAndEditValidateLikeGitHub() async throws {
        let missing = try await call("POST", "/repos/acme/widgets/issues", ["body": "no title"])
        XCTAssertEqual(missing.status, 422)
        let error = try XCTUnwrap(missing.json as? [String: Any])
        XCTAssertEqual(error["message"] as? String, "Validation Failed")
        XCTAssertEqual((error["errors"] as? [[String: Any]])?.first?["code"] as? String, "missing_field")
        let unknownUser = try await call("POST", "/repos/acme/widgets/issues", ["title": "x", "assignees": ["nobody-here"]])
        XCTAssertEqual(unknownUser.status, 422)
        let created = try await call("POST", "/repos/acme/widgets/issues", ["title": "Real", "labels": ["new-label"]])
        XCTAssertEqual(created.status, 201)
        let closed = try await call("PATCH", "/repos/acme/widgets/issues/1", ["state": "closed", "state_reason": "not_planned"])
        let json = try XCTUnwrap(closed.json as? [String: Any])
        XCTAssertEqual(json["state"] as? String, "closed")
        XCTAssertEqual(json["state_reason"] as? String, "not_planned")
        XCTAssertNotNil(json["closed_at"] as? String)
        let badJSON = try await call("PATCH", "/repos/acme/widgets/issues/1", nil, headers: ["Content-Type": "application/json"])
        XCTAssertEqual(badJSON.status, 400)
        let nothing = try await call("GET", "/repos/acme/widgets/issues/99")
        XCTAssertEqual(nothing.status, 404)
        XCTAssertEqual((nothing.json as? [String: Any])?["message"] as? String, "Not Found")
    }

    func testWrongTokenIs401() async throws {
        let r = try await call("GET", "/repos/acme/widgets/issues", auth: false)
        XCTAssertEqual(r.status, 401)
        XCTAssertEqual((r.json as? [String: Any])?["message"] as? String, "Bad credentials")
    }

    func testETagGives304WithoutSpendingTheRateLimit() async throws {
        try await addIssues(2)
        let first = try await call("GET", "/repos/acme/widgets/issues?state=all")
        let etag = try XCTUnwrap(first.headers["etag"])
        let remaining = Int(first.headers["x-ratelimit-remaining"]!)!
        let second = try await call("GET", "/repos/acme/widgets/issues?state=all", headers: ["If-None-Match": etag])
        XCTAssertEqual(second.status, 304)
        XCTAssertEqual(Int(second.headers["x-ratelimit-remaining"]!)!, remaining)
        try await call("PATCH", "/repos/acme/widgets/issues/1", ["title": "changed"])
        let third = try await call("GET", "/repos/acme/widgets/issues?state=all", headers: ["If-None-Match": etag])
        XCTAssertEqual(third.status, 200, "a change invalidates the ETag")
    }

    func testRateLimitExhaustionAnswers403WithZeroRemaining() async throws {
        try await call("POST", "/_simulator/faults", ["ratelimit_remaining": 1], auth: false)
        let value1 = try await call("GET", "/repos/acme/widgets/issues").status
        XCTAssertEqual(value1, 200)
        let limited = try await call("GET", "/repos/acme/widgets/issues")
        XCTAssertEqual(limited.status, 403)
        XCTAssertEqual(limited.headers["x-ratelimit-remaining"], "0")
        XCTAssertTrue(((limited.json as? [String: Any])?["message"] as? String ?? "").contains("rate limit"))
    }

    func testFaultsAnswerTheirStatusForCountRequestsAndTheLogRecordsThem() async throws {
        try await call("POST", "/_simulator/faults", ["path": "/issues", "status": 503, "count": 2, "headers": ["retry-after": "1"]], auth: false)
        let value2 = try await call("GET", "/repos/acme/widgets/issues").status
        XCTAssertEqual(value2, 503)
        let second = try await call("GET", "/repos/acme/widgets/issues")
        XCTAssertEqual(second.status, 503)
        XCTAssertEqual(second.headers["retry-after"], "1")
        let value3 = try await call("GET", "/repos/acme/widgets/issues").status
        XCTAssertEqual(value3, 200)
        let log = try await call("GET", "/_simulator/requests", auth: false).json as? [[String: Any]] ?? []
        XCTAssertEqual(log.compactMap { $0["status"] as? Int }, [503, 503, 200])
        // A POST, because URLSession quietly repeats a GET whose connection dropped.
        try await call("POST", "/_simulator/faults", ["path": "/issues", "drop": true, "count": 1], auth: false)
        do {
            _ = try await call("POST", "/repos/acme/widgets/issues", ["title": "dropped"])
            XCTFail("a dropped connection must not answer")
        } catch {}
    }

    func testDropAfterTheRequestTookEffect() async throws {
        // The answer never comes (URLSession gives up after its timeout); the issue exists all the same.
        try await call("POST", "/_simulator/faults", ["path": "^/repos/acme/widgets/issues$", "drop": true, "after": true, "count": 1], auth: false)
        do { _ = try await call("POST", "/repos/acme/widgets/issues", ["title": "Sent into the void"]) } catch {}
        let items = try await call("GET", "/_simulator/items", auth: false).json as? [[String: Any]] ?? []
        XCTAssertEqual(items.map { $0["title"] as? String }, ["Sent into the void"])
    }

    func testAdminItemsPatchDeleteAndReset() async throws {
        let added = try await call("POST", "/_simulator/items", ["repository": "acme/widgets", "title": "Admin"], auth: false)
        let key = try XCTUnwrap((added.json as? [String: Any])?["key"] as? String)
        XCTAssertEqual(key, "acme/widgets#1")
        let encoded = key.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        let patched = try await call("PATCH", "/_simulator/items/\(encoded)", ["title": "Patched", "assignees": ["newcomer"]], auth: false)
        XCTAssertEqual((patched.json as? [String: Any])?["title"] as? String, "Patched")
        let value4 = try await call("DELETE", "/_simulator/items/\(encoded)", auth: false).status
        XCTAssertEqual(value4, 204)
        let afterDelete = try await call("GET", "/_simulator/items", auth: false).json as? [Any]
        XCTAssertEqual(afterDelete?.count, 0)
        try await addIssues(1)
        let value5 = try await call("POST", "/_simulator/reset", auth: false).status
        XCTAssertEqual(value5, 204)
        let afterReset = try await call("GET", "/_simulator/items", auth: false).json as? [Any]
        XCTAssertEqual(afterReset?.count, 0)
    }

    func testIssueShapeMatchesTheRecordedGitHubResponses() async throws {
        try await addIssues(1)
        let listed = try await call("GET", "/repos/acme/widgets/issues").json as? [[String: Any]]
        let ours = try XCTUnwrap(listed?.first)
        let recorded = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/api/github/recorded/paginate-issues.json")
        let exchanges = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: recorded)) as? [[String: Any]])
        let list = try XCTUnwrap(exchanges.first { ($0["method"] as? String) == "get" }?["response"] as? [[String: Any]])
        XCTAssertEqual(Set(ours.keys), Set(list[0].keys), "top-level issue keys")
        XCTAssertEqual(Set((ours["user"] as! [String: Any]).keys).isSubset(of: Set((list[0]["user"] as! [String: Any]).keys)), true)
    }

    func testStateFileSurvivesARestart() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("sim-state-\(UUID()).json").path
        defer { try? FileManager.default.removeItem(atPath: file) }
        let first = try await SimulatorServer.start(SimulatorOptions(kind: .github, token: token, stateFile: file))
        var request = URLRequest(url: URL(string: first.baseURL + "/_simulator/items")!)
        request.httpMethod = "POST"
        request.httpBody = try JSONSerialization.data(withJSONObject: ["repository": "acme/widgets", "title": "Persisted"])
        _ = try await URLSession.shared.data(for: request)
        await first.stop()
        let second = try await SimulatorServer.start(SimulatorOptions(kind: .github, token: token, stateFile: file))
        let (data, _) = try await URLSession.shared.data(from: URL(string: second.baseURL + "/_simulator/items")!)
        await second.stop()
        let items = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        XCTAssertEqual(items.map { $0["title"] as? String }, ["Persisted"])
    }
}

final class SimulatorExecutableTests: XCTestCase {
    func testTheFirstLineSaysWhereItListens() throws {
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("tracker-simulator")
        let path = FileManager.default.isExecutableFile(atPath: binary.path) ? binary.path
            : URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent(".build/debug/tracker-simulator").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["github", "--port", "0", "--token", "T", "--seed-demo"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { process.terminate(); process.waitUntilExit() }
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        let first = String(decoding: line, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? ""
        XCTAssertTrue(first.hasPrefix("listening on http://127.0.0.1:"), first)
        let base = String(first.dropFirst("listening on ".count))
        let data = try Data(contentsOf: URL(string: base + "/_simulator/items")!)
        let items = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        XCTAssertEqual(items.count, 5, "the demo seed")
    }
}
