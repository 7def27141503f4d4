import Foundation
import TrackerSimulator
import XCTest

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Result of running the built `git-sync-work-items` binary.
struct RunResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Finds binaries built next to the test bundle (`.build/debug`).
enum BuiltProducts {
    static var directory: URL {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Bundle.main.bundleURL,
            Bundle.main.bundleURL.deletingLastPathComponent(),
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent(".build/debug"),
        ]
        for dir in candidates where FileManager.default.isExecutableFile(atPath: dir.appendingPathComponent("git-sync-work-items").path) {
            return dir
        }
        return candidates.last!
    }

    static var syncBinary: String { directory.appendingPathComponent("git-sync-work-items").path }
    static var simulatorBinary: String { directory.appendingPathComponent("tracker-simulator").path }
}

/// Runs a program and collects its output; stdin is /dev/null like CI and hooks.
func runProcess(_ executable: String, _ arguments: [String], in directory: String, environment: [String: String],
                input: String? = nil) throws -> RunResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    process.environment = environment
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    if let input {
        let pipe = Pipe()
        process.standardInput = pipe
        try process.run()
        pipe.fileHandleForWriting.write(Data(input.utf8))
        try pipe.fileHandleForWriting.close()
    } else {
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }
    // Read both pipes concurrently so a full pipe cannot block the child.
    let errData = LockedData()
    let errThread = Thread { errData.set(err.fileHandleForReading.readDataToEndOfFile()) }
    errThread.start()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    while !errData.isSet { usleep(1000) }
    return RunResult(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
        stderr: String(decoding: errData.value, as: UTF8.self))
}

final class LockedData: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    private var done = false
    func set(_ d: Data) { lock.lock(); data = d; done = true; lock.unlock() }
    var isSet: Bool { lock.lock(); defer { lock.unlock() }; return done }
    var value: Data { lock.lock(); defer { lock.unlock() }; return data }
}

/// A scratch git repository with work items and a configuration pointing at a simulator.
final class ScratchRepo {
    let root: String
    let home: String
    var environment: [String: String]

    init(testName: String) throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("gswi-e2e-\(UUID().uuidString.prefix(8))")
        root = base.appendingPathComponent("repo").path
        home = base.appendingPathComponent("home").path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        var env: [String: String] = [:]
        for key in ["PATH", "LANG", "TMPDIR"] { env[key] = ProcessInfo.processInfo.environment[key] }
        env["HOME"] = home
        env["GIT_CONFIG_NOSYSTEM"] = "1"
        env["GIT_AUTHOR_NAME"] = "Test Author"
        env["GIT_AUTHOR_EMAIL"] = "author@example.invalid"
        env["GIT_COMMITTER_NAME"] = "Test Committer"
        env["GIT_COMMITTER_EMAIL"] = "committer@example.invalid"
        environment = env
        try git("init", "-q", "-b", "main")
    }

    deinit { try? FileManager.default.removeItem(atPath: (root as NSString).deletingLastPathComponent) }

    @discardableResult
    func git(_ args: String...) throws -> String {
        let r = try runProcess("/usr/bin/git", args, in: root, environment: environment)
        if r.status != 0 { throw NSError(domain: "git", code: Int(r.status), userInfo: [NSLocalizedDescriptionKey: "git \(args.joined(separator: " ")): \(r.stderr)"]) }
        return r.stdout
    }

    func write(_ relative: String, _ text: String) throws {
        let url = URL(fileURLWithPath: root).appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func read(_ relative: String) -> String? {
        FileManager.default.contents(atPath: root + "/" + relative).map { String(decoding: $0, as: UTF8.self) }
    }

    func files(under folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: root + "/" + folder)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    func commitAll(_ message: String) throws {
        try git("add", "-A")
        try git("commit", "-q", "-m", message)
    }

    func configure(simulator: String, repo: String = "acme/widgets", extra: String = "") throws {
        try write(".accelerator/config.md", """
            ---
            work:
              integration: github-issues
            \(extra)github:
              repo: \(repo)
              api_url: \(simulator)
            ---
            Team configuration.

            """)
        environment["ACCELERATOR_GITHUB_TOKEN"] = E2E.token
    }

    func configureJira(simulator: String, project: String = "ENG", extra: String = "") throws {
        try write(".accelerator/config.md", """
            ---
            work:
              integration: jira
              default_project_code: \(project)
            \(extra)jira:
              site: acme
              api_url: \(simulator)
              email: \(E2E.jiraEmail)
            ---
            Team configuration.

            """)
        environment["ACCELERATOR_JIRA_TOKEN"] = E2E.token
    }

    func sync(_ args: String...) throws -> RunResult {
        try runProcess(BuiltProducts.syncBinary, args, in: root, environment: environment)
    }

    /// Everything that identifies the repository's state: HEAD, index and working tree.
    func snapshot() throws -> String {
        let head = try git("rev-parse", "HEAD")
        let status = try git("status", "--porcelain", "--untracked-files=all")
        let tree = try git("ls-files", "-s")
        var files = ""
        if let e = FileManager.default.enumerator(atPath: root) {
            for case let p as String in e where !p.hasPrefix(".git/") && p != ".git" {
                var isDir: ObjCBool = false
                if FileManager.default.fileExists(atPath: root + "/" + p, isDirectory: &isDir), !isDir.boolValue {
                    files += p + "\n" + (read(p) ?? "") + "\n"
                }
            }
        }
        return head + status + tree + files
    }
}

