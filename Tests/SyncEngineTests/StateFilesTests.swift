import Foundation
import GitStore
import Trackers
import XCTest
@testable import SyncEngine

final class BaselineTests: XCTestCase {
    func testOurShapeRoundTripsSortedOneItemPerLine() throws {
        var b = Baseline(timestamp: ISOTime.parse("2026-11-25T10:00:00Z"))
        b.items["0010"] = BaselineEntry(remoteUpdatedAt: "2026-11-24T09:00:00Z", remoteHash: "rh", localHash: "lh", localBlob: "b1")
        b.items["0002"] = BaselineEntry(remoteUpdatedAt: "x\"y", remoteHash: nil, localHash: "l2", localBlob: nil)
        let text = b.encoded()
        let lines = text.split(separator: "\n")
        XCTAssertEqual(lines.filter { $0.contains("\"0002\"") || $0.contains("\"0010\"") }.count, 2)
        XCTAssertLessThan(text.range(of: "\"0002\"")!.lowerBound, text.range(of: "\"0010\"")!.lowerBound)
        XCTAssertEqual(try Baseline.decode(Data(text.utf8), path: "p"), b)
        XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(text.utf8)))
        XCTAssertEqual(Baseline().encoded(), "{\n  \"items\": {},\n  \"timestamp\": null\n}\n")
    }

    func testTheTextIsExactlyTheStableFormat() throws {
        var b = Baseline(timestamp: ISOTime.parse("2026-11-25T10:00:00Z"),
            discovery: DiscoveryFilter(projectCode: "ENG", assignee: "ana", labels: ["a", "b\\c"]))
        b.items["0010"] = BaselineEntry(remoteUpdatedAt: "2026-11-24T09:00:00Z", remoteHash: "rh", localHash: "lh", localBlob: "b1",
            forgottenKey: "K-1", remoteID: "u\u{1}1")
        b.items["0002"] = BaselineEntry(remoteUpdatedAt: "x\"y\n", remoteHash: nil, localHash: "l2", localBlob: nil)
        let expected = #"""
            {
              "discovery": {"all": false, "assignee": "ana", "labels": ["a", "b\\c"], "project": "ENG"},
              "items": {
                "0002": {"local_hash": "l2", "remote_updated_at": "x\"y\n"},
                "0010": {"forgotten_key": "K-1", "local_blob": "b1", "local_hash": "lh", "remote_hash": "rh", "remote_id": "u\u00011", "remote_updated_at": "2026-11-24T09:00:00Z"}
              },
              "timestamp": "2026-11-25T10:00:00Z"
            }

            """#
        XCTAssertEqual(b.encoded(), expected)
        XCTAssertEqual(try Baseline.decode(Data(expected.utf8), path: "p"), b)
    }

    func testSeedShapeWithTimestampsOnly() throws {
        let seed = #"{"timestamp": "2026-05-01T12:00:00Z", "items": {"PROJ-1": "2026-04-30T10:00:00Z"}}"#
        let b = try Baseline.decode(Data(seed.utf8), path: "p")
        XCTAssertEqual(b.timestamp, ISOTime.parse("2026-05-01T12:00:00Z"))
        XCTAssertEqual(b.items["PROJ-1"], BaselineEntry(remoteUpdatedAt: "2026-04-30T10:00:00Z", remoteHash: nil, localHash: nil, localBlob: nil))
    }

    func testAcceleratorShapeWithUnixTimestamp() throws {
        let b = try Baseline.decode(Data(#"{"timestamp": 1764064800, "items": {}}"#.utf8), path: "p")
        XCTAssertEqual(b.timestamp, Date(timeIntervalSince1970: 1764064800))
    }

    func testGarbageSaysHowToRecover() {
        XCTAssertThrowsError(try Baseline.decode(Data("{nope".utf8), path: "x/last-sync.json")) { error in
            XCTAssertTrue("\(error)".contains("git checkout -- x/last-sync.json"), "\(error)")
        }
    }
}

final class JournalTests: XCTestCase {
    func testEntriesSurviveAndATornLastLineIsIgnored() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("journal-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let journal = Journal(directory: dir)
        try journal.append(JournalEntry(kind: .createIntent, id: "0001", marker: "m-1", time: "2026-11-25T10:00:00Z"))
        try journal.append(JournalEntry(kind: .localWrite, id: "0002", path: "meta/work/0002-x.md", blob: "abc",
            baseline: BaselineEntry(remoteUpdatedAt: "t", remoteHash: "r", localHash: "l", localBlob: "abc")))
        try journal.sync()
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: journal.path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("{\"type\":\"local-wr".utf8))
        try handle.close()
        let entries = Journal(directory: dir).pendingEntries()
        XCTAssertEqual(entries.map(\.kind), [.createIntent, .localWrite])
        XCTAssertEqual(entries[1].baseline?.localBlob, "abc")
        journal.remove()
        XCTAssertEqual(Journal(directory: dir).pendingEntries().count, 0)
    }

    /// A line carries every member as `JSONEncoder` would write it (sorted, nil left out) and reads back whole; the
    /// texts are hostile (quotes, backslashes, control characters, slashes, line separators, non-ASCII).
    func testALineIsWhatJSONEncoderWritesAndReadsBackWhole() throws {
        let text = "a \"quoted\" \\ path/to\u{0}\u{1F}\n\r\t\u{2028}\u{85} café 🦀"
        var entry = JournalEntry(kind: .commit, id: text, path: text, blob: "b", key: "K-1", marker: "m", time: "t",
            baseline: BaselineEntry(remoteUpdatedAt: "u", remoteHash: "rh", localHash: "lh", localBlob: "lb", remoteID: "rid"))
        entry.action = "pull"
        entry.title = text
        entry.choice = "local"
        entry.who = text
        entry.sentHash = "sh"
        entry.commit = "c"
        entry.parent = "p"
        entry.reference = "refs/heads/main"
        entry.changes = [StagedChange(path: text, before: nil, after: "x"), StagedChange(path: "q", before: "y", after: nil)]
        let sparse = JournalEntry(kind: .remoteDone, id: "0001")

        for entry in [entry, sparse] {
            let line = Data(JournalLine(entry).bytes)
            XCTAssertEqual(line.last, UInt8(ascii: "\n"))
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            let oracle = try JSONSerialization.jsonObject(with: encoder.encode(entry)) as? NSDictionary
            XCTAssertEqual(try JSONSerialization.jsonObject(with: line.dropLast()) as? NSDictionary, oracle)
            XCTAssertEqual(try JSONDecoder().decode(JournalEntry.self, from: line.dropLast()), entry)
        }
    }
}

final class ConfigurationTests: XCTestCase {
    private func root(_ files: [String: String]) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cfg-\(UUID())").path
        for (path, text) in files {
            let full = dir + "/" + path
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: full))
        }
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    private let known = ["jira", "linear", "trello", "github-issues"]

    func testPersonalFileWinsKeyByKeyAndNestedKeysFlatten() throws {
        let dir = try root([
            ".accelerator/config.md": "---\nwork:\n  integration: jira\n  default_project_code: PP\njira:\n  site: acme\n---\nprose\n",
            ".accelerator/config.local.md": "---\njira:\n  site: personal\n  email: me@example.com\n---\n",
        ])
        let c = try Configuration.load(repositoryRoot: dir)
        XCTAssertEqual(try c.integration(among: known), "jira")
        XCTAssertEqual(c.value("jira.site"), "personal")
        XCTAssertEqual(c.value("jira.email"), "me@example.com")
        XCTAssertEqual(c.defaultProjectCode, "PP")
        XCTAssertEqual(c.workPath, "meta/work")
        XCTAssertEqual(c.integrationsPath, ".accelerator/state/integrations")
    }

    func testClaudeFilesAreTheFallback() throws {
        let dir = try root([".claude/accelerator.md": "---\nwork:\n  integration: linear\npaths:\n  work: docs/work\n---\n"])
        let c = try Configuration.load(repositoryRoot: dir)
        XCTAssertEqual(try c.integration(among: known), "linear")
        XCTAssertEqual(c.workPath, "docs/work")
    }

    func testMissingAndUnknownIntegrationsSayWhatToDo() throws {
        let none = try Configuration.load(repositoryRoot: try root([:]))
        XCTAssertThrowsError(try none.integration(among: known)) { error in
            XCTAssertTrue("\(error)".contains("work.integration"))
            XCTAssertTrue("\(error)".contains(".accelerator/config.md"))
        }
        let bad = try Configuration.load(repositoryRoot: try root([".accelerator/config.md": "---\nwork:\n  integration: asana\n---\n"]))
        XCTAssertThrowsError(try bad.integration(among: known)) { XCTAssertTrue("\($0)".contains("github-issues")) }
    }

    func testPathsThatLeaveTheRepositoryAreRefused() throws {
        let c = try Configuration.load(repositoryRoot: try root([".accelerator/config.md": "---\npaths:\n  work: ../elsewhere\n---\n"]))
        XCTAssertThrowsError(try c.validatePaths())
    }
}

final class CredentialChainTests: XCTestCase {
    private func config(team: [String: String] = [:], personal: [String: String]? = nil) -> Configuration {
        Configuration(team: team, personal: personal ?? [:], teamPath: ".accelerator/config.md",
            personalPath: personal == nil ? nil : ".accelerator/config.local.md")
    }

    private let noCommands: CredentialChain.CommandRunner = { _, _, _, _ in (1, "") }

    func testOrderEnvThenEnvCommandThenPersonalThenTeamThenGitHubEnvThenGitCredential() throws {
        let runner: CredentialChain.CommandRunner = { exe, args, stdin, _ in
            if args.contains("credential") { return (0, "protocol=https\nhost=github.com\nusername=x\npassword=from-git\n") }
            return (0, "from-cmd\n")
        }
        func token(_ env: [String: String], _ c: Configuration) throws -> String? {
            try CredentialChain(environment: env, runCommand: runner).token(prefix: "github", aliases: ["GH_TOKEN", "GITHUB_TOKEN"], configuration: c, host: "github.com")
        }
        let personal = config(personal: ["github.token": "personal"])
        XCTAssertEqual(try token(["ACCELERATOR_GITHUB_TOKEN": "env"], personal), "env")
        XCTAssertEqual(try token(["ACCELERATOR_GITHUB_TOKEN_CMD": "print"], personal), "from-cmd")
        XCTAssertEqual(try token([:], personal), "personal")
        XCTAssertEqual(try token([:], config(personal: ["github.token_cmd": "x"])), "from-cmd")
        XCTAssertEqual(try token([:], config(team: ["github.token": "team"])), "team")
        XCTAssertEqual(try token(["GH_TOKEN": "gh"], config(team: ["github.token": "team"], personal: [:])), "gh",
            "a team token is ignored once a personal file exists")
        XCTAssertEqual(try token([:], config(personal: [:])), "from-git")
    }

    func testTokenCommandInTheCommittedFileIsRefused() {
        let chain = CredentialChain(environment: [:], runCommand: noCommands)
        XCTAssertThrowsError(try chain.token(prefix: "jira", configuration: config(team: ["jira.token_cmd": "cat ~/.t"]), host: nil)) {
            XCTAssertTrue("\($0)".contains("refused"))
            XCTAssertTrue("\($0)".contains("config.local.md"))
        }
    }

    func testAFailingCommandNamesItsOriginButNotItsOutput() {
        let runner: CredentialChain.CommandRunner = { _, _, _, _ in (3, "secret-ish output") }
        let chain = CredentialChain(environment: ["ACCELERATOR_JIRA_TOKEN_CMD": "false"], runCommand: runner)
        XCTAssertThrowsError(try chain.token(prefix: "jira", configuration: config(), host: nil)) {
            XCTAssertTrue("\($0)".contains("ACCELERATOR_JIRA_TOKEN_CMD"))
            XCTAssertFalse("\($0)".contains("secret-ish"))
        }
    }
}
