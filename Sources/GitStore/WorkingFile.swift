import CLibGit2
import Foundation

/// `lstat` of a working-tree file, taken before its contents are read so that the index's stat data is never newer
/// than the blob it describes (git then re-checks a racy entry instead of trusting it).
struct WorkingFile {
    let info: stat

    /// nil when the file does not exist (a deletion).
    static func status(_ absolutePath: String, path: String) throws(GitError) -> WorkingFile? {
        var info = stat()
        if lstat(absolutePath, &info) != 0 {
            if errno == ENOENT || errno == ENOTDIR { return nil }
            throw GitError(.libgit2, "cannot read '\(path)': \(String(cString: strerror(errno)))")
        }
        let kind = info.st_mode & S_IFMT
        guard kind == S_IFREG || kind == S_IFLNK else {
            throw GitError(.libgit2, "cannot commit '\(path)': it is not a regular file")
        }
        return WorkingFile(info: info)
    }

    var isRegularFile: Bool { info.st_mode & S_IFMT == S_IFREG }

    func fileMode(keepingExecutableBitFrom before: TreeEntryState?, trustFileMode: Bool) -> git_filemode_t {
        if info.st_mode & S_IFMT == S_IFLNK { return GIT_FILEMODE_LINK }
        if !trustFileMode, let before, before.mode == GIT_FILEMODE_BLOB_EXECUTABLE { return before.mode }
        if trustFileMode, info.st_mode & S_IXUSR != 0 { return GIT_FILEMODE_BLOB_EXECUTABLE }
        return GIT_FILEMODE_BLOB
    }

    /// An index entry like `git add` writes; the caller sets `path`.
    func indexEntry(id: git_oid, mode: git_filemode_t) -> git_index_entry {
        var entry = git_index_entry()
        #if canImport(Darwin)
            let (changed, modified) = (info.st_ctimespec, info.st_mtimespec)
        #else
            let (changed, modified) = (info.st_ctim, info.st_mtim)
        #endif
        entry.ctime = git_index_time(
            seconds: Int32(truncatingIfNeeded: changed.tv_sec), nanoseconds: UInt32(truncatingIfNeeded: changed.tv_nsec))
        entry.mtime = git_index_time(
            seconds: Int32(truncatingIfNeeded: modified.tv_sec), nanoseconds: UInt32(truncatingIfNeeded: modified.tv_nsec))
        entry.dev = UInt32(truncatingIfNeeded: info.st_dev)
        entry.ino = UInt32(truncatingIfNeeded: info.st_ino)
        entry.mode = mode.rawValue
        entry.uid = UInt32(truncatingIfNeeded: info.st_uid)
        entry.gid = UInt32(truncatingIfNeeded: info.st_gid)
        entry.file_size = UInt32(truncatingIfNeeded: info.st_size)
        entry.id = id
        return entry
    }
}
