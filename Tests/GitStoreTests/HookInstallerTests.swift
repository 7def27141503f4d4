import Foundation
import XCTest
@testable import GitStore

final class HookInstallerTests: XCTestCase {
    private let script = "#!/bin/sh\n# git-sync-work-items pre-push hook\necho ours\n"

    private func sandbox() throws -> (GitSandbox, GitRepository) {
        let sandbox = try GitSandbox()
        try sandbox.initialiseRepository()
        try sandbox.git("commit", "--allow-empty", "-q", "-m", "init")
        return (sandbox, try GitRepository.open(at: sandbox.repo))
    }

    func testInstallsIntoTheCommonHooksFolderExecutable() throws {
        let (sandbox, repo) = try sandbox()
        defer { sandbox.remove() }
        let message = try HookInstaller(repository: repo).install(script: script, force: false)
        let hook = repo.commonDir + "/hooks/pre-push"
        XCTAssertTrue(message.contains(hook), message)
        XCTAssertEqual(FileManager.default.contents(atPath: hook).map { String(decoding: $0, as: UTF8.self) }, script)
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: hook))
        XCTAssertTrue(try HookInstaller(repository: repo).install(script: script, force: false).contains("already installed"))
    }

    func testAnExistingHookIsChainedAndRestoredOnUninstall() throws {
        let (_, repo) = try sandbox()
        let dir = repo.commonDir + "/hooks"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let theirs = "#!/bin/sh\necho theirs\n"
        _ = FileManager.default.createFile(atPath: dir + "/pre-push", contents: Data(theirs.utf8), attributes: [.posixPermissions: 0o755])
        let message = try HookInstaller(repository: repo).install(script: script, force: false)
        XCTAssertTrue(message.contains("pre-push.before-sync-work-items"), message)
        XCTAssertEqual(String(decoding: FileManager.default.contents(atPath: dir + "/pre-push.before-sync-work-items")!, as: UTF8.self), theirs)
        XCTAssertTrue(try HookInstaller(repository: repo).install(script: script + "# v2\n", force: true).contains("rewrote"))
        XCTAssertTrue(String(decoding: FileManager.default.contents(atPath: dir + "/pre-push")!, as: UTF8.self).hasSuffix("# v2\n"))
        XCTAssertTrue(try HookInstaller(repository: repo).uninstall().contains("restored"))
        XCTAssertEqual(String(decoding: FileManager.default.contents(atPath: dir + "/pre-push")!, as: UTF8.self), theirs)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/pre-push.before-sync-work-items"))
        XCTAssertTrue(try HookInstaller(repository: repo).uninstall().contains("nothing to do"))
    }

    func testCoreHooksPathIsHonouredRelativeToTheWorkTree() throws {
        let (sandbox, _) = try sandbox()
        try sandbox.git("config", "core.hooksPath", ".githooks")
        let repo = try GitRepository.open(at: sandbox.repo)
        let installer = HookInstaller(repository: repo)
        XCTAssertEqual(installer.hooksDirectory(), repo.workdir + "/.githooks")
        _ = try installer.install(script: script, force: false)
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: repo.workdir + "/.githooks/pre-push"))
    }

    func testANonRegularHookIsLeftAlone() throws {
        let (_, repo) = try sandbox()
        try FileManager.default.createDirectory(atPath: repo.commonDir + "/hooks/pre-push", withIntermediateDirectories: true)
        XCTAssertThrowsError(try HookInstaller(repository: repo).install(script: script, force: false)) {
            XCTAssertTrue("\($0)".contains("not a regular file"), "\($0)")
        }
    }
}
