import Foundation
import XCTest

@testable import GitStore

final class CommitSyncTests: GitStoreTestCase {
    private let item = "meta/work/0001-first.md"
    private let other = "meta/work/0002-second.md"

    override func setUpWithError() throws {
        try super.setUpWithError()
        try sandbox.initialiseRepository()
        try sandbox.commitFiles([item: "first v1\n", other: "second v1\n", "notes.txt": "notes v1\n"], message: "start")
    }

    func testCommitsExactlyTheGivenPathsAndKeepsOtherStagedChangesStaged() throws {
        let start = try sandbox.headID()
        try sandbox.write("notes.txt", "notes staged by the user\n")
        try sandbox.git("add", "notes.txt")
        try sandbox.write(item, "first v2\n")
        try sandbox.write("meta/work/0003-new.md", "brand new\n")
        try sandbox.write(other, "second edited, not synced\n")

        let commit = try GitRepository.open(at: sandbox.repo)
            .commitSync(paths: [item, "meta/work/0003-new.md"], message: "Sync work items\n\nPulled 2 items.")

        XCTAssertEqual(try sandbox.git("diff-files", "--name-only"), "\(other)\n", "stat data of the synced paths")
        let head = try sandbox.headID()
        XCTAssertEqual(commit, SyncCommit(id: head, paths: [item, "meta/work/0003-new.md"]))
        XCTAssertEqual(try sandbox.git("rev-parse", "HEAD~1").trimmed, start)
        XCTAssertEqual(
            sandbox.lines(try sandbox.git("diff", "--name-only", "HEAD~1", "HEAD")), [item, "meta/work/0003-new.md"])
        XCTAssertEqual(try sandbox.git("show", "HEAD:\(item)"), "first v2\n")
        XCTAssertEqual(try sandbox.git("show", "HEAD:notes.txt"), "notes v1\n")
        XCTAssertTrue(try sandbox.git("show", "--stat", "--format=", "HEAD").contains("2 files changed"))
        XCTAssertEqual(try sandbox.git("log", "-1", "--format=%B", "HEAD"), "Sync work items\n\nPulled 2 items.\n\n")
        XCTAssertEqual(sandbox.lines(try sandbox.git("diff", "--cached", "--name-only")), ["notes.txt"])
        XCTAssertEqual(try sandbox.statusLines(), [" M \(other)", "M  notes.txt"])
        try sandbox.git("fsck", "--strict", "--no-progress")
        XCTAssertEqual(
            try sandbox.git("reflog", "-1", "--format=%gs", "main").trimmed, "sync-work-items: Sync work items")
        XCTAssertEqual(try sandbox.git("reflog", "-1", "--format=%gs", "HEAD").trimmed, "sync-work-items: Sync work items")
    }

    func testNothingChangedMakesNoCommit() throws {
        let start = try sandbox.headID()
        let repository = try GitRepository.open(at: sandbox.repo)

        XCTAssertNil(try repository.commitSync(paths: [item, other], message: "sync"))
        XCTAssertEqual(try sandbox.headID(), start)
        XCTAssertNil(try repository.commitSync(paths: ["meta/work/never-existed.md"], message: "sync"))
        XCTAssertEqual(try sandbox.headID(), start)
    }

    func testAMissingFileIsCommittedAsADeletion() throws {
        try sandbox.delete(item)
        try sandbox.delete(other)

        let commit = try GitRepository.open(at: sandbox.repo).commitSync(paths: [item, other], message: "remove")

        XCTAssertEqual(commit?.paths, [item, other])
        XCTAssertEqual(try sandbox.git("ls-tree", "-r", "--name-only", "HEAD"), "notes.txt\n")
        XCTAssertEqual(try sandbox.statusLines(), [])
    }

    func testUnchangedPathsBesideChangedOnesAreLeftOutOfTheReportedPaths() throws {
        try sandbox.write(item, "first v2\n")

        let commit = try GitRepository.open(at: sandbox.repo).commitSync(paths: [other, item, item], message: "sync")

        XCTAssertEqual(commit?.paths, [item])
        XCTAssertEqual(try sandbox.statusLines(), [])
    }

    func testExecutableBitIsCommitted() throws {
        try sandbox.write("meta/work/tools/script.sh", "#!/bin/sh\n")
        XCTAssertEqual(chmod(sandbox.repo + "/meta/work/tools/script.sh", 0o755), 0)

        _ = try GitRepository.open(at: sandbox.repo).commitSync(paths: ["meta/work/tools/script.sh"], message: "sync")

        XCTAssertTrue(try sandbox.git("ls-tree", "HEAD", "meta/work/tools/script.sh").hasPrefix("100755 blob"))
        XCTAssertEqual(try sandbox.statusLines(), [])
    }

