import CLibGit2
import Foundation

/// Writes objects into a folder of packs (`.git/objects/pack`) as `git index-pack` leaves them: the pack (format
/// version 2) and its index (version 2) named `pack-<checksum>`, read-only. Until `finish` the objects are in a
/// temporary file no reader looks at; the pack is renamed into place before its index, so a reader never finds an
/// index without its pack. A writer that is not finished removes its temporary file.
final class PackFileWriter {
    private let folder: String
    private let temporary: String
    private var descriptor: Int32
    private var offset: UInt64 = 12
    private var entries: [(id: git_oid, offset: UInt64, crc: UInt32)] = []
    private var written = Set<[UInt8]>()
    private var done = false

    init(folder: String) throws(GitError) {
        self.folder = folder
        var template = Array((folder + "/tmp_pack_XXXXXX").utf8CString)
        let opened = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard opened >= 0 else { throw Self.failure("cannot create a pack in \(folder)") }
        descriptor = opened
        temporary = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        do throws(GitError) {
            try write(Self.header(count: 0))
        } catch {
            abandon()
            throw error
        }
    }

    deinit { if !done { abandon() } }

    var count: Int { entries.count }

    /// Whether an object with this id is in the pack already.
    func holds(_ id: git_oid) -> Bool { written.contains(Self.bytes(of: id)) }

    /// Adds `entry` unless an object with its id is in the pack already.
    func append(_ entry: PackEntry) throws(GitError) {
        guard written.insert(Self.bytes(of: entry.id)).inserted else { return }
        try write(entry.bytes)
        entries.append((entry.id, offset, entry.crc))
        offset += UInt64(entry.bytes.count)
    }

    /// Completes the pack and its index and moves both into place; the pack's name. Nil, and nothing written, when
    /// no object was added.
    func finish() throws(GitError) -> String? {
        guard !entries.isEmpty else {
            abandon()
            return nil
        }
        guard entries.count <= UInt32.max else { throw Self.failure("cannot pack \(entries.count) objects in one pack") }
        try write(Self.header(count: UInt32(entries.count)), at: 0)
        let checksum = try checksumOfPack()
        try write(checksum)
        let name = "pack-" + checksum.map { String(format: "%02x", $0) }.joined()
        let index = try writeIndex(packChecksum: checksum)
        guard fchmod(descriptor, 0o444) == 0, fsyncAndClose() else {
            unlink(index)
            throw Self.failure("cannot write the pack \(temporary)")
        }
        guard rename(temporary, folder + "/" + name + ".pack") == 0 else {
            unlink(index)
            unlink(temporary)
            throw Self.failure("cannot move the pack into \(folder)")
        }
        guard rename(index, folder + "/" + name + ".idx") == 0 else {
            unlink(index)
            throw Self.failure("cannot move the pack's index into \(folder)")
        }
        done = true
        return name
    }

    func abandon() {
        if descriptor >= 0 { close(descriptor) }
        descriptor = -1
        unlink(temporary)
        done = true
    }

    /// "PACK", version 2, the object count: big-endian.
    private static func header(count: UInt32) -> [UInt8] {
        Array("PACK".utf8) + bigEndian(UInt32(2)) + bigEndian(count)
    }

    /// The pack's SHA-1, read back from the file: the count in its header is known only at the end.
    private func checksumOfPack() throws(GitError) -> [UInt8] {
        var hasher = SHA1()
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var position: off_t = 0
        while true {
            let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, position) }
            if count < 0 { throw Self.failure("cannot read back the pack \(temporary)") }
            if count == 0 { break }
            buffer.withUnsafeBytes { hasher.update(UnsafeRawBufferPointer(rebasing: $0.prefix(count))) }
            position += off_t(count)
        }
        guard UInt64(position) == offset else { throw Self.failure("the pack \(temporary) changed while it was written") }
        return hasher.finish()
    }

    /// Index version 2: a fan-out table of counts by first byte, the sorted ids, their entries' CRC-32s, their
    /// offsets (those past 2 GiB in a table of 64-bit ones), the pack's checksum, then the index's own.
    private func writeIndex(packChecksum: [UInt8]) throws(GitError) -> String {
        let sorted = entries.map { (id: Self.bytes(of: $0.id), offset: $0.offset, crc: $0.crc) }
            .sorted { $0.id.lexicographicallyPrecedes($1.id) }
        var out: [UInt8] = [0xFF, 0x74, 0x4F, 0x63] + Self.bigEndian(UInt32(2))
        var fanout = [UInt32](repeating: 0, count: 256)
        for entry in sorted { fanout[Int(entry.id[0])] += 1 }
        var running: UInt32 = 0
        for bucket in 0..<256 {
            running += fanout[bucket]
            out += Self.bigEndian(running)
        }
        for entry in sorted { out += entry.id }
        for entry in sorted { out += Self.bigEndian(entry.crc) }
        var large: [UInt64] = []
        for entry in sorted {
            if entry.offset < 0x8000_0000 {
                out += Self.bigEndian(UInt32(entry.offset))
            } else {
                out += Self.bigEndian(0x8000_0000 | UInt32(large.count))
                large.append(entry.offset)
            }
        }
        for offset in large { out += Self.bigEndian(offset) }
        out += packChecksum
        var hasher = SHA1()
        hasher.update(out)
        out += hasher.finish()
        return try ReadOnlyFile.writeTemporary(out, in: folder, prefix: "idx", synced: true, what: "a pack index")
    }

    private func write(_ bytes: [UInt8], at position: off_t? = nil) throws(GitError) {
        var done = 0
        let complete = bytes.withUnsafeBytes { raw in
            while done < raw.count {
                let count = position.map { pwrite(descriptor, raw.baseAddress! + done, raw.count - done, $0 + off_t(done)) }
                    ?? Foundation.write(descriptor, raw.baseAddress! + done, raw.count - done)
                if count < 0 { if errno == EINTR { continue }; return false }
                done += count
            }
            return true
        }
        guard complete else { throw Self.failure("cannot write the pack \(temporary)") }
    }

    private func fsyncAndClose() -> Bool {
        let synced = fsync(descriptor) == 0
        let closed = close(descriptor) == 0
        descriptor = -1
        return synced && closed
    }

    private static func failure(_ what: String) -> GitError {
        GitError(.libgit2, "\(what): \(String(cString: strerror(errno)))")
    }

    private static func bytes(of id: git_oid) -> [UInt8] {
        withUnsafeBytes(of: id.id) { Array($0) }
    }

    private static func bigEndian<T: FixedWidthInteger>(_ value: T) -> [UInt8] {
        withUnsafeBytes(of: value.bigEndian) { Array($0) }
    }
}
