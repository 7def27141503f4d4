import Foundation
import XCTest

@testable import GitStore

final class ObjectReadingTests: GitStoreTestCase {
    func testHeadFilesOfANestedFolderAreItsRegularFilesWithContents() throws {
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

        let files = try GitRepository.open(at: sandbox.repo).headFiles(under: "meta/work")

        XCTAssertEqual(
            files.map(\.path).sorted(),
            ["meta/work/0001-first.md", "meta/work/archive/0002-second.md", "meta/work/archive/deeper/0003-third.md"])
        for file in files {
            XCTAssertEqual(file.contents, Array(try sandbox.read(file.path).utf8), file.path)
            XCTAssertEqual(file.blobID, try sandbox.git("rev-parse", "HEAD:\(file.path)").trimmed, file.path)
        }
    }

    func testHeadFilesAcceptsSlashesAroundTheFolderAndAMissingFolderIsEmpty() throws {
        try sandbox.initialiseRepository()
        try sandbox.commitFiles(["meta/work/0001-a.md": "a\n", "meta/file.md": "not a folder\n"])
        let repository = try GitRepository.open(at: sandbox.repo)

        XCTAssertEqual(try repository.headFiles(under: "/meta/work/").map(\.path), ["meta/work/0001-a.md"])
        XCTAssertEqual(try repository.headFiles(under: "meta/missing"), [])
        XCTAssertEqual(try repository.headFiles(under: "meta/file.md"), [])
    }

    func testHeadFilesReadsTwoThousandFiles() throws {
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

        let files = try GitRepository.open(at: sandbox.repo).headFiles(under: "meta/bulk")

        XCTAssertEqual(files.count, 2_000)
        XCTAssertEqual(Set(files.map(\.path)), Set(expected.keys))
        for file in files {
            XCTAssertEqual(String(decoding: file.contents, as: UTF8.self), expected[file.path])
            XCTAssertEqual(file.blobID, expectedIDs[file.path])
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