enum E2E {
    static let token = "e2e-token-not-secret"
    static let jiraEmail = "sync-bot@example.invalid"
}

/// The GitHub simulator, in process, with a small client for its admin API.
final class Simulator {
    let server: SimulatorServer
    var url: String { server.baseURL }

    private init(server: SimulatorServer) { self.server = server }

    static func start(latencyMs: Int = 0) async throws -> Simulator {
        let sim = Simulator(server: try await SimulatorServer.start(SimulatorOptions(kind: .github, token: E2E.token, latencyMs: latencyMs)))
        _ = try await sim.admin("POST", "/_simulator/setup", ["repositories": ["acme/widgets"]])
        return sim
    }

    /// The Jira simulator with projects ENG and OPS, users Ana and Ben, and a user time zone that is not UTC.
    static func startJira(latencyMs: Int = 0) async throws -> Simulator {
        let sim = Simulator(server: try await SimulatorServer.start(SimulatorOptions(kind: .jira, token: E2E.token, latencyMs: latencyMs)))
        _ = try await sim.admin("POST", "/_simulator/setup", [
            "projects": [["key": "ENG", "name": "Engineering"], ["key": "OPS", "name": "Operations"]],
            "users": [["accountId": "acc-ana", "displayName": "Ana Lima", "emailAddress": "ana@example.invalid"],
                      ["accountId": "acc-ben", "displayName": "Ben Okafor", "emailAddress": "ben@example.invalid"]],
            "timeZone": "Europe/Berlin", "email": E2E.jiraEmail,
        ])
        return sim
    }

    /// A simulator of any kind, set up by the caller.
    static func start(kind: SimulatedTrackerKind, token: String, latencyMs: Int = 0) async throws -> Simulator {
        Simulator(server: try await SimulatorServer.start(SimulatorOptions(kind: kind, token: token, latencyMs: latencyMs)))
    }

    func stop() async { await server.stop() }

    @discardableResult
    func addIssue(_ fields: [String: Any], repo: String = "acme/widgets") async throws -> [String: Any] {
        var body = fields
        body["repository"] = repo
        return try await admin("POST", "/_simulator/items", body) as? [String: Any] ?? [:]
    }

    func items() async throws -> [[String: Any]] {
        try await admin("GET", "/_simulator/items", nil) as? [[String: Any]] ?? []
    }

    func item(_ key: String) async throws -> [String: Any]? {
        try await items().first { $0["key"] as? String == key }
    }

    @discardableResult
    func patch(_ key: String, _ fields: [String: Any]) async throws -> [String: Any] {
        let encoded = key.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? key
        return try await admin("PATCH", "/_simulator/items/\(encoded)", fields) as? [String: Any] ?? [:]
    }

