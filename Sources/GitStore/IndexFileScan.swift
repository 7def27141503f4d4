import Foundation

/// Whether the index holds any of some paths at stage 0, read from the index file's bytes. A sync commit asks this
/// of the few `.gitattributes` files that could apply to what it stores; libgit2 would build all of a 10,000-entry
/// index in memory to answer (13 ms). Only the formats git writes unless told otherwise are read here: versions 2
/// and 3, neither split nor sparse. For any other index the answer is nil, and the caller asks libgit2.
enum IndexFileScan {
    /// nil: the file could not be read, or is in a format not read here.
    static func holdsAny(of paths: Set<String>, indexPath: String) -> Bool? {
        var info = stat()
        if stat(indexPath, &info) != 0 { return errno == ENOENT ? false : nil }
        guard let data = FileManager.default.contents(atPath: indexPath) else { return nil }
        let wanted = Set(paths.map { Array($0.utf8) })
        return data.withUnsafeBytes { holdsAny(of: wanted, in: $0) }
    }

    private static let signature = Array("DIRC".utf8)
    private static let checksumSize = 20

    static func holdsAny(of wanted: Set<[UInt8]>, in bytes: UnsafeRawBufferPointer) -> Bool? {
        let end = bytes.count - checksumSize
        guard end >= 12, bytes.prefix(4).elementsEqual(signature) else { return nil }
        let version = bigEndian32(bytes, at: 4)
        guard version == 2 || version == 3 else { return nil }
        let lengths = Set(wanted.map(\.count))
        var offset = 12
        var found = false
        for _ in 0..<bigEndian32(bytes, at: 8) {
            guard let entry = entry(in: bytes, at: offset, end: end) else { return nil }
            if !found, entry.stage == 0, lengths.contains(entry.path.count), wanted.contains(Array(bytes[entry.path])) {
                found = true
            }
            offset = entry.next
        }
        return onlyKnownExtensions(in: bytes, from: offset, to: end) ? found : nil
    }

    /// One entry's stage, the range of its path, and where the next entry starts: the fixed 62 bytes (64 with
    /// version 3's extended flags), the path, then 1 to 8 NULs up to a multiple of 8.
    private static func entry(in bytes: UnsafeRawBufferPointer, at offset: Int, end: Int)
        -> (stage: Int, path: Range<Int>, next: Int)?
    {
        guard offset + 62 <= end else { return nil }
        let flags = Int(bytes[offset + 60]) << 8 | Int(bytes[offset + 61])
        let fixed = flags & 0x4000 != 0 ? 64 : 62
        let start = offset + fixed
        var length = flags & 0x0FFF
        if length == 0x0FFF {
            // Too long for the flags: the path runs to its NUL.
            guard start + length <= end, let nul = bytes[(start + length)..<end].firstIndex(of: 0) else { return nil }
            length = nul - start
        }
        let next = offset + ((fixed + length + 8) & ~7)
        guard start + length < end, next <= end else { return nil }
        return ((flags >> 12) & 3, start..<(start + length), next)
    }

    /// A split index (`link`) keeps its entries in another file, and a sparse one (`sdir`) folds folders into one
    /// entry: either way the entries read here are not all of them.
    private static func onlyKnownExtensions(in bytes: UnsafeRawBufferPointer, from start: Int, to end: Int) -> Bool {
        var offset = start
        while offset + 8 <= end {
            let name = String(decoding: bytes[offset..<(offset + 4)], as: UTF8.self)
            if name == "link" || name == "sdir" { return false }
            offset += 8 + Int(bigEndian32(bytes, at: offset + 4))
        }
        return offset == end
    }

    private static func bigEndian32(_ bytes: UnsafeRawBufferPointer, at offset: Int) -> UInt32 {
        bytes[offset..<(offset + 4)].reduce(0) { $0 << 8 | UInt32($1) }
    }
}
