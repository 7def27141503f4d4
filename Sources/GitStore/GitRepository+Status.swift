import CLibGit2
import Foundation

extension GitRepository {
    /// Paths below `folders` whose index or working tree differs from HEAD, plus untracked files that are not
    /// ignored (each file of an untracked folder, not the folder). One status call limited to those folders;
    /// renames are not detected, so a rename shows as its old and its new path. `refreshingIndex`: when the walk had
    /// to hash many files only to find them unchanged, their index entries' stat data is refreshed afterwards, as
    /// `git status` does (`IndexRefresh`); a preview, which writes nothing, leaves it.
    public func dirtyPaths(under folders: [String], refreshingIndex: Bool = false) throws(GitError) -> Set<String> {
        let scope = StatusScope(folders: folders)
        if scope.isEmpty { return [] }
        let list = try statusList(scope, updatingIndex: false)
        defer { git_status_list_free(list) }
        let dirty = Self.changedPaths(in: list).filter(scope.contains)
        if refreshingIndex, Self.unchangedFilesHashed(by: list) >= IndexRefresh.worthwhile {
            IndexRefresh(repository: self).run(scope)
        }
        return dirty
    }

    /// `dirtyPaths` through a handle of its own, on a thread of its own: the walk of the working tree is the longest
    /// step before a sync's first write, and it starts while the scan still holds both cores.
    public func dirtyPathsOnItsOwnThread(under folders: [String], refreshingIndex: Bool = false)
        -> ThreadResult<Result<Set<String>, GitError>>
    {
        let path = openedAt
        return ThreadResult.start {
            Result { () throws(GitError) in
                try GitRepository.open(at: path).dirtyPaths(under: folders, refreshingIndex: refreshingIndex)
            }
        }
    }

    /// libgit2's status of the index and the working tree in `scope` (untracked files each listed, submodules left
    /// out). `updatingIndex`: libgit2 writes refreshed stat data to the repository's index. Caller frees.
    func statusList(_ scope: StatusScope, updatingIndex: Bool) throws(GitError) -> OpaquePointer {
        var options = git_status_options()
        try check(git_status_options_init(&options, UInt32(GIT_STATUS_OPTIONS_VERSION)), "cannot set up status")
        options.show = GIT_STATUS_SHOW_INDEX_AND_WORKDIR
        options.flags = GIT_STATUS_OPT_INCLUDE_UNTRACKED.rawValue | GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS.rawValue
            | GIT_STATUS_OPT_EXCLUDE_SUBMODULES.rawValue | GIT_STATUS_OPT_DISABLE_PATHSPEC_MATCH.rawValue
            | (updatingIndex ? GIT_STATUS_OPT_UPDATE_INDEX.rawValue : 0)
        let failure = "cannot read the status of \(scope.pathspec.isEmpty ? "the working tree" : scope.pathspec.joined(separator: ", "))"
        return try CStringArray(scope.pathspec).withStrArray { strings throws(GitError) -> OpaquePointer in
            options.pathspec = strings
            var list: OpaquePointer?
            try check(git_status_list_new(&list, raw, &options), failure)
            guard let list else { throw GitError(.libgit2, failure) }
            return list
        }
    }

    /// Every path a status entry names, old and new, except unchanged and ignored ones.
    private static func changedPaths(in list: OpaquePointer) -> Set<String> {
        var paths = Set<String>()
        for position in 0..<git_status_list_entrycount(list) {
            guard let entry = git_status_byindex(list, position)?.pointee else { continue }
            if entry.status == GIT_STATUS_CURRENT || entry.status.rawValue & GIT_STATUS_IGNORED.rawValue != 0 { continue }
            for delta in [entry.head_to_index, entry.index_to_workdir].compactMap({ $0?.pointee }) {
                for path in [delta.old_file.path, delta.new_file.path].compactMap({ $0 }) {
                    paths.insert(String(cString: path))
                }
            }
        }
        return paths
    }

    /// How many files the status hashed, because their stat data no longer matched the index, and found unchanged:
    /// the files it hashes again every time until the index is refreshed. A lower bound: a changed file whose size
    /// already told libgit2 so was not hashed, but is subtracted.
    private static func unchangedFilesHashed(by list: OpaquePointer) -> Int {
        var performance = git_diff_perfdata(version: UInt32(GIT_DIFF_PERFDATA_VERSION), stat_calls: 0, oid_calculations: 0)
        guard git_status_list_get_perfdata(&performance, list) == 0 else { return 0 }
        let changedInWorkTree = GIT_STATUS_WT_MODIFIED.rawValue | GIT_STATUS_WT_TYPECHANGE.rawValue
        var changed = 0
        for position in 0..<git_status_list_entrycount(list) {
            if let entry = git_status_byindex(list, position)?.pointee, entry.status.rawValue & changedInWorkTree != 0 { changed += 1 }
        }
        return max(0, performance.oid_calculations - changed)
    }
}

/// C strings that live as long as the array, handed to libgit2 as a `git_strarray`.
final class CStringArray {
    private var pointers: [UnsafeMutablePointer<CChar>?]

    init(_ strings: [String]) { pointers = strings.map { strdup($0) } }
    deinit { pointers.forEach { free($0) } }

    func withStrArray<Result>(_ body: (git_strarray) throws(GitError) -> Result) throws(GitError) -> Result {
        let count = pointers.count
        return try pointers.withUnsafeMutableBufferPointer { buffer throws(GitError) -> Result in
            try body(git_strarray(strings: buffer.baseAddress, count: count))
        }
    }
}
