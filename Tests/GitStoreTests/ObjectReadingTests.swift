import Foundation
import XCTest

@testable import GitStore

final class ObjectReadingTests: GitStoreTestCase {
    func testHeadEntriesOfANestedFolderAreItsRegularFilesAndHeadFileReadsEach() throws {
        try sandbox.initialiseRepository()
        try sandbox.commitFiles([
            "meta/work/0001-first.md": "first\n",
            "meta/work/archive/0002-second.md": "second\n",
            "meta/work/archive/deeper/0003-third.md": "",
            "meta/workshop/not-this.md": "sibling with a shared prefix\n",
            "meta/other.md": "outside\n",
            "README.md": "readme\n",
        ])
        try FileManager.default.createSymbolicLink(
            atPath: sandbox.repo + "/meta/work/link.md", withDestinationPath: "0001-first.md")
        try sandbox.git("add", "-A")
        try sandbox.git("commit", "-q", "-m", "symlink")
        try sandbox.write("meta/work/uncommitted.md", "not in HEAD\n")
        let repository = try GitRepository.open(at: sandbox.repo)

        let entries = try repository.headEntries(under: "meta/work")

        XCTAssertEqual(
            entries.map(\.path).sorted(),
            ["meta/work/0001-first.md", "meta/work/archive/0002-second.md", "meta/work/archive/deeper/0003-third.md"])
        for entry in entries {
            XCTAssertEqual(try repository.headFile(at: entry.path), Array(try sandbox.read(entry.path).utf8), entry.path)
            XCTAssertEqual(entry.blobID, try sandbox.git("rev-parse", "HEAD:\(entry.path)").trimmed, entry.path)
        }
        for notAFile in ["meta/work/link.md", "meta/work/uncommitted.md", "meta/work/archive", "meta/missing.md"] {
            XCTAssertNil(try repository.headFile(at: notAFile), notAFile)
        }
    }

    func testHeadEntriesAcceptsSlashesAroundTheFolderAndAMissingFolderIsEmpty() throws {
        try sandbox.initialiseRepository()
        try sandbox.commitFiles(["meta/work/0001-a.md": "a\n", "meta/file.md": "not a folder\n"])
        let repository = try GitRepository.open(at: sandbox.repo)

        XCTAssertEqual(try repository.headEntries(under: "/meta/work/").map(\.path), ["meta/work/0001-a.md"])
        XCTAssertEqual(try repository.headEntries(under: "meta/missing"), [])
        XCTAssertEqual(try repository.headEntries(under: "meta/file.md"), [])
    }

    func testHeadEntriesAndBlobsReadTwoThousandFiles() throws {
        try sandbox.initialiseRepository()
        var expected: [String: String] = [:]
        for number in 1...2_000 {
            let folder = number % 2 == 0 ? "meta/bulk" : "meta/bulk/odd/\(number % 7)"
            expected["\(folder)/\(String(format: "%04d", number))-item.md"] = "---\nid: \"\(number)\"\n---\n# item \(number)\n"
        }
        try sandbox.commitFiles(expected)
        let listed = sandbox.lines(try sandbox.git("ls-tree", "-r", "HEAD", "meta/bulk"))
        let expectedIDs = Dictionary(uniqueKeysWithValues: listed.map { line in
            let fields = line.split(separator: "\t")
            return (String(fields[1]), String(fields[0].split(separator: " ")[2]))
        })
        let repository = try GitRepository.open(at: sandbox.repo)

        let entries = try repository.headEntries(under: "meta/bulk")
        let contents = repository.blobs(entries.map(\.blobID))

        XCTAssertEqual(entries.count, 2_000)
        XCTAssertEqual(Set(entries.map(\.path)), Set(expected.keys))
        for (entry, bytes) in zip(entries, contents) {
            XCTAssertEqual(bytes.map { String(decoding: $0, as: UTF8.self) }, expected[entry.path])
            XCTAssertEqual(entry.blobID, expectedIDs[entry.path])
        }
    }

    func testBlobAndHashBlobAgreeWithGitHashObject() throws {
        try sandbox.initialiseRepository()
        let contents = "---\nid: \"0001\"\n---\n# 0001: Café ✓\n\r\nno final newline"
        try sandbox.write("sample.md", contents)
        let written = try sandbox.git("hash-object", "-w", "sample.md").trimmed
        let repository = try GitRepository.open(at: sandbox.repo)

        XCTAssertEqual(repository.hashBlob(Array(contents.utf8)), written)
        XCTAssertEqual(repository.blob(written), Array(contents.utf8))
        XCTAssertEqual(repository.hashBlob([]), try sandbox.git("hash-object", "/dev/null").trimmed)
    }

    func testBlobIsNilForMissingOrMalformedIDsAndNonBlobs() throws {
        try sandbox.initialiseRepository()
        try sandbox.commitFiles(["a.txt": "a\n"])
        let repository = try GitRepository.open(at: sandbox.repo)
        let unstored = repository.hashBlob(Array("never written".utf8))

        XCTAssertNil(repository.blob(unstored))
        XCTAssertNil(repository.blob("not-an-id"))
        XCTAssertNil(repository.blob(try sandbox.headID()), "a commit is not a blob")
    }

    func testHeadTreeIDIsTheFoldersTreeAsGitNamesIt() throws {
        try sandbox.initialiseRepository()
        try sandbox.commitFiles(["meta/work/0001-a.md": "a\n", "meta/work/archive/0002-b.md": "b\n", "meta/file.md": "not a folder\n"])
        let repository = try GitRepository.open(at: sandbox.repo)
        for folder in ["meta/work", "/meta/work/", "meta/work/archive", "meta", ""] {
            let path = String(folder.drop { $0 == "/" }.reversed().drop { $0 == "/" }.reversed())
            XCTAssertEqual(try repository.headTreeID(of: folder), try sandbox.git("rev-parse", "HEAD:\(path)").trimmed, folder)
        }
        XCTAssertNil(try repository.headTreeID(of: "meta/missing"))
        XCTAssertNil(try repository.headTreeID(of: "meta/file.md"), "a file is no folder")

        let before = try repository.headTreeID(of: "meta/work")
        try sandbox.commitFiles(["meta/other.md": "elsewhere\n"])
        XCTAssertEqual(try GitRepository.open(at: sandbox.repo).headTreeID(of: "meta/work"), before, "a change elsewhere keeps it")
        try sandbox.commitFiles(["meta/work/archive/0002-b.md": "b, edited\n"])
        XCTAssertNotEqual(try GitRepository.open(at: sandbox.repo).headTreeID(of: "meta/work"), before, "a change below moves it")
    }
}

extension String {
    var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
