import Foundation

/// Safety invariant 5, checked before anything is created: a folder the sync writes into, and every folder above
/// it, must lead to a place inside the repository's working tree and outside `.git`. Links are followed: one that
/// stays inside is fine, one that leaves (or leads into `.git`) is refused. Folders that do not exist yet are fine:
/// the sync creates them as plain folders below the last one checked.
struct FolderSafety {
    /// The working tree, absolute.
    let root: String
    /// `.git` folders (this worktree's and the shared one), absolute.
    let gitDirs: [String]

    /// Nil when writing into `folder` (relative to the root) is safe, else one line saying why not and what to do.
    func problem(with folder: String) -> String? {
        guard let realRoot = Self.realPath(root) else { return "cannot resolve the repository folder \(root)" }
        let realGitDirs = gitDirs.compactMap(Self.realPath)
        var current = root
        var relative = ""
        for component in folder.split(separator: "/") {
            current += "/" + component
            relative += (relative.isEmpty ? "" : "/") + component
            var info = stat()
            if lstat(current, &info) != 0 {
                if errno == ENOENT { return nil }
                return "cannot check \(relative): \(String(cString: strerror(errno)))"
            }
            let isLink = info.st_mode & S_IFMT == S_IFLNK
            guard let real = Self.realPath(current) else {
                return "\(relative) is a link that leads nowhere: the sync writes only into plain folders inside the repository; replace it with a folder"
            }
            if !Self.isInside(real, realRoot) {
                return "\(relative) leads outside the repository (to \(real)) through a link: the sync writes only inside the repository; replace the link with a folder"
            }
            if realGitDirs.contains(where: { Self.isInside(real, $0) }) {
                return "\(relative) leads into .git\(isLink ? " through a link" : ""): the sync never writes there; replace it with a folder"
            }
            var target = stat()
            guard stat(current, &target) == 0, target.st_mode & S_IFMT == S_IFDIR else {
                return "\(relative) is not a folder: the sync needs a folder there; move the file away"
            }
        }
        return nil
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static func isInside(_ path: String, _ folder: String) -> Bool {
        path == folder || path.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/")
    }
}
