import Foundation

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

    /// The remote key a work-item file carries (its `external_id:` line), nil when it has none.
    func externalID(of relative: String) -> String? {
        guard let line = read(relative)?.split(separator: "\n").first(where: { $0.hasPrefix("external_id:") }) else { return nil }
        return line.dropFirst("external_id:".count).trimmingCharacters(in: .whitespaces)
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
        try sync(contentsOf: args)
    }

    func sync(contentsOf args: [String]) throws -> RunResult {
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
