import CLibGit2
import CZlib
import Foundation

/// Stores one large blob as a loose object the way libgit2 does (`objects/xx/…`, zlib at git's loose level, written
/// to a temporary file and renamed into place, read-only), with the compression split across cores. At 10,000 items
/// the sync state's 2.8 MB `last-sync.json` took 30 ms to compress on one core, after a sync's last write, with the
/// other core idle. Each part after the first is primed with the 32 KB before it, as pigz does, so the parts make
/// one zlib stream that any reader inflates, compressed as small as a serial one.
struct LooseBlobWriter {
    /// Below this a blob goes through libgit2 on one core: splitting it would save less than a millisecond.
    static let threshold = 1 << 20
    private static let partSize = 1 << 19
    private static let window = 1 << 15

    private let objectsFolder: String
    private let database: OpaquePointer

    /// `database` is the repository's, to find an object it holds already; the caller keeps it open.
    init(objectsFolder: String, database: OpaquePointer) {
        self.objectsFolder = objectsFolder
        self.database = database
    }

    /// The blob's id, as `git hash-object` gives it; its object is on disk when this returns. nil, with nothing
    /// written, when a part could not be compressed: libgit2 then stores the blob on one core.
    func store(_ contents: UnsafeRawBufferPointer) throws(GitError) -> git_oid? {
        let object = Array("blob \(contents.count)\0".utf8) + contents
        let parts = Self.parts(of: object.count)
        let made = Self.hashAndDeflate(object, parts: parts)
        guard var id = made.id, made.deflated.allSatisfy({ $0 != nil }) else { return nil }
        if git_odb_exists_ext(database, &id, GIT_ODB_LOOKUP_NO_REFRESH.rawValue) == 1 { return id }
        var stream: [UInt8] = [0x78, 0x01]
        stream.reserveCapacity(made.deflated.reduce(6) { $0 + ($1?.bytes.count ?? 0) })
        var adler = adler32(0, nil, 0)
        for (part, deflated) in zip(parts, made.deflated) {
            stream += deflated!.bytes
            adler = adler32_combine(adler, deflated!.adler, part.count)
        }
        stream += (0..<4).reversed().map { UInt8(truncatingIfNeeded: adler >> ($0 * 8)) }
        try write(stream, as: hexString(&id))
        return id
    }

    /// The object cut into parts of about `partSize` bytes.
    private static func parts(of count: Int) -> [Range<Int>] {
        let lanes = max(1, count / partSize)
        return (0..<lanes).map { lane in (count * lane / lanes)..<(count * (lane + 1) / lanes) }
    }

    /// The id on one lane and each part's deflate on the others, all at once.
    private static func hashAndDeflate(_ object: [UInt8], parts: [Range<Int>])
        -> (id: git_oid?, deflated: [LooseBlobParts.Part?])
    {
        let results = LooseBlobParts(parts.count)
        DispatchQueue.concurrentPerform(iterations: parts.count + 1) { lane in
            object.withUnsafeBytes { object in
                if lane == parts.count {
                    var id = git_oid()
                    let headerLength = object.firstIndex(of: 0)! + 1
                    let hashed = git_odb_hash(&id, object.baseAddress! + headerLength, object.count - headerLength, GIT_OBJECT_BLOB)
                    results.setID(hashed == 0 ? id : nil)
                } else {
                    results.set(lane, deflate(object, part: parts[lane], last: lane == parts.count - 1))
                }
            }
        }
        return results.taken()
    }

    /// One part as raw deflate: primed with the window before it, ended by a sync flush (the next part follows on a
    /// byte boundary) or, for the last, by the final block.
    private static func deflate(_ object: UnsafeRawBufferPointer, part: Range<Int>, last: Bool) -> LooseBlobParts.Part? {
        var stream = z_stream()
        guard deflateInit2_(&stream, Z_BEST_SPEED, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
                            Int32(MemoryLayout<z_stream>.size)) == Z_OK
        else { return nil }
        defer { deflateEnd(&stream) }
        let base = object.bindMemory(to: Bytef.self).baseAddress!
        let primed = min(part.lowerBound, window)
        if primed > 0, deflateSetDictionary(&stream, base + part.lowerBound - primed, uInt(primed)) != Z_OK { return nil }
        var out = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(part.count))) + 64)
        let status = out.withUnsafeMutableBufferPointer { buffer in
            stream.next_in = UnsafeMutablePointer(mutating: base + part.lowerBound)
            stream.avail_in = uInt(part.count)
            stream.next_out = buffer.baseAddress
            stream.avail_out = uInt(buffer.count)
            return CZlib.deflate(&stream, last ? Z_FINISH : Z_SYNC_FLUSH)
        }
        guard stream.avail_in == 0, last ? status == Z_STREAM_END : (status == Z_OK && stream.avail_out > 0) else { return nil }
        out.removeLast(Int(stream.avail_out))
        return (out, adler32(adler32(0, nil, 0), base + part.lowerBound, uInt(part.count)))
    }

    /// `objects/xx/tmp_obj_…` written whole and read-only, then renamed to the object's name. Not flushed to disk,
    /// as neither git (by default) nor libgit2 flushes a loose object.
    private func write(_ stream: [UInt8], as hex: String) throws(GitError) {
        let folder = objectsFolder + "/" + hex.prefix(2)
        if mkdir(folder, 0o777) != 0 && errno != EEXIST {
            throw GitError(.libgit2, "cannot write the object \(hex) into \(objectsFolder): \(String(cString: strerror(errno)))")
        }
        let temporary = try ReadOnlyFile.writeTemporary(stream, in: folder, prefix: "obj", synced: false, what: "the object \(hex)")
        guard rename(temporary, folder + "/" + hex.dropFirst(2)) == 0 else {
            unlink(temporary)
            throw GitError(.libgit2, "cannot move the object \(hex) into \(folder)")
        }
    }
}