    func requests() async throws -> [(method: String, path: String, status: Int)] {
        let list = try await admin("GET", "/_simulator/requests", nil) as? [[String: Any]] ?? []
        return list.map { ($0["method"] as? String ?? "", $0["path"] as? String ?? "", $0["status"] as? Int ?? 0) }
    }

    func clearRequests() async throws { _ = try await admin("DELETE", "/_simulator/requests", nil) }

    func fault(_ spec: [String: Any]) async throws { _ = try await admin("POST", "/_simulator/faults", spec) }

    func admin(_ method: String, _ path: String, _ body: [String: Any]?) async throws -> Any? {
        var request = URLRequest(url: URL(string: url + path)!)
        request.httpMethod = method
        if let body {
            request.httpBody = try JSONSerialization.data(withJSONObject: body)
            request.setValue("application/json", forHTTPHeaderField: "content-type")
        }
        let (data, response) = try await URLSession.shared.data(for: request)
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        guard (200..<300).contains(status) else {
            throw NSError(domain: "simulator", code: status, userInfo: [NSLocalizedDescriptionKey: "\(method) \(path): \(status) \(String(decoding: data, as: UTF8.self))"])
        }
        return data.isEmpty ? nil : try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
    }
}

/// A work item file in the corpus style.
func workItem(id: String, title: String, status: String = "ready", priority: String = "medium", kind: String = "story",
              tags: [String] = [], externalID: String? = nil, workItemID: String? = nil, summary: String = "Something to do.",
              extraSections: String = "") -> String {
    var fm = workItemID.map { "work_item_id: \"\($0)\"\n" } ?? "id: \"\(id)\"\n"
    fm += "title: \"\(title)\"\ndate: \"2026-11-01T10:00:00+00:00\"\nauthor: Test Author\nkind: \(kind)\nstatus: \(status)\npriority: \(priority)\n"
    fm += "tags: [\(tags.joined(separator: ", "))]\ntype: work-item\nschema_version: 1\n"
    if let externalID { fm += "external_id: \(externalID)\n" }
    return "---\n" + fm + "---\n\n# \(id): \(title)\n\n**Kind**: \(kind.capitalized)\n**Status**: \(status.capitalized)\n**Priority**: \(priority.capitalized)\n**Author**: Test Author\n\n## Summary\n\n\(summary)\n" + extraSections
}

/// A test with a fresh simulator (GitHub unless a subclass says otherwise) and a scratch repository configured for it.
class SimulatorTestCase: XCTestCase {
    var sim: Simulator!
    var repo: ScratchRepo!

    override func setUp() async throws {
        sim = try await startSimulator()
        repo = try ScratchRepo(testName: name)
        try configure(repo, for: sim)
    }

    /// Which tracker the test runs against; subclasses for other trackers override these two.
    func startSimulator() async throws -> Simulator { try await Simulator.start() }
    func configure(_ repo: ScratchRepo, for sim: Simulator) throws { try repo.configure(simulator: sim.url) }

    /// Local items pushed by a first sync, so both sides and the baseline agree; the request log is cleared.
    /// Returns id → remote key.
    func establish(_ items: [(id: String, title: String)]) async throws -> [String: String] {
        for item in items {
            try repo.write("meta/work/\(item.id)-item.md", workItem(id: item.id, title: item.title,
                extraSections: "\n## Requirements\n\n- First requirement\n- Second requirement\n"))
        }
        try repo.commitAll("Work items")
        let first = try repo.sync("--push-new=all")
        XCTAssertEqual(first.status, 0, first.stdout + first.stderr)
        var keys: [String: String] = [:]
        for item in items {
            let text = try XCTUnwrap(repo.read("meta/work/\(item.id)-item.md"))
            let line = try XCTUnwrap(text.split(separator: "\n").first { $0.hasPrefix("external_id:") }, text)
            keys[item.id] = line.dropFirst("external_id:".count).trimmingCharacters(in: .whitespaces)
        }
        try await sim.clearRequests()
        return keys
    }

    override func tearDown() async throws {
        await sim?.stop()
        repo = nil
    }
}
