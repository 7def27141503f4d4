import CLibGit2

/// Opens a repository from the environment like git. libgit2's GIT_REPOSITORY_OPEN_FROM_ENV covers GIT_DIR,
/// GIT_CEILING_DIRECTORIES, GIT_INDEX_FILE and friends but refuses to open at all when GIT_WORK_TREE is set
/// (`git --work-tree`), so that case is assembled here from the pieces.
struct RepositoryOpener {
    let startPath: String?

    func open() throws(GitError) -> OpaquePointer {
        if environmentValue("GIT_COMMON_DIR") != nil {
            throw GitError(.libgit2, "GIT_COMMON_DIR is not supported: unset it and run this inside the worktree")
        }
        guard let workTree = environmentValue("GIT_WORK_TREE") else {
            return try openRepository(startPath, flags: GIT_REPOSITORY_OPEN_FROM_ENV.rawValue, ceilings: nil)
        }
        let raw = try openWithoutEnvironmentWorkTree()
        do {
            try check(git_repository_set_workdir(raw, workTree, 0), "cannot use GIT_WORK_TREE '\(workTree)'")
            try applyIndexFileVariable(raw)
            if let namespace = environmentValue("GIT_NAMESPACE") {
                try check(git_repository_set_namespace(raw, namespace), "cannot use GIT_NAMESPACE")
            }
        } catch {
            git_repository_free(raw)
            throw error
        }
        return raw
    }

    private func openWithoutEnvironmentWorkTree() throws(GitError) -> OpaquePointer {
        if startPath == nil, let gitDir = environmentValue("GIT_DIR") {
            let flags = GIT_REPOSITORY_OPEN_NO_SEARCH.rawValue | GIT_REPOSITORY_OPEN_NO_DOTGIT.rawValue
            return try openRepository(gitDir, flags: flags, ceilings: nil)
        }
        var flags: UInt32 = 0
        if let acrossFilesystems = environmentValue("GIT_DISCOVERY_ACROSS_FILESYSTEM"),
            ["1", "true", "yes", "on"].contains(acrossFilesystems.lowercased())
        {
            flags |= GIT_REPOSITORY_OPEN_CROSS_FS.rawValue
        }
        return try openRepository(startPath ?? ".", flags: flags, ceilings: environmentValue("GIT_CEILING_DIRECTORIES"))
    }

    private func openRepository(_ path: String?, flags: UInt32, ceilings: String?) throws(GitError) -> OpaquePointer {
        var raw: OpaquePointer?
        let result = git_repository_open_ext(&raw, path, flags, ceilings)
        if result == GIT_ENOTFOUND.rawValue { throw GitError.notARepository }
        try check(result, "cannot open the git repository")
        guard let raw else { throw GitError.notARepository }
        return raw
    }

    private func applyIndexFileVariable(_ raw: OpaquePointer) throws(GitError) {
        guard let indexFile = environmentValue("GIT_INDEX_FILE") else { return }
        var index: OpaquePointer?
        try check(git_index_open(&index, indexFile), "cannot open GIT_INDEX_FILE '\(indexFile)'")
        defer { git_index_free(index) }
        try check(git_repository_set_index(raw, index), "cannot use GIT_INDEX_FILE '\(indexFile)'")
    }
}
