import CLibGit2

/// A pack written into an object database as it is made, chunk by chunk: libgit2's indexer writes it to a
/// temporary file and indexes it, so the pack is never held whole in memory. `commit` makes it part of the database.
final class PackStream {
    private let writer: UnsafeMutablePointer<git_odb_writepack>
    private var progress = git_indexer_progress()
    /// The first error an append met: the packbuilder's callback can only stop the build, not say why.
    private(set) var failure: Int32 = 0

    init(into database: OpaquePointer) throws(GitError) {
        var opened: UnsafeMutablePointer<git_odb_writepack>?
        try check(git_odb_write_pack(&opened, database, nil, nil), "cannot store the sync commit's objects")
        guard let opened else { throw GitError(.libgit2, "cannot store the sync commit's objects") }
        writer = opened
    }

    deinit { writer.pointee.free(writer) }

    /// Writes every chunk `builder` makes, in order.
    func write(_ builder: OpaquePointer) throws(GitError) {
        let stream = Unmanaged.passUnretained(self).toOpaque()
        let built = git_packbuilder_foreach(builder, { data, size, payload in
            guard let data, let payload else { return -1 }
            return Unmanaged<PackStream>.fromOpaque(payload).takeUnretainedValue().append(data, size: size)
        }, stream)
        try check(failure != 0 ? failure : built, "cannot store the sync commit's objects")
    }

    func commit() throws(GitError) {
        try check(writer.pointee.commit(writer, &progress), "cannot store the sync commit's objects")
    }

    private func append(_ data: UnsafeMutableRawPointer, size: Int) -> Int32 {
        let appended = writer.pointee.append(writer, data, size, &progress)
        if appended < 0 { failure = appended }
        return appended
    }
}
