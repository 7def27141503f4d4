import XCTest

@testable import GitStore

final class RepositoryPathTests: XCTestCase {
    func testPlainPathsAreFine() {
        for path in ["meta/work/0001-a.md", "a", "meta/work/.gitattributes", "meta/.github/x.md", "meta/work/git.md",
                     "meta/work/café → ü.md", "x/.gitx/y", "x/..../y"] {
            XCTAssertNil(RepositoryPath.problem(with: path), path)
        }
    }

    func testEscapesEmptyPartsAndNulAreRefused() {
        XCTAssertEqual(RepositoryPath.problem(with: ""), "is empty or contains NUL")
        XCTAssertEqual(RepositoryPath.problem(with: "meta/a\0b.md"), "is empty or contains NUL")
        for path in ["../escape.md", "/etc/passwd", "meta//work.md", "meta/work/", "./a.md", "meta/../a.md", "meta/."] {
            XCTAssertEqual(RepositoryPath.problem(with: path), "is not a plain repository-relative path", path)
        }
    }

    /// Whatever the case, as `lowercased()` would see it; a control byte one bit away from "." is not a dot.
    func testGitFoldersAreRefusedInAnyCase() {
        for path in [".git/config", "meta/.GIT/x", "a/.Git", "a/.gIt/b/c"] {
            XCTAssertEqual(RepositoryPath.problem(with: path), "is inside .git", path)
        }
        for component in ["\u{0E}git", ".g\u{130}t", ".gi\u{212A}", "\u{0E}GIT"] {
            XCTAssertEqual(component.lowercased() == ".git", false, component)
            XCTAssertNil(RepositoryPath.problem(with: "a/\(component)/b"), component)
        }
    }

    func testEnclosingFoldersRunFromTheRootDownToEachPathsFolder() {
        let folders = RepositoryPath.enclosingFolders(of: ["meta/work/a.md", "meta/work/b.md", "a/b/c/d.md", "top.md", "a/x.md"])
        XCTAssertEqual(folders, ["", "meta", "meta/work", "a", "a/b", "a/b/c"])
        XCTAssertEqual(RepositoryPath.enclosingFolders(of: []), [""])
    }
}
