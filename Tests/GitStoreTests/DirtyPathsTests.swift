import Foundation
import XCTest

@testable import GitStore

final class DirtyPathsTests: GitStoreTestCase {
    func testReportsModifiedStagedUntrackedAndDeletedFilesBelowTheFolders() throws {
        try sandbox.initialiseRepository()
        try sandbox.commitFiles([
            ".gitignore": "*.tmp\n",
            "meta/work/clean.md": "clean\n",
            "meta/work/modified.md": "old\n",
            "meta/work/staged.md": "old\n",
            "meta/work/deleted.md": "gone soon\n",
            "meta/work/staged-deletion.md": "gone soon\n",
            "meta/work/staged-then-reverted.md": "original\n",
            "meta/workshop/sibling.md": "old\n",
            "state/last-sync.json": "{}\n",
            "elsewhere.md": "old\n",
        ])
        try sandbox.write("meta/work/modified.md", "new\n")
        try sandbox.write("meta/work/staged.md", "new\n")
        try sandbox.git("add", "meta/work/staged.md")
        try sandbox.write("meta/work/staged-then-reverted.md", "staged\n")
        try sandbox.git("add", "meta/work/staged-then-reverted.md")
        try sandbox.write("meta/work/staged-then-reverted.md", "original\n")
        try sandbox.delete("meta/work/deleted.md")
        try sandbox.git("rm", "-q", "meta/work/staged-deletion.md")
        try sandbox.write("meta/work/new/untracked.md", "new\n")
        try sandbox.write("meta/work/ignored.tmp", "ignored\n")
        try sandbox.write("state/last-sync.json", "{\"changed\": true}\n")
        try sandbox.write("meta/workshop/sibling.md", "new\n")
        try sandbox.write("elsewhere.md", "new\n")

        let dirty = try GitRepository.open(at: sandbox.repo).dirtyPaths(under: ["meta/work", "state"])

        XCTAssertEqual(dirty, [
            "meta/work/modified.md",
            "meta/work/staged.md",
            "meta/work/staged-then-reverted.md",
            "meta/work/deleted.md",
            "meta/work/staged-deletion.md",
            "meta/work/new/untracked.md",
            "state/last-sync.json",
        ])
    }

    func testCleanFoldersAndNoFoldersGiveNothing() throws {
        try sandbox.initialiseRepository()
        try sandbox.commitFiles(["meta/work/a.md": "a\n"])
        try sandbox.write("outside.md", "untracked\n")
        let repository = try GitRepository.open(at: sandbox.repo)

        XCTAssertEqual(try repository.dirtyPaths(under: ["meta/work"]), [])
        XCTAssertEqual(try repository.dirtyPaths(under: []), [])
        XCTAssertEqual(try repository.dirtyPaths(under: [""]), ["outside.md"])
    }
}
