import Foundation
import XCTest

/// Hostile and careless work-item text end to end (issue 9): the built binary against the GitHub simulator.
/// Every case checks the exit code, what reached the files, what reached the tracker, and that a second sync is quiet.
final class HostileDocumentTests: SimulatorTestCase {
    private let separators = ["\u{2028}", "\u{2029}", "\u{85}"]

    private func remoteWrites() async throws -> [String] {
        try await sim.requests().filter { $0.method != "GET" }.map { "\($0.method) \($0.path)" }
    }

    private func bytes(_ relative: String) throws -> [UInt8] {
        Array(try XCTUnwrap(FileManager.default.contents(atPath: repo.root + "/" + relative), relative))
    }

    private func writeBytes(_ relative: String, _ bytes: [UInt8]) throws {
        let url = URL(fileURLWithPath: repo.root).appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    private func assertQuietSecondSync(file: StaticString = #filePath, line: UInt = #line) async throws {
        try await sim.clearRequests()
        let before = try repo.snapshot()
        let again = try repo.sync()
        XCTAssertEqual(again.status, 0, again.stdout + again.stderr, file: file, line: line)
        XCTAssertTrue(again.stdout.contains("nothing to do"), again.stdout, file: file, line: line)
        XCTAssertEqual(try repo.snapshot(), before, "the second sync changed the repository", file: file, line: line)
        let writes = try await remoteWrites()
        XCTAssertEqual(writes, [], "the second sync wrote to the tracker", file: file, line: line)
    }

    private func firstIndex(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        haystack.indices.first { haystack[$0...].starts(with: needle) }
    }

    /// Scalars below U+0020 other than LF and CR, DEL and C1 controls: what a terminal may act on.
    private func rawControls(_ text: String) -> [UInt32] {
        text.unicodeScalars.map(\.value).filter { ($0 < 0x20 && $0 != 0x0A && $0 != 0x0D) || (0x7F...0x9F).contains($0) }
    }

    // MARK: Item 1: Unicode line separators in titles

    func testRemoteTitlesWithUnicodeLineSeparatorsPullCheckStatusAndPreviewWithoutCrashing() async throws {
        for (index, separator) in separators.enumerated() {
            try await sim.addIssue(["title": "Line\(separator)break \(index)", "body": "## Summary\n\nBody\(separator)text.\n"])
        }
        try repo.write("meta/work/.keep", "")
        try repo.commitAll("init")
        let preview = try repo.sync("--preview")
        XCTAssertEqual(preview.status, 0, preview.stdout + preview.stderr)
        let result = try repo.sync()
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        let files = repo.files(under: "meta/work")
        XCTAssertEqual(files.count, 3, "\(files)")
        for name in files {
            let text = try XCTUnwrap(repo.read("meta/work/" + name))
            let heading = try XCTUnwrap(text.split(separator: "\n").first { $0.hasPrefix("# ") }, text)
            XCTAssertFalse(separators.contains { heading.contains($0) }, "raw separator in the generated heading: \(heading)")
        }
        for command in [["check"], ["status"], ["--preview"]] {
            let run = try repo.sync(contentsOf: command)
            XCTAssertEqual(run.status, 0, "\(command): " + run.stdout + run.stderr)
        }
        try await assertQuietSecondSync()
    }

    func testALocalTitleWithAUnicodeLineSeparatorIsPushedAsWritten() async throws {
        for (index, separator) in separators.enumerated() {
            let id = String(format: "%04d", index + 1)
            try repo.write("meta/work/\(id)-item.md", workItem(id: id, title: "Local\(separator)title"))
        }
        try repo.commitAll("items")
        for command in [["check"], ["status"], ["--preview"]] {
            let run = try repo.sync(contentsOf: command)
            XCTAssertEqual(run.status, 0, "\(command): " + run.stdout + run.stderr)
        }
        let result = try repo.sync("--push-new=all")
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        let titles = Set(try await sim.items().compactMap { $0["title"] as? String })
        XCTAssertEqual(titles, Set(separators.map { "Local\($0)title" }))
        try await assertQuietSecondSync()
    }

    // MARK: Item 2: CRLF files

    func testACRLFNeverPushedItemIsCreatedAndItsKeyWrittenBackAsCRLF() async throws {
        let lf = workItem(id: "0001", title: "Windows line endings", extraSections: "\n## Requirements\n\n- One\n")
        let crlf = lf.replacingOccurrences(of: "\n", with: "\r\n")
        try repo.write("meta/work/0001-windows.md", crlf)
        try repo.commitAll("a CRLF item")

        let result = try repo.sync("--push-new=all")
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        let items = try await sim.items()
        XCTAssertEqual(items.count, 1)
        let key = try XCTUnwrap(items.first?["key"] as? String)

        let written = try XCTUnwrap(repo.read("meta/work/0001-windows.md"))
        XCTAssertTrue(written.contains("\r\nexternal_id: \(key)\r\n---\r\n"), written.debugDescription)
        XCTAssertFalse(written.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "an LF-only line: \(written.debugDescription)")
        XCTAssertEqual(written.replacingOccurrences(of: "external_id: \(key)\r\n", with: ""), crlf, "only the key line was added")
        try await assertQuietSecondSync()
    }

    func testARemoteEditIsPulledIntoACRLFFileAsCRLF() async throws {
        let keys = try await establish([("0001", "Alpha")])
        let path = "meta/work/0001-item.md"
        let lf = try XCTUnwrap(repo.read(path))
        try repo.write(path, lf.replacingOccurrences(of: "\n", with: "\r\n"))
        try repo.commitAll("convert to CRLF")
        XCTAssertEqual(try repo.sync().status, 0)
        try await sim.patch(keys["0001"]!, ["title": "Alpha, renamed", "body": "## Summary\n\nPulled text.\n\n## More\n\nx\n"])

        let result = try repo.sync()
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        let written = try XCTUnwrap(repo.read(path))
        XCTAssertTrue(written.contains("\r\n# 0001: Alpha, renamed\r\n"), written.debugDescription)
        XCTAssertTrue(written.contains("\r\nPulled text.\r\n\r\n## More\r\n\r\nx\r\n"), written.debugDescription)
        XCTAssertFalse(written.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "an LF-only line: \(written.debugDescription)")
        try await assertQuietSecondSync()
    }

    // MARK: Item 6: control characters from remote text

    func testControlCharactersFromTheTrackerNeverReachAFileRaw() async throws {
        try await sim.addIssue([
            "title": "Nul\u{0}and \u{1B}[31mred\u{1B}[0m \u{9B}2J\u{202E}gnp.exe",
            "body": "## Summary\n\nA NUL \u{0} here, an OSC \u{1B}]0;owned\u{7} there, a bell \u{7}.\n",
            "user": "mallory\u{1B}[2J",
            "labels": ["kind: bug\u{1B}[1m", "tag\u{0}zero"],
        ])
        try repo.write("meta/work/.keep", "")
        try repo.commitAll("init")
        let result = try repo.sync()
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        let name = try XCTUnwrap(repo.files(under: "meta/work").first, "nothing pulled")
        let path = "meta/work/" + name
        XCTAssertFalse(try bytes(path).contains(0), "a NUL reached the file")
        let text = try XCTUnwrap(repo.read(path))
        XCTAssertEqual(rawControls(text), [], text.debugDescription)
        XCTAssertFalse(text.contains("\u{202E}"), "a bidi override reached a generated line")
        XCTAssertTrue(text.contains("**Author**: mallory\\x1b[2J\n"), text)
        XCTAssertTrue(text.contains("A NUL \\x00 here"), text)
        let numstat = try repo.git("show", "--numstat", "--format=", "HEAD", "--", path)
        XCTAssertFalse(numstat.hasPrefix("-\t-\t"), "git treats the file as binary: \(numstat)")
        try await assertQuietSecondSync()
    }

    // MARK: Item 12: files that are not UTF-8

    func testALatin1FileIsRefusedByNameAndNeverRewrittenNorPushed() async throws {
        let keys = try await establish([("0001", "Alpha")])
        let path = "meta/work/0001-item.md"
        var latin1 = Array(try XCTUnwrap(repo.read(path)).utf8)
        let offset = try XCTUnwrap(firstIndex(of: Array("Something to do.".utf8), in: latin1))
        latin1.replaceSubrange(offset..<offset + 9, with: Array("Caf".utf8) + [0xE9] + Array(" to d".utf8))
        let lineNumber = latin1[..<offset].filter { $0 == 0x0A }.count + 1
        try writeBytes(path, latin1)
        try repo.write("meta/work/0002-new.md", workItem(id: "0002", title: "Unrelated"))
        try repo.commitAll("a Latin-1 edit")
        try await sim.patch(keys["0001"]!, ["title": "Alpha, renamed remotely"])
        try await sim.clearRequests()

        let result = try repo.sync("--push-new=all")
        XCTAssertEqual(result.status, 4, result.stdout + result.stderr)
        let lines = (result.stdout + result.stderr).split(separator: "\n").filter { $0.contains(path) }
        XCTAssertEqual(lines.count, 1, result.stdout + result.stderr)
        XCTAssertTrue(lines.first?.contains("\(path):\(lineNumber):") ?? false, "\(lines)")
        XCTAssertTrue(lines.first?.contains("UTF-8") ?? false, "\(lines)")
        XCTAssertTrue(lines.first?.contains("offset \(offset + 3)") ?? false, "\(lines)")
        XCTAssertEqual(try bytes(path), latin1, "the file was rewritten")
        let writes = try await remoteWrites()
        XCTAssertFalse(writes.contains { $0.hasPrefix("PATCH") }, "the Latin-1 item was pushed: \(writes)")
        let remoteTitle = try await sim.item(keys["0001"]!)?["title"] as? String
        XCTAssertEqual(remoteTitle, "Alpha, renamed remotely")
        let remoteCount = try await sim.items().count
        XCTAssertEqual(remoteCount, 2, "the unrelated item still syncs")

        // `check` fails on it; `status` reports it and, like `git status`, still exits 0.
        for (command, code) in [("check", Int32(4)), ("status", Int32(0))] {
            let run = try repo.sync(command)
            XCTAssertEqual(run.status, code, "\(command): " + run.stdout + run.stderr)
            XCTAssertTrue((run.stdout + run.stderr).contains("\(path):\(lineNumber): not UTF-8"), "\(command): " + run.stdout + run.stderr)
        }
    }

    // MARK: Item 13: value types and ids

    func testAListTitleIsAProblemForCheckAndTheSyncNotAnEmptyTitle() async throws {
        try repo.write("meta/work/0001-item.md", workItem(id: "0001", title: "Placeholder")
            .replacingOccurrences(of: "title: \"Placeholder\"", with: "title: [a, b]"))
        try repo.commitAll("a list title")
        let check = try repo.sync("check")
        XCTAssertEqual(check.status, 4, check.stdout + check.stderr)
        XCTAssertTrue((check.stdout + check.stderr).contains("meta/work/0001-item.md:3:"), check.stdout + check.stderr)
        XCTAssertTrue((check.stdout + check.stderr).contains("title"), check.stdout + check.stderr)

        let result = try repo.sync("--push-new=all")
        XCTAssertEqual(result.status, 4, result.stdout + result.stderr)
        XCTAssertTrue(result.stdout.contains("meta/work/0001-item.md:3:"), result.stdout)
        let remoteCount = try await sim.items().count
        XCTAssertEqual(remoteCount, 0, "an item with a list title was sent")
    }

    func testAnIdThatIsAPathIsAProblemAndNoRenameOutsideTheFolderIsSuggested() async throws {
        try repo.write("meta/work/0001-item.md", workItem(id: "../../x", title: "Escape"))
        try repo.commitAll("a path id")
        let check = try repo.sync("check")
        XCTAssertEqual(check.status, 4, check.stdout + check.stderr)
        let output = check.stdout + check.stderr
        XCTAssertTrue(output.contains("meta/work/0001-item.md:2:"), output)
        XCTAssertFalse(output.contains("rename it to ../"), output)

        let result = try repo.sync("--push-new=all")
        XCTAssertEqual(result.status, 4, result.stdout + result.stderr)
        let remoteCount = try await sim.items().count
        XCTAssertEqual(remoteCount, 0)
        XCTAssertEqual(try repo.git("status", "--porcelain"), "")
    }
}
