import Foundation

/// A file written whole under a temporary name (`tmp_…`) in the folder it will be renamed within, then made
/// read-only, as git leaves objects, packs and their indexes. A run killed before the rename leaves only the
/// temporary file, which nothing reads and `git prune` removes.
enum ReadOnlyFile {
    /// The temporary file's path. `synced`: flushed to disk before it is closed. Nothing is left when writing fails;
    /// `what` names the file in the error.
    static func writeTemporary(_ bytes: [UInt8], in folder: String, prefix: String, synced: Bool, what: String)
        throws(GitError) -> String
    {
        var template = Array((folder + "/tmp_" + prefix + "_XXXXXX").utf8CString)
        let opened = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard opened >= 0 else { throw failure("cannot create \(what) in \(folder)") }
        let path = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        let complete = bytes.withUnsafeBytes { writeAll(opened, $0) }
        let readOnly = fchmod(opened, 0o444) == 0
        let flushed = !synced || fsync(opened) == 0
        let closed = close(opened) == 0
        guard complete, readOnly, flushed, closed else {
            let error = failure("cannot write \(what) \(path)")
            unlink(path)
            throw error
        }
        return path
    }

    private static func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let count = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return false }
            offset += count
        }
        return true
    }

    private static func failure(_ what: String) -> GitError {
        GitError(.libgit2, "\(what): \(String(cString: strerror(errno)))")
    }
}