    func testAuthorAndCommitterComeFromTheEnvironmentLikeGit() throws {
        setEnvironment("GIT_AUTHOR_NAME", "Env Author")
        setEnvironment("GIT_AUTHOR_EMAIL", "author@env.example")
        setEnvironment("GIT_COMMITTER_NAME", "Env Committer")
        setEnvironment("GIT_COMMITTER_EMAIL", "committer@env.example")
        setEnvironment("GIT_AUTHOR_DATE", "@1700000000 +0130")
        try sandbox.write(item, "first v2\n")
        let repository = try GitRepository.open(at: sandbox.repo)

        XCTAssertEqual(try repository.identity(), Signature(name: "Env Committer", email: "committer@env.example"))
        _ = try repository.commitSync(paths: [item], message: "sync")

        XCTAssertEqual(
            try sandbox.git("log", "-1", "--format=%an <%ae> %ad|%cn <%ce>", "--date=raw").trimmed,
            "Env Author <author@env.example> 1700000000 +0130|Env Committer <committer@env.example>")
    }

    func testIdentityFallsBackToRepositoryConfig() throws {
        setEnvironment("GIT_AUTHOR_NAME", "Env Author")
        setEnvironment("GIT_AUTHOR_EMAIL", "author@env.example")
        try sandbox.write(item, "first v2\n")

        _ = try GitRepository.open(at: sandbox.repo).commitSync(paths: [item], message: "sync")

        XCTAssertEqual(
            try sandbox.git("log", "-1", "--format=%an <%ae>|%cn <%ce>").trimmed,
            "Env Author <author@env.example>|Config Person <config@example.com>")
    }

    func testIdentityFallsBackToGlobalConfig() throws {
        try sandbox.git("config", "--unset", "user.name")
        try sandbox.git("config", "--unset", "user.email")
        try sandbox.git("config", "--global", "user.name", "Global Person")
        try sandbox.git("config", "--global", "user.email", "global@example.com")

        let repository = try GitRepository.open(at: sandbox.repo)

        XCTAssertEqual(try repository.authorIdentity(), Signature(name: "Global Person", email: "global@example.com"))
        XCTAssertEqual(try repository.committerIdentity(), Signature(name: "Global Person", email: "global@example.com"))
    }

    func testMissingIdentityFailsBeforeTouchingAnything() throws {
        try sandbox.git("config", "--unset", "user.name")
        try sandbox.git("config", "--unset", "user.email")
        try sandbox.write(item, "first v2\n")
        let start = try sandbox.headID()
        let repository = try GitRepository.open(at: sandbox.repo)

        assertGitError(.identityMissing, containing: "git config user.name") { () throws(GitError) in
            try repository.commitSync(paths: [item], message: "sync")
        }
        setEnvironment("GIT_COMMITTER_NAME", "Only A Name")
        assertGitError(.identityMissing, containing: "git config user.email") { () throws(GitError) in
            try repository.identity()
        }
        XCTAssertEqual(try sandbox.headID(), start)
        XCTAssertEqual(try sandbox.statusLines(), [" M \(item)"])
    }

    func testRefusesDuringARebase() throws {
        try sandbox.commitFiles(["notes.txt": "notes v2\n"], message: "second")
        try sandbox.git(
            "rebase", "-q", "-i", "HEAD~1", environment: ["GIT_SEQUENCE_EDITOR": "sed -i -e 's/^pick/edit/'"])
        try sandbox.write(item, "first v2\n")
        let start = try sandbox.headID()

        assertGitError(.operationInProgress, containing: "a rebase is in progress: finish or abort it") {
            () throws(GitError) in
            try GitRepository.open(at: sandbox.repo).commitSync(paths: [item], message: "sync")
        }
        XCTAssertEqual(try sandbox.headID(), start)
    }

    func testRefusesWhileAnotherGitProcessHoldsTheIndexLock() throws {
        try sandbox.write(item, "first v2\n")
        let start = try sandbox.headID()
        try sandbox.write(".git/index.lock", "")

        assertGitError(.lockHeld, containing: "index.lock") { () throws(GitError) in
            try GitRepository.open(at: sandbox.repo).commitSync(paths: [item], message: "sync")
        }
        XCTAssertEqual(try sandbox.headID(), start)
    }

    func testRejectsPathsOutsideTheWorkingTree() throws {
        let repository = try GitRepository.open(at: sandbox.repo)

        for path in ["../escape.md", "/etc/passwd", ".git/config", "meta//work.md", ""] {
            assertGitError(.libgit2, containing: "cannot commit") { () throws(GitError) in
                try repository.commitSync(paths: [path], message: "sync")
            }
        }
    }

