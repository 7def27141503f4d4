import CLibGit2
import Foundation
import XCTest

@testable import GitStore

/// Looking entries up folder by folder answers as `git_tree_entry_bypath` does (`TreeEntryState(at:in:)`, the
/// oracle), for files at every depth, links, executables and every kind of path that names nothing.
final class TreeEntryLookupTests: GitStoreTestCase {
    func testEveryPathAnswersAsALookupFromTheRootDoes() throws {
        try sandbox.initialiseRepository()
        var files = ["README.md": "top\n", "meta/file.md": "a file where a folder could be\n", "meta/work/archive/deep/0003-c.md": "c\n"]
        for number in 1...40 { files["meta/work/\(String(format: "%04d", number))-item.md"] = "item \(number)\n" }
        try sandbox.commitFiles(files)
        try sandbox.write("meta/work/run.sh", "#!/bin/sh\n")
        chmod(sandbox.repo + "/meta/work/run.sh", 0o755)
        try FileManager.default.createSymbolicLink(atPath: sandbox.repo + "/meta/work/link.md", withDestinationPath: "0001-item.md")
        try sandbox.git("add", "-A")
        try sandbox.git("commit", "-q", "-m", "a link and an executable")

        let repository = try GitRepository.open(at: sandbox.repo)
        let root = try repository.headTree()
        defer { git_tree_free(root) }
        let lookup = TreeEntryLookup(repository: repository, root: root)
        let paths = Array(files.keys) + [
            "meta/work/run.sh", "meta/work/link.md", "meta/work/missing.md", "meta/work", "meta/work/archive", "meta",
            "meta/file.md/inside.md", "meta/missing/x.md", "nowhere/at/all.md", "meta/work/archive/deep/missing.md",
            "meta/work/ARCHIVE/deep/0003-c.md", "readme.md",
        ]
        var found = 0
        for path in paths.shuffled() + paths.shuffled() {
            let expected = try TreeEntryState(at: path, in: root)
            XCTAssertEqual(try lookup.state(at: path), expected, path)
            if expected != nil { found += 1 }
        }
        XCTAssertEqual(found, 2 * (files.count + 2), "every file, the executable and the link are found")
        XCTAssertEqual(try lookup.state(at: "meta/work/run.sh")?.mode, GIT_FILEMODE_BLOB_EXECUTABLE)
        XCTAssertEqual(try lookup.state(at: "meta/work/link.md")?.mode, GIT_FILEMODE_LINK)
    }
}
