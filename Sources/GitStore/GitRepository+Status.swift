import CLibGit2
import Foundation

extension GitRepository {
    /// Paths below `folders` whose index or working tree differs from HEAD, plus untracked files that are not
    /// ignored (each file of an untracked folder, not the folder). One status call limited to those folders;
    /// renames are not detected, so a rename shows as its old and its new path.
    public func dirtyPaths(under folders: [String]) throws(GitError) -> Set<String> {
        let prefixes = folders.map(RepositoryPath.folderPrefix)
        if prefixes.isEmpty { return [] }
        let wholeTree = prefixes.contains("")
        let pathspec = wholeTree ? [] : prefixes.map { String($0.dropLast()) }

        var options = git_status_options()
        try check(git_status_options_init(&options, UInt32(GIT_STATUS_OPTIONS_VERSION)), "cannot set up status")
        options.show = GIT_STATUS_SHOW_INDEX_AND_WORKDIR
        options.flags = GIT_STATUS_OPT_INCLUDE_UNTRACKED.rawValue | GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS.rawValue
            | GIT_STATUS_OPT_EXCLUDE_SUBMODULES.rawValue | GIT_STATUS_OPT_DISABLE_PATHSPEC_MATCH.rawValue

        let list = try CStringArray(pathspec).withStrArray { strings throws(GitError) -> OpaquePointer in
            options.pathspec = strings
            var list: OpaquePointer?
            try check(git_status_list_new(&list, raw, &options), "cannot read the status of \(folders.joined(separator: ", "))")
            guard let list else { throw GitError(.libgit2, "cannot read the status") }
            return list
        }
        defer { git_status_list_free(list) }

        var dirty = Set<String>()
        for position in 0..<git_status_list_entrycount(list) {
            guard let entry = git_status_byindex(list, position)?.pointee else { continue }
            if entry.status == GIT_STATUS_CURRENT || entry.status.rawValue & GIT_STATUS_IGNORED.rawValue != 0 { continue }
            for delta in [entry.head_to_index, entry.index_to_workdir].compactMap({ $0?.pointee }) {
                for path in [delta.old_file.path, delta.new_file.path].compactMap({ $0 }) {
                    dirty.insert(String(cString: path))
                }
            }
        }
        // The pathspec already limits the walk; this keeps a folder from matching a sibling that merely shares its
        // prefix (`meta/work` must not report `meta/workshop/x`).
        return wholeTree ? dirty : dirty.filter { path in prefixes.contains { path.hasPrefix($0) } }
    }

    /// `dirtyPaths` through a handle of its own, on a thread of its own: the walk of the working tree is the longest
    /// step before a sync's first write, and it starts while the scan still holds both cores.
    public func dirtyPathsOnItsOwnThread(under folders: [String]) -> ThreadResult<Result<Set<String>, GitError>> {
        let path = openedAt
        return ThreadResult.start { Result { () throws(GitError) in try GitRepository.open(at: path).dirtyPaths(under: folders) } }
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
