import CZlib

/// One zlib stream, reset between inputs: a pack deflates thousands of small objects, and a fresh stream for each
/// would allocate and clear zlib's quarter-megabyte state every time. Not shared between threads.
final class Deflater {
    private var stream = z_stream()

    /// zlib's fastest level, as git writes loose objects (`core.looseCompression`): a sync commit's pack is written
    /// once, read rarely, and repacked by `git gc`.
    init(level: Int32 = Z_BEST_SPEED) throws(GitError) {
        let status = deflateInit_(&stream, level, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else { throw GitError(.libgit2, "cannot compress the sync commit's objects (zlib \(status))") }
    }

    deinit { deflateEnd(&stream) }

    /// `bytes` as one complete zlib stream, appended to `out`.
    func deflate(_ bytes: UnsafeRawBufferPointer, appendingTo out: inout [UInt8]) throws(GitError) {
        defer { deflateReset(&stream) }
        let bound = Int(deflateBound(&stream, UInt(bytes.count)))
        let start = out.count
        out.append(contentsOf: repeatElement(0, count: bound))
        let status = out.withUnsafeMutableBufferPointer { buffer in
            stream.next_in = UnsafeMutablePointer(mutating: bytes.bindMemory(to: Bytef.self).baseAddress)
            stream.avail_in = uInt(bytes.count)
            stream.next_out = buffer.baseAddress! + start
            stream.avail_out = uInt(bound)
            return CZlib.deflate(&stream, Z_FINISH)
        }
        guard status == Z_STREAM_END else { throw GitError(.libgit2, "cannot compress the sync commit's objects (zlib \(status))") }
        out.removeLast(Int(stream.avail_out))
    }
}
