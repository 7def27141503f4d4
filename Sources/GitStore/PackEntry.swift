import CLibGit2
import CZlib

/// One object as a pack stores it, undeltified: its id, and its entry (the type-and-size header, then the object
/// deflated) with the entry's CRC-32, which the pack's index records.
struct PackEntry {
    let id: git_oid
    let bytes: [UInt8]
    let crc: UInt32

    static func blob(_ contents: UnsafeRawBufferPointer, deflater: Deflater) throws(GitError) -> PackEntry {
        var id = git_oid()
        guard git_odb_hash(&id, contents.baseAddress, contents.count, GIT_OBJECT_BLOB) == 0 else {
            throw GitError(.libgit2, "cannot hash a blob of the sync commit")
        }
        var bytes = header(type: UInt8(GIT_OBJECT_BLOB.rawValue), size: contents.count)
        try deflater.deflate(contents, appendingTo: &bytes)
        let crc = bytes.withUnsafeBytes { crc32(0, $0.bindMemory(to: Bytef.self).baseAddress, uInt($0.count)) }
        return PackEntry(id: id, bytes: bytes, crc: UInt32(truncatingIfNeeded: crc))
    }

    /// The type in bits 4–6 of the first byte, the size below it and in 7-bit groups after, least significant first,
    /// each byte but the last with its top bit set.
    static func header(type: UInt8, size: Int) -> [UInt8] {
        var rest = size >> 4
        var byte = type << 4 | UInt8(size & 0x0F)
        var out: [UInt8] = []
        while rest > 0 {
            out.append(byte | 0x80)
            byte = UInt8(rest & 0x7F)
            rest >>= 7
        }
        out.append(byte)
        return out
    }
}
