import Foundation
import XCTest

@testable import GitStore

final class RepositoryOpeningTests: GitStoreTestCase {
    func testOpensFromASubdirectoryAndReportsItsFolders() throws {
        try sandbox.initialiseRepository()
        try sandbox.commitFiles(["meta/work/0001-a.md": "a\n"])

        let repository = try GitRepository.open(at: sandbox.repo + "/meta/work")

        XCTAssertEqual(repository.workdir, sandbox.repo)
        XCTAssertEqual(repository.gitDir, sandbox.repo + "/.git")
        XCTAssertEqual(repository.commonDir, sandbox.repo + "/.git")
        XCTAssertEqual(try repository.head(), .branch(name: "main", commit: try sandbox.headID()))
    }

    func testOutsideAnyRepositoryIsNotARepository() throws {
        let empty = sandbox.root + "/empty"
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        setEnvironment("GIT_CEILING_DIRECTORIES", sandbox.root)

        assertGitError(.notARepository, containing: "not a git repository") { () throws(GitError) in
            try GitRepository.open(at: empty)
        }
    }

    func testBareRepositoryIsRefused() throws {
        try sandbox.git("init", "-q", "--bare", sandbox.root + "/bare.git")

        assertGitError(.bareRepository, containing: "bare repository") { () throws(GitError) in
            try GitRepository.open(at: sandbox.root + "/bare.git")
        }
    }

    func testUnbornBranchIsReportedByEveryHeadReader() throws {
        try sandbox.initialiseRepository()
        try sandbox.write("meta/work/0001-a.md", "a\n")
        let repository = try GitRepository.open(at: sandbox.repo)

        let advice = "HEAD has no commits yet: commit your work items first"
        assertGitError(.unbornBranch, containing: advice) { () throws(GitError) in try repository.head() }
        assertGitError(.unbornBranch, containing: advice) { () throws(GitError) in
            try repository.headFile(at: "meta/work/0001-a.md")
        }
        assertGitError(.unbornBranch, containing: advice) { () throws(GitError) in
            try repository.commitSync(paths: ["meta/work/0001-a.md"], message: "sync")
        }
    }

    func testDetachedHead() throws {
        try sandbox.initialiseRepository()
        try sandbox.commitFiles(["a.txt": "a\n"])
        try sandbox.git("checkout", "-q", "--detach")

        let repository = try GitRepository.open(at: sandbox.repo)

        XCTAssertEqual(try repository.head(), .detached(commit: try sandbox.headID()))
    }

    func testLinkedWorktreeHasItsOwnGitDirAndTheSharedCommonDir() throws {
        try sandbox.initialiseRepository()
        try sandbox.commitFiles(["a.txt": "a\n"])
        let worktree = sandbox.root + "/linked"
        try sandbox.git("worktree", "add", "-q", "-b", "feature", worktree)

        let repository = try GitRepository.open(at: worktree)

        XCTAssertEqual(repository.workdir, worktree)
        XCTAssertEqual(repository.gitDir, sandbox.repo + "/.git/worktrees/linked")
        XCTAssertEqual(repository.commonDir, sandbox.repo + "/.git")
        XCTAssertEqual(try repository.head(), .branch(name: "feature", commit: try sandbox.headID()))
    }

    func testGitDirAlonePicksTheRepository() throws {
        try sandbox.initialiseRepository()
        try sandbox.commitFiles(["a.txt": "a\n"])
        setEnvironment("GIT_DIR", sandbox.repo + "/.git")

        let repository = try GitRepository.open()

        XCTAssertEqual(repository.gitDir, sandbox.repo + "/.git")
        XCTAssertEqual(repository.workdir, sandbox.repo)
    }

    func testGitDirAndWorkTreeFromTheEnvironment() throws {
        let separateGitDir = sandbox.root + "/separate.git"
        try sandbox.git("init", "-q", "-b", "main", "--separate-git-dir", separateGitDir)
        try sandbox.git("config", "user.name", "Config Person")
        try sandbox.git("config", "user.email", "config@example.com")
        try sandbox.commitFiles(["a.txt": "a\n"])
        let otherTree = sandbox.root + "/other-tree"
        try FileManager.default.createDirectory(atPath: otherTree, withIntermediateDirectories: true)
        setEnvironment("GIT_DIR", separateGitDir)
        setEnvironment("GIT_WORK_TREE", otherTree)

        let repository = try GitRepository.open()

        XCTAssertEqual(repository.gitDir, separateGitDir)
        XCTAssertEqual(repository.workdir, otherTree)
        XCTAssertEqual(try repository.head().commit, try sandbox.headID())
    }

    func testRebaseInProgressIsReported() throws {
        try sandbox.initialiseRepository()
        try sandbox.commitFiles(["a.txt": "one\n"], message: "first")
        try sandbox.commitFiles(["a.txt": "two\n"], message: "second")
        let repository = try GitRepository.open(at: sandbox.repo)
        XCTAssertNil(repository.operationInProgress())

        try sandbox.git(
            "rebase", "-q", "-i", "HEAD~1", environment: ["GIT_SEQUENCE_EDITOR": "sed -i -e 's/^pick/edit/'"])

        XCTAssertEqual(repository.operationInProgress(), "rebase")
    }

    func testMergeInProgressIsReported() throws {
        try sandbox.initialiseRepository()
        try sandbox.commitFiles(["a.txt": "base\n"])
        try sandbox.git("checkout", "-q", "-b", "other")
        try sandbox.commitFiles(["a.txt": "other\n"])
        try sandbox.git("checkout", "-q", "main")
        try sandbox.commitFiles(["a.txt": "main\n"])
        let merge = try sandbox.run(["merge", "-q", "other"], in: sandbox.repo)
        XCTAssertNotEqual(merge.status, 0, "the merge should stop on a conflict")

        XCTAssertEqual(try GitRepository.open(at: sandbox.repo).operationInProgress(), "merge")
    }

    func testRemoteURLAndConfigValues() throws {
        try sandbox.initialiseRepository()
        try sandbox.git("remote", "add", "origin", "https://github.com/example/project.git")
        try sandbox.git("config", "--global", "sync.fromglobal", "global value")
        try sandbox.git("config", "work.integration", "github-issues")

        let repository = try GitRepository.open(at: sandbox.repo)

        XCTAssertEqual(repository.remoteURL("origin"), "https://github.com/example/project.git")
        XCTAssertNil(repository.remoteURL("upstream"))
        XCTAssertEqual(repository.configValue("work.integration"), "github-issues")
        XCTAssertEqual(repository.configValue("sync.fromglobal"), "global value")
        XCTAssertEqual(repository.configValue("user.name"), "Config Person")
        XCTAssertNil(repository.configValue("sync.missing"))
    }
}
