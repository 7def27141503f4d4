import CLibGit2

/// A pack written into an object database as it is made: libgit2's indexer writes it to a temporary file and
/// indexes it, so the pack is never held whole in memory. The packbuilder hands over a chunk or two per object, and
/// the indexer unmaps its windows on the pack at every append, so chunks are gathered into blocks of `blockSize`
/// first. `commit` makes the pack part of the database.
final class PackStream {
    static let blockSize = 1 << 20

    private let writer: UnsafeMutablePointer<git_odb_writepack>
    private var progress = git_indexer_progress()
    private var block: [UInt8] = []
    /// The first error an append met: the packbuilder's callback can only stop the build, not say why.
    private var failure: Int32 = 0

    init(into database: OpaquePointer) throws(GitError) {
        var opened: UnsafeMutablePointer<git_odb_writepack>?
        try check(git_odb_write_pack(&opened, database, nil, nil), "cannot store the sync commit's objects")
        guard let opened else { throw GitError(.libgit2, "cannot store the sync commit's objects") }
        writer = opened
        block.reserveCapacity(Self.blockSize)
    }

    deinit { writer.pointee.free(writer) }

    /// Writes every chunk `builder` makes, in order.
    func write(_ builder: OpaquePointer) throws(GitError) {
        let stream = Unmanaged.passUnretained(self).toOpaque()
        let built = git_packbuilder_foreach(builder, { data, size, payload in
            guard let data, let payload else { return -1 }
            return Unmanaged<PackStream>.fromOpaque(payload).takeUnretainedValue().gather(data, size: size)
        }, stream)
        try check(failure != 0 ? failure : built, "cannot store the sync commit's objects")
        try check(flush(), "cannot store the sync commit's objects")
    }

    func commit() throws(GitError) {
        try check(writer.pointee.commit(writer, &progress), "cannot store the sync commit's objects")
    }

    private func gather(_ data: UnsafeMutableRawPointer, size: Int) -> Int32 {
        block.append(contentsOf: UnsafeRawBufferPointer(start: data, count: size))
        return block.count >= Self.blockSize ? flush() : 0
    }

    private func flush() -> Int32 {
        if block.isEmpty { return 0 }
        let appended = block.withUnsafeBytes { writer.pointee.append(writer, $0.baseAddress, $0.count, &progress) }
        block.removeAll(keepingCapacity: true)
        if appended < 0 { failure = appended }
        return appended
    }
}
