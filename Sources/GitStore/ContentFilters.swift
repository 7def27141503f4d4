import CLibGit2
import Foundation

/// Whether `git add` could change some file's bytes on their way into the object database. Every such filter (end
/// of line, `ident`, a `filter=` driver) is switched on by gitattributes, and the end-of-line one also by
/// `core.autocrlf`. When that setting is off and no attributes file exists anywhere git reads one for these paths,
/// a file's blob is its bytes. Asking libgit2 per file instead costs two attribute lookups, each resolving the
/// path's real location and checking every attributes file again: most of a 10,000-item sync commit.
struct ContentFilters {
    let mayApply: Bool

    init(repository: GitRepository, paths: [String]) {
        mayApply = Self.autocrlfIsOn(repository) || Self.anyAttributesFile(repository, paths: paths)
    }

    /// `core.autocrlf` true or input (unset and false leave line endings alone).
    private static func autocrlfIsOn(_ repository: GitRepository) -> Bool {
        guard repository.configValue("core.autocrlf") != nil else { return false }
        return repository.configBool("core.autocrlf") != false
    }

    /// The system and global attributes files, the repository's `info/attributes`, and `.gitattributes` in every
    /// folder from the root to each path's folder, in the working tree or only in the index (git reads a deleted
    /// one from there).
    private static func anyAttributesFile(_ repository: GitRepository, paths: [String]) -> Bool {
        let outside = globalAndSystemFiles(repository) + [repository.commonDir + "/info/attributes"]
        if outside.contains(where: exists) { return true }
        let inTree = RepositoryPath.enclosingFolders(of: paths).map { $0.isEmpty ? ".gitattributes" : $0 + "/.gitattributes" }
        if inTree.contains(where: { exists(repository.workdir + "/" + $0) }) { return true }
        return indexHoldsAny(of: inTree, repository)
    }

    /// "No" read from the index file when its format allows: libgit2 would load the whole index to answer. Anything
    /// else through libgit2, which also folds case when `core.ignorecase` is set, and whose filters read the
    /// attributes from its index only once it has been read again. An index that cannot be read counts as holding one.
    private static func indexHoldsAny(of paths: [String], _ repository: GitRepository) -> Bool {
        if repository.configBool("core.ignorecase") != true,
           IndexFileScan.holdsAny(of: Set(paths), indexPath: repository.indexFilePath()) == false
        {
            return false
        }
        guard let index = try? repository.currentIndex() else { return true }
        defer { git_index_free(index) }
        return paths.contains { git_index_get_bypath(index, $0, 0) != nil }
    }

    /// `core.attributesFile` (default: `attributes` in the XDG git folder) and `gitattributes` in each system folder.
    private static func globalAndSystemFiles(_ repository: GitRepository) -> [String] {
        let global =
            repository.configValue("core.attributesFile").map(expandingHome)
            ?? searchPath(GIT_CONFIG_LEVEL_XDG).map { $0 + "/attributes" }
        return global + searchPath(GIT_CONFIG_LEVEL_SYSTEM).map { $0 + "/gitattributes" }
    }

    private static func searchPath(_ level: git_config_level_t) -> [String] {
        var buffer = git_buf()
        defer { git_buf_dispose(&buffer) }
        guard gsw_get_config_search_path(&buffer, level) == 0, let pointer = buffer.ptr else { return [] }
        return String(cString: pointer).split(separator: ":").map(String.init)
    }

    private static func expandingHome(_ path: String) -> [String] {
        guard path.hasPrefix("~/") else { return [path] }
        return [NSHomeDirectory() + path.dropFirst()]
    }

    private static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }
}