    func testWorksWhenOpenedFromASubdirectory() throws {
        try sandbox.write(item, "first v2\n")

        let commit = try GitRepository.open(at: sandbox.repo + "/meta/work").commitSync(paths: [item], message: "sync")

        XCTAssertEqual(commit?.id, try sandbox.headID())
        XCTAssertEqual(try sandbox.git("show", "HEAD:\(item)"), "first v2\n")
        XCTAssertEqual(try sandbox.statusLines(), [])
    }

    func testDetachedHeadMovesHeadAndLeavesTheBranch() throws {
        let start = try sandbox.headID()
        try sandbox.git("checkout", "-q", "--detach")
        try sandbox.write(item, "first v2\n")
        let repository = try GitRepository.open(at: sandbox.repo)

        let commit = try repository.commitSync(paths: [item], message: "sync")

        XCTAssertEqual(try repository.head(), .detached(commit: try XCTUnwrap(commit?.id)))
        XCTAssertEqual(try sandbox.headID(), commit?.id)
        XCTAssertEqual(try sandbox.git("rev-parse", "main").trimmed, start)
        XCTAssertEqual(try sandbox.git("rev-parse", "HEAD~1").trimmed, start)
        XCTAssertEqual(try sandbox.git("reflog", "-1", "--format=%gs", "HEAD").trimmed, "sync-work-items: sync")
        XCTAssertEqual(try sandbox.statusLines(), [])
    }

    func testLinkedWorktreeCommitsOnItsOwnBranch() throws {
        let start = try sandbox.headID()
        let worktree = sandbox.root + "/linked"
        try sandbox.git("worktree", "add", "-q", "-b", "feature", worktree)
        try sandbox.write(item, "first from the worktree\n", in: worktree)
        try sandbox.write("notes.txt", "staged in the worktree\n", in: worktree)
        try sandbox.git("add", "notes.txt", in: worktree)

        let commit = try GitRepository.open(at: worktree).commitSync(paths: [item], message: "sync")

        XCTAssertEqual(try sandbox.git("rev-parse", "feature").trimmed, commit?.id)
        XCTAssertEqual(try sandbox.git("rev-parse", "main").trimmed, start)
        XCTAssertEqual(try sandbox.git("show", "feature:\(item)"), "first from the worktree\n")
        XCTAssertEqual(try sandbox.statusLines(in: worktree), ["M  notes.txt"])
        XCTAssertEqual(try sandbox.statusLines(), [])
    }

    func testGitDirAndWorkTreeFromTheEnvironment() throws {
        try sandbox.write(item, "first v2\n")
        try sandbox.write("notes.txt", "staged\n")
        try sandbox.git("add", "notes.txt")
        setEnvironment("GIT_DIR", sandbox.repo + "/.git")
        setEnvironment("GIT_WORK_TREE", sandbox.repo)

        let commit = try GitRepository.open().commitSync(paths: [item], message: "sync")

        XCTAssertEqual(commit?.id, try sandbox.headID())
        XCTAssertEqual(try sandbox.git("show", "HEAD:\(item)"), "first v2\n")
        XCTAssertEqual(try sandbox.statusLines(), ["M  notes.txt"])
    }

    /// `git commit` with GIT_INDEX_FILE updates that index and leaves the repository's own untouched.
    func testTheIndexNamedByGitIndexFileIsTheOneUpdated() throws {
        let alternate = sandbox.root + "/alternate-index"
        try FileManager.default.copyItem(atPath: sandbox.repo + "/.git/index", toPath: alternate)
        let ownIndex = try Data(contentsOf: URL(fileURLWithPath: sandbox.repo + "/.git/index"))
        try sandbox.write(item, "first v2\n")
        setEnvironment("GIT_INDEX_FILE", alternate)

        let commit = try GitRepository.open(at: sandbox.repo).commitSync(paths: [item], message: "sync")

        XCTAssertEqual(commit?.id, try sandbox.headID())
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: sandbox.repo + "/.git/index")), ownIndex)
        let committedBlob = try sandbox.git("rev-parse", "HEAD:\(item)").trimmed
        let staged = try sandbox.git("ls-files", "-s", item, environment: ["GIT_INDEX_FILE": alternate])
        XCTAssertTrue(staged.contains(committedBlob), "the alternate index stages the committed blob: \(staged)")
        XCTAssertEqual(try sandbox.git("diff-files", "--name-only", environment: ["GIT_INDEX_FILE": alternate]), "")
    }
}
